"""Whether a word-only slot may be filled in a sentence: one compiled test a slot, of set operations only.

The gates ask it of each frame their words let through, once a slot and sentence, and half the answers
are no. Asked of each of the slot's lexicons in turn (``Sentence.may_hold``), it went through three calls
and a memo a lexicon; compiled, it keeps for each lexicon what that asks (its first words, its key words
that are a whole entry, and the second word each other key word needs), so the answer is the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from cxlint.lexicon.lexicons import Lexicon

SlotFill = tuple[tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]]], ...]
"""For each lexicon of a slot: its first words, its lone key words, its other key words, and their second words."""


def slot_fill(lexicons: Iterable[Lexicon]) -> SlotFill:
    """The fill test of a slot the ``lexicons`` fill."""
    compiled = []
    for lexicon in lexicons:
        seconds = lexicon.second_words
        paired = frozenset(seconds)
        compiled.append((lexicon.first_words, lexicon.key_words - paired, paired, seconds))
    return tuple(compiled)


def may_fill(fill: SlotFill, words: frozenset[str]) -> bool:
    """Whether a sentence of ``words`` may hold an entry of one of the slot's lexicons: ``any(Sentence.may_hold)``
    over them (one of its first words, and one of its key words with the second word that needs, if any)."""
    for firsts, alone, paired, seconds in fill:
        if firsts.isdisjoint(words):
            continue
        if not alone.isdisjoint(words):
            return True
        for key in paired.intersection(words):
            if not seconds[key].isdisjoint(words):
                return True
    return False
