"""A promise target: what the engine found, its value, and how it stands in its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.findings import Finding
from cxlint.promises.values import Value


@dataclass(frozen=True)
class Found:
    """What a reader found in a sentence, before its context is read.

    ``kinds`` lists the registry kinds that may back it, most likely first ("save 10%": discount,
    outcome); a ``strong`` one is a promise even with no registry (a trial, a lifetime, "free"),
    a weak one a stated limit (hours, a returns window).
    """

    start: int
    end: int
    kinds: tuple[str, ...]
    value: Value | None
    sentence: int
    strong: bool = False
    subject: str | None = None


@dataclass(frozen=True)
class PromiseTarget:
    """A promise with its context: the words of its sentence (and heading) that decide whose it is,
    what qualifies it, the medium and days it is about, and what it is filed under.

    ``finding`` is set for the target of a rule's promise finding; ``modifiers`` are the ConText
    categories whose scope covers it (HEDGED, NEGATED, QUOTED…).
    """

    start: int
    end: int
    sentence: int
    kinds: tuple[str, ...]
    value: Value | None
    strong: bool
    subject: str
    context: str
    qualifiers: tuple[str, ...]
    hedged: bool
    own_voice: bool
    media: frozenset[str] = frozenset()
    days: frozenset[int] | None = None
    modifiers: frozenset[str] = frozenset()
    finding: Finding | None = None
    earlier: str = ""
    """The sentences before its context in the same paragraph (up to two): where a short message
    names what a turnaround is about ("Only 3 tune-up slots left! Your bike is back within 3 days")."""

    @property
    def kind(self) -> str:
        return self.kinds[0]
