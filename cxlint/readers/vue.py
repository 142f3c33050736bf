"""Vue single-file components: the ``<template>`` block read as HTML, the other blocks left out.

No maintained Vue grammar is published as a Python wheel, so a block splitter finds the
top-level ``<template>`` as Vue's own SFC parser does (blocks at the top level; nested
``<template v-if>`` counted so the outer one closes where it should); ``<script>``, ``<style>`` and
custom blocks are skipped whole. Inside it, ``{{ }}`` mustaches are placeholders (as in every
template), and a bound copy attribute (``:title="tooltip"``, ``v-bind:alt="name"``) is a
placeholder carrying its expression. A ``lang="pug"`` template is not HTML and is left out.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Placeholder
from cxlint.readers.embedded import Steering, read_embedded
from cxlint.readers.expressions import expression_name
from cxlint.readers.html import COPY_ATTRIBUTES, HTML, HtmlSpec

_ATTRIBUTES = r"""((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)"""
"""A start tag's attributes. No ``<`` in a name: a tag that never closes is given up at the next ``<``,
so a file of unclosed tags costs one pass, not one pass per tag."""
_TOP_TAG = re.compile(rf"<(!--|[A-Za-z][\w-]*){_ATTRIBUTES}\s*(/?)>")
_TEMPLATE_TAG = re.compile(rf"<(/?)template\b{_ATTRIBUTES}\s*(/?)>", re.I)
_NOT_HTML = re.compile(r"""\blang\s*=\s*["']?(?!html\b)\w""", re.I)
_TAG = re.compile(rf"<[A-Za-z][\w:.-]*{_ATTRIBUTES}\s*/?>")
_BOUND = re.compile(r"""(?<![^\s])(?::|v-bind:)([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")

VUE = HtmlSpec(copy_attributes=COPY_ATTRIBUTES | {f"{prefix}{name}" for name in COPY_ATTRIBUTES for prefix in (":", "v-bind:")})


def read(path: str, text: str) -> Document:
    steering: list[Steering] = []
    placeholders: list[Placeholder] = []
    shown = 0
    for start, end in template_blocks(text):
        steering.append(Steering(shown, start))
        placeholders += _bound_copy(text, start, end)
        shown = end
    steering.append(Steering(shown, len(text)))
    return read_embedded(path, text, placeholders, steering, VUE)


def template_blocks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of the inside of each top-level HTML ``<template>`` block."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    while True:
        tag = _TOP_TAG.search(text, pos)
        if tag is None:
            return blocks
        name = tag.group(1)
        if name == "!--":
            close = text.find("-->", tag.end())
            pos = len(text) if close == -1 else close + 3
            continue
        if tag.group(3):  # a self-closing block holds nothing
            pos = tag.end()
            continue
        if name.lower() == "template":
            end, after = _template_end(text, tag.end())
            if not _NOT_HTML.search(tag.group(2) or ""):
                blocks.append((tag.end(), end))
            pos = after
        else:
            closing = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(text, tag.end())
            pos = len(text) if closing is None else closing.end()


def _template_end(text: str, pos: int) -> tuple[int, int]:
    """Where the template opened before ``pos`` closes (inner ``<template>`` tags counted), and the end of its close tag."""
    depth = 1
    for tag in _TEMPLATE_TAG.finditer(text, pos):
        if tag.group(3):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start(), tag.end()
    return len(text), len(text)


def _bound_copy(text: str, start: int, end: int) -> list[Placeholder]:
    """Placeholders for the values of copy attributes bound to expressions (``:alt="product.name"``)."""
    found = []
    for tag in _TAG.finditer(text, start, end):
        for attribute in _BOUND.finditer(text, tag.start(1), tag.end(1)):
            if attribute.group(1).lower() not in COPY_ATTRIBUTES:
                continue
            group = 2 if attribute.group(2) is not None else 3
            value_start, value_end = attribute.span(group)
            if value_end > value_start:
                code = text[value_start:value_end]
                found.append(Placeholder(value_start, value_end, expression_name(code), code, "vue"))
    return found
