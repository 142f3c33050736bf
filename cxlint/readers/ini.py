"""``.ini`` string files (Mautic, Joomla, PHP apps): ``key = "value"`` under ``[sections]``.

Values are copy, named ``/section/key``; quotes are not part of the copy; ``;`` and ``#``
comment lines are skipped; inline HTML in a value is blanked and its entities decoded.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Segment
from cxlint.readers.masking import Mask, reveal_markup_string
from cxlint.readers.structured import is_copy, json_pointer
from cxlint.text.placeholders import mask_templates

_SECTION = re.compile(r"^[ \t]*\[([^\]\n]*)\]", re.MULTILINE)
_ENTRY = re.compile(r"^[ \t]*([^;#\[\s=][^=\n]*?)[ \t]*=[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)
_ESCAPE = re.compile(r'\\["\\nt]')


def read(path: str, text: str) -> Document:
    mask = Mask(text)
    segments: list[Segment] = []
    sections = [(m.start(), m.group(1).strip()) for m in _SECTION.finditer(text)]
    for match in _ENTRY.finditer(text):
        key = match.group(1).strip()
        start, end = match.span(2)
        if end - start >= 2 and text[start] == text[end - 1] and text[start] in "\"'":
            start, end = start + 1, end - 1
        section = next((name for at, name in reversed(sections) if at < match.start()), None)
        parts = [section, key] if section else [key]
        if start >= end or not is_copy(key.split("."), text[start:end]):
            continue
        mask.reveal(start, end)
        for escape in _ESCAPE.finditer(text, start, end):
            mask.write(escape.start(), escape.end(), {"n": "\n", "t": "\t"}.get(escape.group(0)[1], escape.group(0)[1]))
        reveal_markup_string(mask, start, end)
        mask.block_break(end)
        mask.block_break(start - 1)
        segments.append(Segment(start, end, json_pointer(parts)))
    masked, placeholders = mask_templates(text, mask.text())
    return Document(path=path, source=text, mask=masked, placeholders=placeholders, segments=tuple(segments))
