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
from cxlint.text.leading import rare_leading_class
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

    def add(self, rule_id: str, index: int, frame: Frame) -> None:
        gate = frame.gate
        entry = (rule_id, index)
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
                                if re.search(lead, mask, re.IGNORECASE)
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
        return found
