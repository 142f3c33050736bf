"""A document's sentences as the engine reads them, built once for every stage that reads them.

The rules and the promise records read the same sentences of the same document, one after the
other: the second stage finds them here (with the tokens and word-class matches the first one
already paid for) instead of splitting and tokenizing the document again.
"""

from __future__ import annotations

from cxlint.document import Document
from cxlint.engine.frame_match import Sentence
from cxlint.text.normalize import normalize
from cxlint.text.sentences import split_sentences

DocumentSentences = tuple[list[tuple[int, int]], str, list[Sentence]]
"""The sentence spans of a document's mask, the normalised mask, and the sentences."""

_last: tuple[str, object, DocumentSentences] | None = None


def document_sentences(doc: Document) -> DocumentSentences:
    """The sentences of ``doc`` (the same objects for the same mask and merge fields)."""
    global _last
    if _last is not None and _last[0] is doc.mask and _last[1] is doc.placeholders:
        return _last[2]
    spans = split_sentences(doc.mask)
    plain = normalize(doc.mask)
    found = (spans, plain, [Sentence.of(doc.mask, plain, start, end, doc.placeholders) for start, end in spans])
    _last = (doc.mask, doc.placeholders, found)
    return found
