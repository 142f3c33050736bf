"""ERB (Rails mailers and views): the text around ``<% %>`` read as HTML, ``<%= %>`` a placeholder.

tree-sitter's embedded-template grammar splits the file into content and directives, so a ``%>``
inside a Ruby string or an unclosed ``<%=`` never shifts what is read. ``<%= @user.first_name %>``
becomes a placeholder named ``user.first_name``; ``<% if %>``/``<% end %>`` and comments are
blanked, and ``<% else %>`` starts a new block. A helper that shows a literal
(``link_to 'Confirm my account', url``) shows that literal as copy.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Placeholder
from cxlint.readers.components import vocabulary
from cxlint.readers.embedded import Steering, read_embedded
from cxlint.readers.expressions import expression_name
from cxlint.readers.treesitter import CharOffsets, parse

_BRANCH = re.compile(r"\s*-?\s*(?:else|elsif|when|in|rescue|ensure)\b")
_HELPER_LITERAL = re.compile(r"""\s*([a-z_]+)[ \t]*\(?[ \t]*(?:"((?:[^"\\#]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
_OPENER = re.compile(r"<%[=#-]*")


def read(path: str, text: str) -> Document:
    tree, offsets = parse("embedded_template", text)
    placeholders: list[Placeholder] = []
    steering: list[Steering] = []
    helpers = vocabulary().erb_copy_helpers
    for node in tree.root_node.children:
        if node.type == "content":
            continue
        start, end = offsets(node.start_byte), offsets(node.end_byte)
        code_node = next((c for c in node.children if c.type == "code"), None)
        code = text[offsets(code_node.start_byte) : offsets(code_node.end_byte)] if code_node else ""
        if node.type == "output_directive":
            literal = _HELPER_LITERAL.match(code)
            if literal and literal.group(1) in helpers:
                at = offsets(code_node.start_byte) if code_node else start  # a literal shown as copy
                group = 2 if literal.group(2) is not None else 3
                steering += [Steering(start, at + literal.start(group)), Steering(at + literal.end(group), end)]
                continue
            placeholders.append(Placeholder(start, end, expression_name(code), text[start:end], "erb"))
        else:
            steering.append(Steering(start, end, branch=node.type == "directive" and bool(_BRANCH.match(code))))
    return read_embedded(path, text, placeholders, steering)
