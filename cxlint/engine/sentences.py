"""A document as the engine reads it: made once per document and handed to every stage that reads it.

The rules, their evidence, the learned opinion and the promise records read the same sentences of
the same document, one after the other: each later stage finds them here (with the tokens and
word-class matches the earlier ones already paid for) instead of splitting and tokenizing the
document again, and the gates of every stage share one pass for each rare lead character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cxlint.document import Document
from cxlint.engine.frame_match import Sentence
from cxlint.text.normalize import normalize
from cxlint.text.sentences import split_sentences

if TYPE_CHECKING:
    from cxlint.engine.gate import GateIndex
    from cxlint.errors import RuleError

DocumentSentences = tuple[list[tuple[int, int]], str, list[Sentence]]
"""The sentence spans of a document's mask, the normalised mask, and the sentences."""


@dataclass
class DocumentScan:
    """One document's sentence spans, normalised mask and sentences, for each rare lead character a regex
    gate tests (a digit, a currency sign) the sentences holding one, and what the frame gates let through,
    each found when first asked."""

    spans: list[tuple[int, int]]
    plain: str
    sentences: list[Sentence]
    holding: dict[str, list[int]] = field(default_factory=dict)
    _let_through: dict[int, tuple[object, dict[int, set[tuple[str, int]]]]] = field(default_factory=dict, repr=False)

    def let_through(self, gates: GateIndex, errors: list[RuleError] | None = None) -> dict[int, set[tuple[str, int]]]:
        """The frames ``gates`` let through in each sentence, found once for the document: the rules and the
        record readers share one index, so the stage that asks second reads what the first one found. A user
        regex gate that breaks is recorded in the first asker's ``errors``."""
        kept = self._let_through.get(id(gates))
        if kept is None or kept[0] is not gates:
            kept = self._let_through[id(gates)] = (gates, gates.candidates(self.plain, self.spans, self.sentences, errors, self.holding))
        return kept[1]

    @cached_property
    def starts(self) -> list[int]:
        """Where each sentence begins, for finding the sentences of a span by bisection."""
        return [start for start, _ in self.spans]

    @classmethod
    def of(cls, doc: Document) -> DocumentScan:
        spans = split_sentences(doc.mask)
        plain = normalize(doc.mask)
        return cls(spans, plain, [Sentence.of(doc.mask, plain, start, end, doc.placeholders) for start, end in spans])


def document_sentences(doc: Document) -> DocumentSentences:
    """The sentences of ``doc``, newly read (a stage of a run takes its run's ``DocumentScan`` instead)."""
    scan = DocumentScan.of(doc)
    return scan.spans, scan.plain, scan.sentences
