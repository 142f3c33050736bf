"""Svelte components: the markup outside ``<script>`` and ``<style>``, through tree-sitter's Svelte grammar.

``{expr}`` in copy (text or a copy attribute such as ``alt="Seen at {place}"``) becomes a
placeholder carrying its name, ``{@html x}`` too; block tags (``{#if}``, ``{:else}``, ``{/each}``,
``{#snippet}``) and ``{@render}``/``{@const}``/``{@debug}`` are code and blanked, each ``{:else}``
starting a new block. The rest is read as HTML, which leaves ``<script>`` and ``<style>`` out.
"""

from __future__ import annotations

from cxlint.document import Document, Placeholder
from cxlint.readers.embedded import Steering, read_embedded
from cxlint.readers.expressions import expression_name
from cxlint.readers.treesitter import parse

_SHOWN = frozenset({"expression", "html_tag"})
_BRANCHES = ("else", "then", "catch")


def read(path: str, text: str) -> Document:
    tree, offsets = parse("svelte", text)
    placeholders: list[Placeholder] = []
    steering: list[Steering] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        first = node.child(0) if node.child_count else None
        if first is None or first.type != "{" or node.type == "ERROR":
            if node.type not in ("script_element", "style_element", "raw_text"):
                stack.extend(node.children)
            continue
        start, end = offsets(node.start_byte), offsets(node.end_byte)
        if node.type in _SHOWN:
            code = next((c for c in node.children if c.type == "svelte_raw_text"), None)
            name = expression_name(text[offsets(code.start_byte) : offsets(code.end_byte)]) if code is not None else ""
            placeholders.append(Placeholder(start, end, name, text[start:end], "svelte"))
        else:
            steering.append(Steering(start, end, branch=node.type.startswith(_BRANCHES)))
    return read_embedded(path, text, placeholders, steering)
