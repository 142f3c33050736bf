"""MJML email templates: the text of ``mj-text``, ``mj-button``, ``mj-preview``, ``mj-title`` and friends.

MJML is HTML-shaped, so it goes through the HTML reader with its own dialect: every ``mj-*``
element ends a block, ``mj-style`` and the attribute declarations are not copy. An MJML file is
always email.
"""

from __future__ import annotations

from cxlint.document import Document
from cxlint.readers.html import HTML, HtmlSpec, mask_html

MJML = HtmlSpec(
    skip=HTML.skip | {"mj-style", "mj-attributes", "mj-font", "mj-breakpoint", "mj-html-attributes", "mj-include"},
    block_prefix="mj-",
    extra={"mj-image": frozenset({"alt", "title"}), "mj-button": frozenset({"title"})},
)


def read(path: str, text: str) -> Document:
    mask, placeholders = mask_html(text, MJML)
    return Document(path=path, source=text, mask=mask, placeholders=placeholders, channel="email")
