"""Targets: what detection found, before context and scoring decide whether it is a finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxlint.rulepack.model import Rule


@dataclass
class Target:
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
