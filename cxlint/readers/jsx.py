"""JSX and TSX (React Email and other component templates) through tree-sitter's TSX grammar.

Copy is what a reader of the rendered email or page sees: JSX text, ``{"string"}`` and template
literal children, the copy attributes of HTML (``alt``, ``title``, ``aria-label``…) and the copy
props of components (``preview``, ``label``, ``defaultMessage``…; ``components.yaml``), and string
values of variables and keys named as copy (``const previewText = `…```). ``{viewCount}`` in copy
becomes a placeholder carrying its name, as ``{{ view_count }}`` does in other templates (and an
ESP's merge tags written as copy, ``{"{{ first_name }}"}`` or ``*|FNAME|*``, stay merge tags).
Everything else is code and stays blank: imports, styles, ``className``, ``href``, ``src``,
sample ``PreviewProps``. The mask is built from the syntax tree's own offsets, so positions are
the file's; a file that does not parse is read as far as its tree goes (ERROR nodes are code).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cxlint.document import PLACEHOLDER_FILL, Document, Placeholder
from cxlint.readers.components import ComponentVocabulary, vocabulary
from cxlint.readers.escapes import javascript_escape
from cxlint.readers.expressions import expression_name
from cxlint.readers.html import BLOCK_TAGS, HTML
from cxlint.readers.masking import Mask
from cxlint.readers.treesitter import CharOffsets, parse
from cxlint.text.placeholders import mask_templates

if TYPE_CHECKING:
    from tree_sitter import Node

_ELEMENTS = frozenset({"jsx_element", "jsx_self_closing_element"})
_JSX = _ELEMENTS | {"jsx_fragment"}
_NOT_JSX = frozenset({"import_statement", "comment", "interface_declaration", "type_alias_declaration", "type_annotation",
                      "enum_declaration", "regex", "string", "template_string", "number"})
"""Subtrees that can hold no JSX and no copy-named declaration: never walked."""
_VALUES = frozenset({"identifier", "member_expression", "subscript_expression", "this", "non_null_expression"})
_NOTHING = frozenset({"true", "false", "null", "undefined", "comment"})
_NAME_TYPES = frozenset({"identifier", "property_identifier", "shorthand_property_identifier"})


def read(path: str, text: str) -> Document:
    tree, offsets = parse("tsx", text)
    reader = _CopyReader(text, offsets, vocabulary())
    reader.walk(tree.root_node)
    mask, merge_fields = mask_templates(text, reader.mask.text())  # an ESP's {{ }} or *|FNAME|* written as copy
    placeholders = tuple(sorted([*reader.placeholders, *merge_fields], key=lambda p: p.start))
    return Document(path=path, source=text, mask=mask, placeholders=placeholders)


class _CopyReader:
    """Walks the tree with its own stack (deep nesting cannot reach Python's recursion limit)."""

    def __init__(self, text: str, offsets: CharOffsets, words: ComponentVocabulary) -> None:
        self.text = text
        self.offsets = offsets
        self.words = words
        self.mask = Mask(text)
        self.placeholders: list[Placeholder] = []
        self._stack: list[Node] = []

    def walk(self, root: Node) -> None:
        self._stack.append(root)
        while self._stack:
            node = self._stack.pop()
            kind = node.type
            if kind in _JSX:
                self._element(node)
            elif kind == "variable_declarator":
                self._named_value(node.child_by_field_name("name"), node.child_by_field_name("value"))
            elif kind == "assignment_expression" and self._is_sample_data(node.child_by_field_name("left")):
                continue
            elif kind == "pair":
                self._named_value(node.child_by_field_name("key"), node.child_by_field_name("value"))
            elif kind not in _NOT_JSX:
                self._stack.extend(reversed(node.children))

    # --- positions --------------------------------------------------------------------------

    def start(self, node: Node) -> int:
        return self.offsets(node.start_byte)

    def end(self, node: Node) -> int:
        return self.offsets(node.end_byte)

    def source(self, node: Node) -> str:
        return self.text[self.start(node) : self.end(node)]

    # --- elements ---------------------------------------------------------------------------

    def _element(self, node: Node) -> None:
        opening = node.child_by_field_name("open_tag") if node.type == "jsx_element" else node
        name_node = opening.child_by_field_name("name") if opening is not None else None
        name = self.source(name_node) if name_node is not None else ""
        if self._is_code(name):
            return
        block = self._is_block(name)
        if block:
            self.mask.block_break(self.start(node))
        if opening is not None:
            self._attributes(opening)
        for child in node.children:
            kind = child.type
            if kind in ("jsx_text", "html_character_reference"):
                self.mask.reveal_entities(self.start(child), self.end(child))
            elif kind == "jsx_expression":
                self._copy_expression(child)
            elif kind in _JSX:
                self._stack.append(child)
            elif kind == "jsx_closing_element" and block:
                self.mask.block_break(self.start(child))
            elif kind == "ERROR":
                self._stack.append(child)

    def _is_code(self, name: str) -> bool:
        if name[:1].islower() and "." not in name:
            return name.lower() in HTML.skip
        return name in self.words.code_components

    def _is_block(self, name: str) -> bool:
        if not name or name in self.words.inline_components:
            return False
        if name[:1].islower() and "." not in name:
            return name.lower() in BLOCK_TAGS
        return True

    def _attributes(self, opening: Node) -> None:
        for attribute in opening.children:
            if attribute.type != "jsx_attribute" or attribute.named_child_count < 2:
                if attribute.type == "jsx_expression":  # {...spread}: code, but may hold elements
                    self._stack.append(attribute)
                continue
            name = self.source(attribute.named_children[0])
            value = attribute.named_children[-1]
            if name in self.words.copy_props:
                if value.type == "jsx_expression":
                    self._copy_expression(value)
                else:
                    self._copy_value(value)
                self.mask.block_break(self.start(value))
                self.mask.block_break(self.end(value) - 1)
            else:
                self._stack.append(value)

    # --- values -----------------------------------------------------------------------------

    def _is_sample_data(self, target: Node | None) -> bool:
        """``Email.PreviewProps = {…}``: the values a preview renders with, not the template's copy."""
        return target is not None and self.source(target).rsplit(".", 1)[-1].strip() in self.words.sample_data

    def _named_value(self, name: Node | None, value: Node | None) -> None:
        """``const previewText = `…``` or ``{subject: "…"}``: a string value is copy when its name says so."""
        if value is None or self._is_sample_data(name):
            return
        is_copy = (
            name is not None
            and name.type in _NAME_TYPES | {"string"}
            and self.words.is_copy_name(self.source(name).strip("'\"`"))
            and value.type in ("string", "template_string", "ternary_expression", "binary_expression", "parenthesized_expression")
        )
        if is_copy:
            self._copy_value(value)
            self.mask.block_break(self.start(value))
            self.mask.block_break(self.end(value) - 1)
        else:
            self._stack.append(value)

    def _copy_expression(self, expression: Node) -> None:
        """A ``{…}`` child of an element: its value is copy, a placeholder, or code holding elements."""
        values = [c for c in expression.named_children if c.type != "comment"]
        if len(values) == 1:
            self._copy_value(values[0], expression)
        elif values:
            self._stack.extend(values)

    def _copy_value(self, node: Node, braces: Node | None = None) -> None:
        """Reveal what ``node`` shows; a placeholder spans ``braces`` (``{viewCount}``) when given."""
        kind = node.type
        if kind in ("string", "template_string"):
            self._reveal_string(node)
        elif kind == "number":
            self.mask.reveal(self.start(node), self.end(node))
        elif kind in _VALUES:
            self._placeholder(braces or node, node)
        elif kind == "parenthesized_expression" and node.named_child_count == 1:
            self._copy_value(node.named_children[0], braces)
        elif kind == "ternary_expression":
            self._branches(node)
        elif kind == "binary_expression":
            self._binary(node, braces)
        elif kind in _JSX:
            self._stack.append(node)
        elif kind in _NOTHING:
            return
        elif _holds_jsx(node):
            self._stack.append(node)
        else:
            self._placeholder(braces or node, node)

    def _branches(self, node: Node) -> None:
        """``cond ? "a" : "b"``: both branches are copy, each its own block; the condition is code."""
        for field in ("consequence", "alternative"):
            branch = node.child_by_field_name(field)
            if branch is not None:
                self._copy_value(branch)
        colon = next((c for c in node.children if c.type == ":"), None)
        if colon is not None:
            self.mask.block_break(self.start(colon))
        condition = node.child_by_field_name("condition")
        if condition is not None and _holds_jsx(condition):
            self._stack.append(condition)

    def _binary(self, node: Node, braces: Node | None) -> None:
        operator = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        op = operator.type if operator is not None else ""
        if op == "&&" and right is not None:  # cond && "shown"
            self._copy_value(right)
            if left is not None and _holds_jsx(left):
                self._stack.append(left)
        elif op == "+" and left is not None and right is not None:  # "Hi " + name
            self._copy_value(left)
            self._copy_value(right)
        elif op in ("||", "??") and left is not None:  # name || "there": the value, its fallback aside
            self._placeholder(braces or node, left)
        else:
            self._placeholder(braces or node, node)

    def _placeholder(self, node: Node, named_by: Node) -> None:
        start, end = self.start(node), self.end(node)
        if end <= start:
            return
        self.placeholders.append(Placeholder(start, end, expression_name(self.source(named_by)), self.text[start:end], "jsx"))
        self.mask.write(start, end, "".join("\n" if c == "\n" else PLACEHOLDER_FILL for c in self.text[start:end]))

    def _reveal_string(self, node: Node) -> None:
        """The text of a string or template literal: its quotes blank, escapes decoded, ``${x}`` a placeholder."""
        for part in node.children:
            kind = part.type
            if kind == "string_fragment":
                self.mask.reveal(self.start(part), self.end(part))
            elif kind == "escape_sequence":
                start, end = self.start(part), self.end(part)
                self.mask.write(start, end, javascript_escape(self.text[start:end]))
            elif kind == "html_character_reference":
                self.mask.reveal_entities(self.start(part), self.end(part))
            elif kind == "template_substitution":
                inner = [c for c in part.named_children if c.type != "comment"]
                self._placeholder(part, inner[0] if inner else part)
                for value in inner:
                    if _holds_jsx(value):
                        self._stack.append(value)


def _holds_jsx(node: Node) -> bool:
    """Whether an element or fragment stands anywhere under ``node``."""
    if node.type in _JSX:
        return True
    if node.text is not None and b"<" not in node.text:
        return False
    cursor = node.walk()
    depth = 0
    while True:
        current = cursor.node
        if current is not None and current.type in _JSX:
            return True
        if cursor.goto_first_child():
            depth += 1
            continue
        while not (depth and cursor.goto_next_sibling()):
            if depth == 0 or not cursor.goto_parent():
                return False
            depth -= 1
