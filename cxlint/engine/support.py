"""Which targets stand: ``requires`` met only by evidence and by the signals of targets that stand.

A target's signal is context for the targets near it: "14 times" and "on Whitley Road" in one
sentence vouch for each other (both are precise, both about the reader's trip). But a target
whose own ``requires`` is unmet is not a finding, and must not lend its signal either: a
carer's visit log quoted "at 09:47" (no behaviour of the reader in sight) would otherwise make
the word "carer" beside it a sensitive inference, and a phone number read as a count would make
"if you're struggling" one.

So the targets that stand are the largest set in which every target's ``requires`` meets
evidence or the signal of another target of the set: start from every target and drop, until
nothing changes, each one whose requires nothing left meets. Corroboration survives (two
precise details that each list the other's signal stand together); a lender that stands on
nothing falls, and whatever leaned only on it falls after it.

A target never leans on a target that shares its words: "a 45-minute session" read once as a
duration and once as a count is one reading of three words, not two details that agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from cxlint.engine.targets import Target

Window = Callable[[Target], range]
"""The sentences whose evidence and signals a target may use (its own and its reach around it)."""
Requires = Callable[[Target], tuple[str, ...]]
"""What a target needs (its frame's ``requires``, else its rule's); empty: nothing."""


def standing(targets: list[Target], evidence: dict[int, set[str]], window: Window, requires: Requires) -> list[Target]:
    """The targets that stand, in input order.

    Each round drops the targets nothing meets any more and re-examines only the targets whose
    window holds the sentence of one dropped, so a document costs rounds times the targets near
    a drop, not rounds times all its targets.
    """
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for number, target in enumerate(targets):
        by_sentence[target.sentence].append(number)
    stands = set(range(len(targets)))
    watchers: dict[int, list[int]] = defaultdict(list)  # sentence -> targets with requires whose window holds it
    queue: list[int] = []
    for number, target in enumerate(targets):
        if requires(target):
            queue.append(number)
            for near in window(target):
                watchers[near].append(number)
    while queue:
        dropped = [n for n in queue if n in stands and not _met(targets[n], requires(targets[n]), evidence, window, by_sentence, targets, stands)]
        if not dropped:
            break
        stands.difference_update(dropped)
        lost = {targets[n].sentence for n in dropped if targets[n].rule.signal}
        queue = sorted({n for sentence in lost for n in watchers.get(sentence, ()) if n in stands})
    return [target for number, target in enumerate(targets) if number in stands]


def grouped(targets: list[Target]) -> dict[int, list[Target]]:
    """Targets by sentence, for :func:`context`."""
    groups: dict[int, list[Target]] = defaultdict(list)
    for target in targets:
        groups[target.sentence].append(target)
    return groups


def context(target: Target, window: Window, evidence: dict[int, set[str]], others: dict[int, list[Target]]) -> set[str]:
    """Evidence in the target's window, its own signal, and the signals of ``others`` (by sentence) there that do not share its words."""
    found: set[str] = set()
    for near in window(target):
        found |= evidence.get(near, set())
        found.update(o.rule.signal for o in others.get(near, ()) if o.rule.signal and (o is target or not _shares_words(target, o)))
    return found


def _met(
    target: Target,
    needed: tuple[str, ...],
    evidence: dict[int, set[str]],
    window: Window,
    by_sentence: dict[int, list[int]],
    targets: list[Target],
    stands: set[int],
) -> bool:
    """Whether evidence or a standing target meets ``needed``; a rule's own signal never meets its own requires."""
    wanted = set(needed) - {target.rule.signal}
    sentences = window(target)
    for near in sentences:
        if wanted & evidence.get(near, set()):
            return True
    for near in sentences:
        for number in by_sentence.get(near, ()):
            other = targets[number]
            if number in stands and other.rule.signal in wanted and not _shares_words(target, other):
                return True
    return False


def _shares_words(target: Target, other: Target) -> bool:
    return target.start < other.end and other.start < target.end
