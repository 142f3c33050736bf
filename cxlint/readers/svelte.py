"""Svelte components: the markup outside ``<script>`` and ``<style>``, read as HTML once its ``{…}`` are found.

``{expr}`` in copy (text or a copy attribute such as ``alt="Seen at {place}"``) becomes a
placeholder carrying its name, ``{@html x}`` too; block tags (``{#if}``, ``{:else}``, ``{/each}``,
``{#snippet}``) and ``{@render}``/``{@const}``/``{@debug}`` are code and blanked, each ``{:…}``
branch starting a new block.

A scanner, not the tree-sitter Svelte grammar: that wheel has had one release (2024) and its
error recovery is worse than quadratic (8,000 repeats of ``<a `` take 40 s). Where an expression
ends is found by counting braces outside JavaScript strings; a ``{`` that never closes ends the
search, so a broken file costs one pass and the markup after it is still read.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Placeholder
from cxlint.readers.embedded import Steering, read_embedded
from cxlint.readers.expressions import expression_name

_CODE_BLOCK = re.compile(r"<(script|style)\b", re.I)
_CODE_BLOCK_END = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}
_INSIDE = re.compile(r"""[{}]|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`""")


def read(path: str, text: str) -> Document:
    placeholders: list[Placeholder] = []
    steering: list[Steering] = []
    for start, end in expressions(text):
        inner = text[start + 1 : end - 1].strip()
        if inner.startswith("@html"):
            placeholders.append(Placeholder(start, end, expression_name(inner[5:]), text[start:end], "svelte"))
        elif not inner or inner[0] in "#/:@":
            steering.append(Steering(start, end, branch=inner.startswith(":")))
        else:
            placeholders.append(Placeholder(start, end, expression_name(inner), text[start:end], "svelte"))
    return read_embedded(path, text, placeholders, steering)


def expressions(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each top-level ``{…}`` of the markup, braces included, in order."""
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        brace = text.find("{", pos)
        if brace == -1:
            return found
        block = _CODE_BLOCK.search(text, pos, brace)
        if block is not None:  # a <script> or <style> before the brace: skip past its end
            close = _CODE_BLOCK_END[block.group(1).lower()].search(text, block.end())
            if close is None:
                return found
            pos = close.start()
            continue
        end = _expression_end(text, brace)
        if end is None:
            return found
        found.append((brace, end))
        pos = end


def _expression_end(text: str, brace: int) -> int | None:
    """One past the ``}`` that closes the ``{`` at ``brace``, or None when it never closes."""
    depth = 0
    for token in _INSIDE.finditer(text, brace):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
            if depth == 0:
                return token.end()
    return None
