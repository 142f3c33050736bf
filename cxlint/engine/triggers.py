"""Frames indexed by a trigger word: a sentence visits only the frames it holds a trigger of.

A frame's trigger is a set of words one of which every match needs: the key words of one of its
word-only slots (its gate's ``every``) or the first words of that slot's lexicons, whichever set is
rarest in English. A frame with no word-only slot has none and is visited by every sentence. Built
once per rule set and cached with it, for the frames a stage would otherwise try one by one
(the ConText modifiers' triggers).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from cxlint.engine.gate import word_only_lexicons
from cxlint.lexicon.forms import zipf
from cxlint.rulepack.frames import Frame


class TriggerIndex:
    """Keys of frames by trigger word. A sentence gets the keys of its frames in the order they were
    given (the order a stage tries them in)."""

    __slots__ = ("keys", "untriggered", "by_word")

    def __init__(self, keys: tuple[Hashable, ...], by_word: dict[str, tuple[int, ...]], untriggered: tuple[int, ...]) -> None:
        self.keys = keys
        self.untriggered = untriggered
        self.by_word = by_word

    @classmethod
    def of(cls, frames: Iterable[tuple[Hashable, Frame]]) -> TriggerIndex:
        keys: list[Hashable] = []
        by_word: dict[str, list[int]] = {}
        untriggered: list[int] = []
        for number, (key, frame) in enumerate(frames):
            keys.append(key)
            words = trigger(frame)
            if words is None:
                untriggered.append(number)
            for word in sorted(words or ()):
                by_word.setdefault(word, []).append(number)
        return cls(tuple(keys), {word: tuple(numbers) for word, numbers in by_word.items()}, tuple(untriggered))

    def keys_in(self, words: frozenset[str]) -> list[Hashable]:
        """The keys of the frames a sentence of ``words`` may match (the untriggered among them), in order."""
        by_word = self.by_word
        found = set(self.untriggered)
        for word in words:
            numbers = by_word.get(word)
            if numbers is not None:
                found.update(numbers)
        keys = self.keys
        return [keys[number] for number in sorted(found)]


def trigger(frame: Frame) -> frozenset[str] | None:
    """The rarest of the word sets ``frame`` needs one word of (None: no slot only words fill)."""
    needed: list[frozenset[str]] = list(frame.gate.every)
    for slot in frame.slots:
        lexicons = word_only_lexicons(slot.matcher)
        if lexicons is not None:
            needed.append(frozenset().union(*(lexicon.first_words for lexicon in lexicons)))
    if not needed:
        return None
    return min(needed, key=_cost)


def _cost(words: frozenset[str]) -> float:
    """How often a sentence holds one of ``words``, roughly: their summed frequency in English."""
    return sum(10 ** zipf(word) for word in words)
