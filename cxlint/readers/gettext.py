"""gettext ``.po``/``.pot`` catalogues: ``msgid`` (the source copy) and ``msgstr`` (its translation).

Each quoted line is revealed between its quotes with C escapes decoded in place (a ``\\x`` without
hex digits kept as written, as msgfmt would refuse it, so the file is still linted); the quotes and
line breaks between the lines of one string read as spaces, so a message stays one text. The
header entry and comments are not copy. Strings are named ``/<msgctxt|msgid>/<field>``.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Segment
from cxlint.readers.masking import Mask, reveal_markup_string
from cxlint.readers.structured import json_pointer
from cxlint.text.placeholders import mask_templates

_KEYWORD = re.compile(r"^[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+(?=\")", re.MULTILINE)
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)")
_SIMPLE = {"n": "\n", "t": "\t", "r": " ", "a": " ", "b": " ", "f": " ", "v": " "}


def read(path: str, text: str) -> Document:
    mask = Mask(text)
    segments: list[Segment] = []
    name = ""
    context = ""
    for field, pieces in _fields(text):
        value = "".join(text[a:b] for a, b in pieces)
        if field == "msgctxt":
            context = value
            continue
        if field == "msgid":
            name, context = (context or value), ""
        if not value.strip() or (not name and field.startswith("msgstr")):
            continue  # untranslated, or the header entry
        for index, (start, end) in enumerate(pieces):
            _reveal(mask, start, end)
            if index:
                mask.chars[start - 1] = " "  # the quote joining two lines of one string
                for gap in range(pieces[index - 1][1], start - 1):
                    mask.chars[gap] = " "
        segments.append(Segment(pieces[0][0], pieces[-1][1], json_pointer([name, field])))
        mask.block_break(pieces[-1][1])
        mask.block_break(pieces[0][0] - 1)
    masked, placeholders = mask_templates(text, mask.text())
    segments.sort(key=lambda s: s.start)
    return Document(path=path, source=text, mask=masked, placeholders=placeholders, segments=tuple(segments))


def _fields(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each keyword with the content spans of its quoted lines."""
    fields: list[tuple[str, list[tuple[int, int]]]] = []
    for keyword in _KEYWORD.finditer(text):
        pieces: list[tuple[int, int]] = []
        pos = keyword.end()
        while True:
            quoted = _QUOTED.match(text, pos)
            if quoted is None:
                break
            pieces.append(quoted.span(1))
            pos = quoted.end()
            following = re.match(r"[ \t]*\r?\n[ \t]*(?=\")", text[pos:])
            if following is None:
                break
            pos += following.end()
        if pieces:
            fields.append((keyword.group(1), pieces))
    return fields


def _reveal(mask: Mask, start: int, end: int) -> None:
    mask.reveal(start, end)
    for match in _ESCAPE.finditer(mask.source, start, end):
        escape = match.group(0)
        if escape[1] in "01234567":
            decoded = chr(int(escape[1:], 8))
        elif escape[1] == "x":
            if len(escape) == 2:
                continue  # malformed: left as written
            decoded = chr(int(escape[2:], 16))
        else:
            decoded = _SIMPLE.get(escape[1], escape[1])
        mask.write(match.start(), match.end(), decoded)
    reveal_markup_string(mask, start, end)
