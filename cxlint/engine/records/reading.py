"""What the record readers read: a document's sentences, the pack's word classes and value shapes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cxlint.engine.frame_match import Sentence, match_frame
from cxlint.promises.value_shapes import ValueShapes
from cxlint.rulepack.records import RecordSpec, WordSpec
from cxlint.text.leading import DIGIT_CLASS

Span = tuple[int, int]

HEADING_WORDS = 3
"""A sentence of at most this many words right before another is its heading ("Returns?", "Delivery:")."""


@dataclass
class RecordReading:
    """One document as the readers see it. Spans are offsets in the document."""

    mask: str
    plain: str
    spans: list[Span]
    sentences: list[Sentence]
    spec: RecordSpec
    shapes: ValueShapes
    channel: str | None = None
    triggers: dict[str, frozenset[str] | None] | None = None
    """For each named word class, the words a sentence must hold one of for it to be found there (None: it
    may be anywhere); without them every class is tried on every sentence asked about (the tests compare both)."""
    digit_shapes: frozenset[str] = frozenset()
    """The value shapes every match of which holds a digit (``Shape.digit``): a sentence without one is not searched."""
    _hits: dict[tuple[int, int, int], list[Span]] = field(default_factory=dict)
    _matches: dict[tuple[int, int, int], list[re.Match[str]]] = field(default_factory=dict)

    def may_hold(self, shape: str, sentence: Sentence) -> bool:
        """False when every match of the value shape ``shape`` needs a digit and ``sentence`` has none."""
        return shape not in self.digit_shapes or sentence.holds(DIGIT_CLASS)

    def hits(self, words: WordSpec | str, sentence: Sentence) -> list[Span]:
        """Where a word class (a name of ``records.words``, or a spec) is found in ``sentence``, in order."""
        if isinstance(words, str):
            needed = self.triggers.get(words) if self.triggers is not None else None
            if needed is not None and needed.isdisjoint(sentence.word_set):
                return []
            frames = self.spec.words[words]
        else:
            frames = words
        key = (id(frames), sentence.offset, len(sentence.text))
        found = self._hits.get(key)
        if found is None:
            found = self._hits[key] = sorted({(hit.start, hit.end) for frame in frames for hit in match_frame(frame, sentence)})
        return found

    def matches(self, shape: re.Pattern[str], sentence: Sentence) -> list[re.Match[str]]:
        """The matches of the value shape ``shape`` (one of ``shapes``) in ``sentence``'s text, found once: a reader
        and its helpers read the same ones (the durations of a sentence, the days named in it and the one before)."""
        key = (id(shape), sentence.offset, len(sentence.text))
        found = self._matches.get(key)
        if found is None:
            found = self._matches[key] = list(shape.finditer(sentence.text))
        return found

    def within(self, words: WordSpec | str, sentence: Sentence, start: int, end: int) -> list[Span]:
        """The hits lying wholly inside ``[start, end)``."""
        return [(s, e) for s, e in self.hits(words, sentence) if start <= s and e <= end]

    def ends_right_before(self, words: WordSpec | str, sentence: Sentence, at: int) -> Span | None:
        """A hit that ends at ``at`` or only blanks before it."""
        return next((h for h in reversed(self.hits(words, sentence)) if h[1] <= at and not self.mask[h[1] : at].strip()), None)

    def starts_right_after(self, words: WordSpec | str, sentence: Sentence, at: int) -> Span | None:
        """A hit that starts at ``at`` or only blanks after it."""
        return next((h for h in self.hits(words, sentence) if h[0] >= at and not self.mask[at : h[0]].strip()), None)

    def heading(self, index: int) -> int | None:
        """The sentence that heads sentence ``index``, if the one before it is that short."""
        if index > 0 and len(self.mask[self.spans[index - 1][0] : self.spans[index - 1][1]].split()) <= HEADING_WORDS:
            return index - 1
        return None

    def sentence_at(self, index: int, start: int, end: int) -> Sentence:
        """Sentence ``index``, or for -1 (text outside every sentence) the text ``[start, end)`` read as one."""
        return self.sentences[index] if index >= 0 else Sentence.of(self.mask, self.plain, start, end)
