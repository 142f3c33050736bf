"""ConText for copy (after medspaCy): modifiers with a direction, a scope and terminators.

A modifier trigger (negation, hedge, question, declared data…) changes every target whose
tokens fall inside its scope. Scopes stop at the sentence edge, at ``max_scope`` tokens, or at a
terminator ("but", ";"). Pseudo-triggers ("no hidden fees", "not only") are not triggers.
Triggers are frames over the sentence's tokens, like rules: no NLP model is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.engine.frame_match import Sentence, match_frame
from cxlint.engine.triggers import TriggerIndex
from cxlint.rulepack.frames import Frame
from cxlint.rulepack.model import Modifier

Key = tuple[int, int]
"""A modifier's position and the number of one of its trigger frames."""


@dataclass(frozen=True)
class ModifierHit:
    """A modifier found in a sentence: its trigger and scope, as character offsets in that sentence."""

    category: str
    name: str
    trigger: tuple[int, int]
    scope: tuple[int, int]


def find_modifiers(sentence: Sentence, modifiers: tuple[Modifier, ...], triggers: TriggerIndex | None = None) -> list[ModifierHit]:
    """Every (sentence-scoped) modifier trigger in ``sentence``, with the character span of its scope.

    With ``triggers`` (the index of the modifiers' frames by trigger word) only the frames whose
    trigger the sentence holds are tried; without it, every frame (the tests compare the two).
    """
    tokens = sentence.tokens
    if not tokens.words:
        return []
    hits: list[ModifierHit] = []
    for position, number in _tried(sentence, modifiers, triggers):
        modifier = modifiers[position]
        if modifier.document:
            continue
        frame = modifier.triggers[number]
        for hit in match_frame(frame, sentence):
            span = sentence.token_span(hit.start - sentence.offset, hit.end - sentence.offset)
            if span is None:
                continue
            start, end = span
            if modifier.pseudo is not None:
                if any(ps <= start and end <= pe for ps, pe in sentence.lexicon_spans(modifier.pseudo)):
                    continue
            first, last = _scope(sentence, modifier, start, end)
            hits.append(
                ModifierHit(
                    category=modifier.category,
                    name=modifier.name,
                    trigger=(tokens.starts[start], tokens.ends[end - 1]),
                    scope=(tokens.starts[first] if first < len(tokens) else len(sentence.text), tokens.ends[last]),
                )
            )
    return hits


def _scope(sentence: Sentence, modifier: Modifier, start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last] the modifier reaches, trigger included."""
    words = sentence.tokens.words
    limit = modifier.max_scope if modifier.max_scope is not None else len(words)
    stops = set()
    if modifier.terminators is not None:
        stops = {i for i, _ in sentence.lexicon_spans(modifier.terminators)}
    first, last = start, end - 1
    if modifier.direction in ("forward", "bidirectional"):
        index = end
        while index < len(words) and index - end < limit and index not in stops:
            last = index
            index += 1
    if modifier.direction in ("backward", "bidirectional"):
        index = start - 1
        while index >= 0 and start - index <= limit and index not in stops:
            first = index
            index -= 1
    return first, last


def _tried(sentence: Sentence, modifiers: tuple[Modifier, ...], triggers: TriggerIndex | None) -> list[Key]:
    """The modifiers' frames worth trying on ``sentence``, as (modifier, frame) positions in order."""
    if triggers is not None:
        return triggers.keys_in(sentence.word_set)  # type: ignore[return-value]
    return [(position, number) for position, modifier in enumerate(modifiers) for number in range(len(modifier.triggers))]


def document_categories(sentences: list[Sentence], modifiers: tuple[Modifier, ...]) -> set[str]:
    """Categories of document modifiers whose trigger occurs in any sentence of the file.

    Their few frames are first weighed against the file's words at once: asking the trigger index
    sentence by sentence cost twice as much.
    """
    found: set[str] = set()
    words: frozenset[str] | None = None
    for modifier in modifiers:
        if not modifier.document:
            continue
        if words is None:
            words = frozenset().union(*(sentence.word_set for sentence in sentences))
        triggers = [(f, _rarest_needed(f)) for f in modifier.triggers if _may_occur(f, words)]
        if triggers and any(match_frame(f, s) for s in sentences for f, needed in triggers if needed is None or not needed.isdisjoint(s.word_set)):
            found.add(modifier.category)
    return found


def _rarest_needed(frame: Frame) -> frozenset[str] | None:
    """Words a sentence must hold one of for ``frame`` to match (its gate's, when a word-only slot gates it): a sentence
    without any is passed over here, where ``match_frame`` would turn it away after a call, for most sentences of a file."""
    every = frame.gate.every
    if not every:
        return None
    return frame.gate.words if frame.gate.words in every else every[0]


def _may_occur(frame: Frame, words: frozenset[str]) -> bool:
    """Whether some sentence of a file whose words are ``words`` may hold the frame's gate words: a
    frame with a word slot none of the file's sentences can fill is never tried."""
    return not any(needed.isdisjoint(words) for needed in frame.gate.every)


def categories_for(start: int, end: int, hits: list[ModifierHit]) -> set[str]:
    """Categories of the modifiers whose scope overlaps ``[start, end)`` (sentence offsets).

    A negation inside the target is the target's own wording ("no hidden fees", "we never
    share"), not a negation of it; a hedge inside it ("save up to 30%") still hedges.
    """
    return {
        hit.category
        for hit in hits
        if hit.scope[0] < end
        and hit.scope[1] > start
        and not (hit.category == "NEGATED" and start <= hit.trigger[0] and hit.trigger[1] <= end)
    }
