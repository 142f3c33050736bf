"""Android ``strings.xml`` resources: ``<string>``, ``<plurals>`` items and ``<string-array>`` items.

Inner markup is read as HTML (``<b>``, ``<xliff:g>`` placeholders), Android's backslash escapes
are decoded in place (a ``\\uXXXX\\uXXXX`` surrogate pair as one character, a ``\\u`` without four
hex digits kept as written), ``translatable="false"`` strings are skipped. Strings are named
``/name`` or ``/name/quantity``. Other XML files are not copy and give an empty document.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Placeholder, Segment
from cxlint.readers.escapes import UTF16_ESCAPE, utf16_escape
from cxlint.readers.html import mask_html
from cxlint.readers.masking import Mask
from cxlint.readers.structured import json_pointer
from cxlint.text.placeholders import mask_templates

_CONTAINER = re.compile(r"<(string|plurals|string-array)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL)
_ITEM = re.compile(r"<item\b([^>]*)>(.*?)</item\s*>", re.DOTALL)
_NAME = re.compile(r"""\bname\s*=\s*["']([^"']*)["']""")
_QUANTITY = re.compile(r"""\bquantity\s*=\s*["']([^"']*)["']""")
_UNTRANSLATABLE = re.compile(r"""\btranslatable\s*=\s*["']false["']""")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_ESCAPE = re.compile(rf"\\(?:{UTF16_ESCAPE}|.)")
_SIMPLE = {"n": "\n", "t": "\t"}


def read(path: str, text: str) -> Document:
    mask = Mask(text)
    segments: list[Segment] = []
    inner: list[Placeholder] = []
    if "<resources" in text[:4096]:
        for container in _CONTAINER.finditer(text):
            if _UNTRANSLATABLE.search(container.group(2)):
                continue
            name = _NAME.search(container.group(2))
            key = name.group(1) if name else "?"
            if container.group(1) == "string":
                _add(mask, segments, inner, [key], *container.span(3))
                continue
            for index, item in enumerate(_ITEM.finditer(text, *container.span(3))):
                quantity = _QUANTITY.search(item.group(1))
                _add(mask, segments, inner, [key, quantity.group(1) if quantity else str(index)], *item.span(2))
    masked, placeholders = mask_templates(text, mask.text())
    found = tuple(sorted(placeholders + tuple(inner), key=lambda p: p.start))
    return Document(path=path, source=text, mask=masked, placeholders=found, segments=tuple(segments))


def _add(mask: Mask, segments: list[Segment], found: list[Placeholder], parts: list[str], start: int, end: int) -> None:
    inner = mask.source[start:end]
    cdata = _CDATA.fullmatch(inner.strip())
    offset = start + inner.index("<![CDATA[") + 9 if cdata else start
    sub, placeholders = mask_html(cdata.group(1) if cdata else inner)
    mask.splice(offset, sub)
    found.extend(Placeholder(p.start + offset, p.end + offset, p.name, p.raw, p.syntax) for p in placeholders)
    for match in _ESCAPE.finditer(mask.source, start, end):
        escape = match.group(0)
        if escape == "\\&":
            mask.blank(match.start(), match.start() + 1)  # XML decodes the entity first: it is the escaped character
        elif escape != "\\u" and not mask.is_blank(match.start()):
            decoded = utf16_escape(escape) if escape[1] == "u" else _SIMPLE.get(escape[1], escape[1])
            mask.write(match.start(), match.end(), decoded)
    mask.block_break(end)
    segments.append(Segment(start, end, json_pointer(parts)))
