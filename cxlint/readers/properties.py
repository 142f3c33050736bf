"""Java ``.properties`` bundles: each value is copy, named by its key; comments and keys are not.

Logical lines join across a trailing backslash; ``\\uXXXX`` (a surrogate pair as one character) and
the other escapes are decoded in place. The joint between continued lines reads as a space, so a
wrapped sentence stays whole. A ``\\u`` without four hex digits, which Java refuses, is kept as
the text it is (``C:\\users``), so the rest of the file is still linted.
"""

from __future__ import annotations

import re

from cxlint.document import PLACEHOLDER_FILL, Document, Placeholder, Segment
from cxlint.readers.escapes import UTF16_ESCAPE, utf16_escape
from cxlint.readers.masking import Mask, reveal_markup_string
from cxlint.readers.structured import is_copy, json_pointer
from cxlint.text.placeholders import mask_templates

_KEY = re.compile(r"[ \t\f]*((?:\\.|[^\s:=\\])+)[ \t\f]*[:=]?[ \t\f]*")
_ESCAPE = re.compile(rf"\\(?:{UTF16_ESCAPE}|\r?\n[ \t\f]*|.)")
_SIMPLE = {"n": "\n", "t": "\t", "r": " ", "f": " "}


def read(path: str, text: str) -> Document:
    mask = Mask(text)
    segments: list[Segment] = []
    for key, start, end in _entries(text):
        if not is_copy(key.split("."), text[start:end]):
            continue
        mask.reveal(start, end)
        for match in _ESCAPE.finditer(text, start, end):
            escape = match.group(0)
            if escape == "\\u":
                continue  # malformed: left as written
            decoded = utf16_escape(escape) if escape[1] == "u" else " " if escape[1] in "\r\n" else _SIMPLE.get(escape[1], escape[1])
            mask.write(match.start(), match.end(), decoded)
        reveal_markup_string(mask, start, end)
        mask.block_break(end)
        segments.append(Segment(start, end, json_pointer([key])))
    masked, placeholders = mask_templates(text, mask.text())
    masked, numbered = _numbered_placeholders(text, masked)
    placeholders = tuple(sorted(placeholders + numbered, key=lambda p: p.start))
    return Document(path=path, source=text, mask=masked, placeholders=placeholders, segments=tuple(segments))


_NUMBERED = re.compile(r"#\d\b")


def _numbered_placeholders(source: str, mask: str) -> tuple[str, tuple[Placeholder, ...]]:
    """Mozilla's plural strings use ``#1``, ``#2`` for their arguments ("#1 tabs;#1 tab"): placeholders."""
    found = tuple(
        Placeholder(m.start(), m.end(), m.group(0)[1:], m.group(0), "numbered")
        for m in _NUMBERED.finditer(mask)
        if source.startswith(m.group(0), m.start())  # not "#" before a decoded escape ("#\\0")
    )
    if not found:
        return mask, ()
    chars = list(mask)
    for placeholder in found:
        chars[placeholder.start : placeholder.end] = PLACEHOLDER_FILL * (placeholder.end - placeholder.start)
    return "".join(chars), found


def _entries(text: str) -> list[tuple[str, int, int]]:
    """``(key, value start, value end)`` for each logical line that is not a comment."""
    entries: list[tuple[str, int, int]] = []
    pos = 0
    size = len(text)
    while pos < size:
        line_end = _logical_end(text, pos)
        stripped = text[pos:line_end].lstrip(" \t\f")
        if stripped and stripped[0] not in "#!\r\n":
            match = _KEY.match(text, pos, line_end)
            if match and match.end() < line_end:
                end = line_end
                while end > match.end() and text[end - 1] in "\r \t":
                    end -= 1
                entries.append((re.sub(r"\\(.)", r"\1", match.group(1)), match.end(), end))
        pos = line_end + 1
    return entries


def _logical_end(text: str, pos: int) -> int:
    """End of the logical line starting at ``pos`` (a line ending in an odd run of backslashes goes on)."""
    while True:
        end = text.find("\n", pos)
        if end == -1:
            return len(text)
        body = text[pos:end].rstrip("\r")
        backslashes = len(body) - len(body.rstrip("\\"))
        if backslashes % 2 == 0:
            return end
        pos = end + 1
