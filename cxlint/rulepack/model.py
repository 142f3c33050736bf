"""The compiled form of rule packs. Built once by the loader and never mutated afterwards."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cxlint.lexicon.lexicons import Lexicon
from cxlint.rulepack.frames import Frame, Shape
from cxlint.text.anchors import AnchorIndex
from cxlint.text.lazyregex import LazyRegex

DIRECTIONS = ("forward", "backward", "bidirectional")


@dataclass(frozen=True)
class Example:
    """A rule example; for a bad one, ``span`` is the (start, end) the finding must cover."""

    text: str
    span: tuple[int, int] | None = None
    channel: str | None = None
    fixed: str | None = None


@dataclass(frozen=True)
class Pattern:
    """One way a rule matches: a regex on the mask, a spaCy token pattern, phrases, or a placeholder name."""

    kind: str
    regex: LazyRegex | None = None
    tokens: tuple[dict[str, Any], ...] = ()
    phrases: tuple[str, ...] = ()
    placeholder: LazyRegex | None = None
    promise_kind: str | None = None
    """Overrides the rule's promise kind for what this pattern finds (a delivery time, not a reply time)."""


@dataclass(frozen=True)
class Rule:
    """A compiled rule: its message and severity, its frames or patterns, and what cancels or softens it."""

    id: str
    name: str
    pack: str
    category: str
    severity: str
    message: str
    rationale: str
    suggestion: str
    patterns: tuple[Pattern, ...]
    anchors: tuple[str, ...] = ()
    signal: str | None = None
    requires: tuple[str, ...] = ()
    reach: int = 0
    """How many sentences before and after may supply the evidence ``requires`` asks for."""
    channel_reach: tuple[tuple[str, int], ...] = ()
    """``reach`` for copy of a given channel (an SMS or a push is read as one piece: its sentences are one context)."""
    cancel: frozenset[str] = frozenset()
    soften: frozenset[str] = frozenset()
    kind: str | None = None
    channels: tuple[str, ...] = ()
    replacement: str | None = None
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    source: str = ""
    line: int = 0
    frames: tuple[Frame, ...] = ()
    detector: str | None = None
    """``builtin``: raised by cxlint itself (suppressions, the promises registry), not by a frame."""

    def reach_in(self, channel: str | None) -> int:
        """The reach for copy of ``channel``: its own ``channel_reach`` if it has one, else ``reach``."""
        for name, reach in self.channel_reach:
            if name == channel:
                return reach
        return self.reach

    @property
    def needs_spacy_match(self) -> bool:
        return any(p.kind in ("tokens", "phrases") for p in self.patterns)


@dataclass(frozen=True)
class Modifier:
    """A ConText modifier: a trigger (frames) that changes the targets within its scope."""

    name: str
    category: str
    triggers: tuple[Frame, ...]
    direction: str
    max_scope: int | None
    terminators: Lexicon | None = None
    pseudo: Lexicon | None = None
    document: bool = False
    """A document modifier applies to every target of a file when its trigger occurs anywhere in it."""


@dataclass(frozen=True)
class Evidence:
    """A sentence feature that is not a finding on its own (e.g. the reader as subject of a behaviour verb)."""

    name: str
    regex: LazyRegex | None = None
    frames: tuple[Frame, ...] = ()


@dataclass(frozen=True)
class Scoring:
    """How a pack's signals stack: weights multiply; the score sets the severity band."""

    signals: dict[str, float]
    error_at: float = 4.0
    info_below: float = 1.3


@dataclass
class RuleSet:
    """Everything the engine needs, compiled: rules, the anchor index that finds candidates, modifiers."""

    rules: tuple[Rule, ...]
    modifiers: tuple[Modifier, ...]
    evidence: tuple[Evidence, ...]
    anchors: AnchorIndex[Rule]
    regex_anchors: tuple[tuple[re.Pattern[str], tuple[Rule, ...]], ...]
    placeholder_rules: tuple[Rule, ...]
    digit_anchors: tuple[tuple[re.Pattern[str], tuple[Rule, ...]], ...] = ()
    """Regex anchors that begin with a digit: tried only where a run of digits starts."""
    packs: tuple[str, ...] = ()
    scoring: dict[str, Scoring] = field(default_factory=dict)
    """Scoring by pack name."""
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    shapes: dict[str, Shape] = field(default_factory=dict)
    frame_gates: Any = None
    """The derived prefilter of every frame rule and every record reader (``engine.gate.GateIndex``; a reader's
    frames are keyed ``reader:N``): the rules and the records stage share one pass over a document's sentences."""
    records: Any = None
    """How promise records are found (``rulepack.records.RecordSpec``), when a pack declares it."""
    record_triggers: Any = None
    """For each of the records' named word classes, the trigger words a sentence must hold one of (``rulepack.records.word_triggers``)."""
    evidence_gates: Any = None
    """The derived prefilter of the evidence frames (``engine.gate.GateIndex``, keyed by position in ``evidence``)."""
    modifier_triggers: Any = None
    """The modifiers' trigger frames by trigger word (``engine.triggers.TriggerIndex``, keyed by modifier and frame position)."""
    _spacy_cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}
