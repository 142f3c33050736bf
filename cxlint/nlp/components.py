"""spaCy components of cxlint, registered by name."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from cxlint.document import PLACEHOLDER_FILL

if not Token.has_extension("cx_placeholder"):
    Token.set_extension("cx_placeholder", default=False)


@Language.component("cxlint_placeholders")
def mark_placeholders(doc: Doc) -> Doc:
    """Flag tokens that stand for a template placeholder, so patterns can ask ``{"_": {"cx_placeholder": True}}``."""
    for token in doc:
        if token.text and token.text[0] == PLACEHOLDER_FILL:
            token._.cx_placeholder = True
    return doc
