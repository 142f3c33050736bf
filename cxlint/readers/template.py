"""Template files (.j2 .jinja .liquid .hbs .mustache .twig .njk): read as HTML, which plain text also is.

Template syntax is neutralised before the HTML parser sees it, so an HTML template and a plain
text one read alike; placeholders stay one token carrying their variable name.
"""

from __future__ import annotations

from cxlint.document import Document
from cxlint.readers.html import mask_html


def read(path: str, text: str) -> Document:
    mask, placeholders = mask_html(text)
    return Document(path=path, source=text, mask=mask, placeholders=placeholders)
