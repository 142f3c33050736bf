"""Plain text: every character is copy, apart from template syntax."""

from __future__ import annotations

from cxlint.document import Document
from cxlint.text.placeholders import mask_templates


def read(path: str, text: str) -> Document:
    mask, placeholders = mask_templates(text, text)
    return Document(path=path, source=text, mask=mask, placeholders=placeholders)
