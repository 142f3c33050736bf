"""Project Fluent ``.ftl`` files: message and term values and their ``.attributes``.

Values run over indented continuation lines; placeables, select expressions and their variant
keys are template syntax (``cxlint.text.placeholders``), each variant's text stays copy.
Strings are named ``/message-id`` or ``/message-id/attribute``.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Segment
from cxlint.readers.masking import Mask, reveal_markup_string
from cxlint.readers.structured import json_pointer
from cxlint.text.placeholders import mask_templates

_ENTRY = re.compile(r"^(-?[A-Za-z][\w-]*)[ \t]*=[ \t]*", re.MULTILINE)
_ATTRIBUTE = re.compile(r"^[ \t]+\.([A-Za-z][\w-]*)[ \t]*=[ \t]*", re.MULTILINE)
_CONTINUATION = re.compile(r"[ \t]+\S|[ \t]*\r?$")


def read(path: str, text: str) -> Document:
    mask = Mask(text)
    segments: list[Segment] = []
    for entry in _ENTRY.finditer(text):
        message = entry.group(1)
        end = _value_end(text, entry.end())
        _add(mask, segments, [message], entry.end(), end)
        pos = end
        while True:
            attribute = _ATTRIBUTE.match(text, pos + 1) if pos < len(text) else None
            if attribute is None:
                break
            attr_end = _value_end(text, attribute.end())
            _add(mask, segments, [message, attribute.group(1)], attribute.end(), attr_end)
            pos = attr_end
    masked, placeholders = mask_templates(text, mask.text())
    chars = list(masked)
    for segment in segments:
        for index in range(segment.start, segment.end):
            if chars[index] == "\n":
                chars[index] = " "  # continuation lines of one value read as one text
    return Document(path=path, source=text, mask="".join(chars), placeholders=placeholders, segments=tuple(segments))


def _value_end(text: str, start: int) -> int:
    """The end of a value: its first line and every indented line after it that is not an attribute."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while end < len(text):
        nxt = end + 1
        line_end = text.find("\n", nxt)
        line_end = len(text) if line_end == -1 else line_end
        line = text[nxt:line_end]
        closing = line.lstrip().startswith("}")  # a select expression may close at column 0
        if not line.strip() or (not line[:1].isspace() and not closing) or _ATTRIBUTE.match(text, nxt):
            break
        end = line_end
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _add(mask: Mask, segments: list[Segment], parts: list[str], start: int, end: int) -> None:
    if end <= start:
        return
    mask.reveal(start, end)
    reveal_markup_string(mask, start, end)
    mask.block_break(end)
    segments.append(Segment(start, end, json_pointer(parts)))
