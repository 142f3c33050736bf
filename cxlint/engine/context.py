"""ConText for copy (after medspaCy): modifiers with a direction, a scope and terminators.

A modifier trigger (negation, hedge, question, declared data…) changes every target whose
tokens fall inside its scope. Scopes stop at the sentence edge, at ``max_scope`` tokens, or at a
terminator ("but", ";"). Pseudo-triggers ("no hidden fees", "not only") are not triggers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxlint.nlp.matchers import CompiledMatchers
from cxlint.rulepack.model import Modifier

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ModifierHit:
    """A modifier found in a sentence: its trigger and scope, as character offsets in that sentence."""

    category: str
    name: str
    trigger: tuple[int, int]
    scope: tuple[int, int]


def find_modifiers(doc: Doc, text: str, modifiers: tuple[Modifier, ...], matchers: CompiledMatchers) -> list[ModifierHit]:
    """Every modifier trigger in one sentence doc, with the character span of its scope."""
    pseudo = [(s, e) for _, s, e in matchers.pseudo_phrases(doc)]
    triggers: list[tuple[int, int, int]] = []
    for match_id, start, end in matchers.modifier_phrases(doc):
        triggers.append((int(doc.vocab.strings[match_id]), start, end))
    for index, modifier in enumerate(modifiers):
        if modifier.regex is None or modifier.document:
            continue
        for match in modifier.regex.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                triggers.append((index, span.start, span.end))
    hits = []
    for index, start, end in triggers:
        if any(ps <= start and end <= pe for ps, pe in pseudo):
            continue
        modifier = modifiers[index]
        first, last = _scope(doc, modifier, start, end)
        hits.append(
            ModifierHit(
                category=modifier.category,
                name=modifier.name,
                trigger=(doc[start].idx, doc[end - 1].idx + len(doc[end - 1])),
                scope=(doc[first].idx if first < len(doc) else len(text), _token_end(doc, last)),
            )
        )
    return hits


def _scope(doc: Doc, modifier: Modifier, start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last] the modifier reaches, trigger included."""
    limit = modifier.max_scope if modifier.max_scope is not None else len(doc)
    terminators = modifier.terminators
    first, last = start, end - 1
    if modifier.direction in ("forward", "bidirectional"):
        index = end
        while index < len(doc) and index - end < limit and doc[index].lower_ not in terminators:
            last = index
            index += 1
    if modifier.direction in ("backward", "bidirectional"):
        index = start - 1
        while index >= 0 and start - index <= limit and doc[index].lower_ not in terminators:
            first = index
            index -= 1
    return first, last


def _token_end(doc: Doc, index: int) -> int:
    token = doc[index]
    return token.idx + len(token)


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
