"""The derived prefilter: which frame rules a sentence is worth trying.

Built from the frames' own gates (``rulepack.frames.derive_gate``), never written by hand. A
sentence's token set is intersected with every gate word at once; regex gates run once over
the whole text; merge-field gates need a merge field in the sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from cxlint.engine.frame_match import Sentence
from cxlint.errors import RuleError, keep_rule_error
from cxlint.rulepack.frames import Frame
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.leading import lead_regex, rare_leading_class
from cxlint.text.tokens import PLACEHOLDER_TOKEN

GatedFrame = tuple[str, int]
"""A rule id and the index of one of its frames."""


@dataclass
class GateIndex:
    by_word: dict[str, set[GatedFrame]] = field(default_factory=dict)
    by_regex: list[tuple[LazyRegex, list[GatedFrame]]] = field(default_factory=list)
    placeholder: list[GatedFrame] = field(default_factory=list)
    always: list[GatedFrame] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    leads: list[str | None] = field(default_factory=list)
    """For each regex gate, the class of characters its matches start with when that class is rare
    (a digit, a currency sign); None when letters may start it and one pass over the text is cheaper."""
    needs: dict[GatedFrame, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    """What else a frame needs besides its gate: a bit for each of its word-only slots (the sentence
    must hold one of that slot's key words) and the rare first characters of its shapes."""
    word_bits: dict[str, int] = field(default_factory=dict)
    """For each key word of a word-only slot, the bits of the slots it can fill."""
    bit_words: frozenset[str] = frozenset()
    _groups: dict[frozenset[str], int] = field(default_factory=dict)

    def add(self, rule_id: str, index: int, frame: Frame) -> None:
        gate = frame.gate
        entry = (rule_id, index)
        bits = 0
        for words in gate.every:
            bits |= self._groups.setdefault(words, 1 << len(self._groups))
        if bits or gate.leads:
            self.needs[entry] = (bits, gate.leads)
        if gate.always:
            self.always.append(entry)
            return
        for word in gate.words:
            self.by_word.setdefault(word, set()).add(entry)
        for regex in gate.regexes:
            for known, owners in self.by_regex:
                if known.pattern == regex.pattern:
                    owners.append(entry)
                    break
            else:
                self.by_regex.append((regex, [entry]))
        if gate.placeholder:
            self.placeholder.append(entry)

    def freeze(self) -> GateIndex:
        self.words = frozenset(self.by_word)
        self.word_bits = {}
        for words, bit in self._groups.items():
            for word in words:
                self.word_bits[word] = self.word_bits.get(word, 0) | bit
        self.bit_words = frozenset(self.word_bits)  # set & set walks the smaller; set & dict walks the dict
        self.leads = [rare_leading_class(regex.pattern, regex.flags) for regex, _ in self.by_regex]
        return self

    def candidates(
        self, mask: str, spans: list[tuple[int, int]], sentences: list[Sentence], errors: list[RuleError] | None = None
    ) -> dict[int, set[GatedFrame]]:
        """Frames worth trying, by sentence index; a user regex gate that breaks is recorded in ``errors``."""
        found: dict[int, set[GatedFrame]] = {}
        by_word = self.by_word
        for index, sentence in enumerate(sentences):
            words = sentence.word_set
            hits = self.words.intersection(words)
            has_placeholder = bool(self.placeholder) and PLACEHOLDER_TOKEN in words
            if not (hits or self.always or has_placeholder):
                continue
            bucket = found.setdefault(index, set(self.always))
            if hits:
                bucket.update(*(by_word[word] for word in hits))
            if has_placeholder:
                bucket.update(self.placeholder)
        if self.by_regex:
            starts = [s for s, _ in spans]
            holding: dict[str, list[int]] = {}  # sentences holding a lead character, per lead class
            for (regex, owners), lead in zip(self.by_regex, self.leads):
                try:
                    if lead is not None:  # a rare first character: search only the sentences that have one
                        where = holding.get(lead)
                        if where is None:
                            where = holding[lead] = (
                                [i for i, sentence in enumerate(sentences) if sentence.holds(lead)]
                                if lead_regex(lead).search(mask)
                                else []
                            )
                        for index in where:
                            if regex.search(sentences[index].text) is not None:
                                found.setdefault(index, set()).update(owners)
                        continue
                    for match in regex.finditer(mask):
                        index = bisect.bisect_right(starts, match.start()) - 1
                        if index >= 0 and match.start() < spans[index][1]:
                            found.setdefault(index, set()).update(owners)
                except RuleError as exc:  # a user regex slot past its time limit: its frames get no sentences
                    keep_rule_error(errors, exc)
        if self.needs:
            for index, bucket in found.items():
                self._drop_unfillable(bucket, sentences[index])
        return {index: bucket for index, bucket in found.items() if bucket}

    def _drop_unfillable(self, bucket: set[GatedFrame], sentence: Sentence) -> None:
        """Remove the frames one of whose other slots the sentence cannot fill: one bitwise test each
        instead of a call that would find the same and return nothing."""
        needs = self.needs
        word_bits = self.word_bits
        held = 0
        for word in sentence.word_set & self.bit_words:
            held |= word_bits[word]
        for entry in [e for e in bucket if e in needs]:
            bits, leads = needs[entry]
            if bits & held != bits or not all(sentence.holds(lead) for lead in leads):
                bucket.discard(entry)
