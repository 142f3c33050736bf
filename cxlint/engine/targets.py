"""Targets: what detection found, before context and scoring decide whether it is a finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxlint.rulepack.frames import Frame
from cxlint.rulepack.model import Rule


@dataclass
class Target:
    """A place a rule matched, before modifiers, scoring and merging decide whether it is reported."""

    rule: Rule
    start: int
    end: int
    sentence: int
    value: str | None = None
    modifiers: set[str] = field(default_factory=set)
    placeholder: str | None = None
    kind: str | None = None
    keep: tuple[int, int] | None = None
    """Offsets of the source text that can safely replace the target (its frame's ``replacement`` slot)."""
    frame: Frame | None = None
    """The frame that found it (None: a pattern or a merge field), whose ``requires`` and ``cancel`` override the rule's."""

    @property
    def requires(self) -> tuple[str, ...]:
        """What the target needs around it: its frame's ``requires`` if the frame says one, else its rule's."""
        if self.frame is not None and self.frame.requires is not None:
            return self.frame.requires
        return self.rule.requires

    @property
    def cancel(self) -> frozenset[str]:
        """The modifier categories that cancel it: its frame's ``cancel`` if the frame says one, else its rule's."""
        if self.frame is not None and self.frame.cancel is not None:
            return self.frame.cancel
        return self.rule.cancel
