"""What a run hands to the formatters: findings, unreadable files, and what is needed to render them.

Kept apart from the runner so formatters import neither the engine nor spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxlint.findings import FileProblem, Finding


@dataclass(frozen=True)
class RuleInfo:
    """The metadata of a rule that output formats show (SARIF rules, help links, fixes)."""

    id: str
    name: str
    category: str
    severity: str
    message: str
    rationale: str = ""
    suggestion: str = ""
    replacement: str | None = None
    pack: str = ""


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0
    sources: dict[str, str] = field(default_factory=dict, repr=False)
    """Source text by displayed path, for source excerpts, fingerprints and byte columns."""
    rules: dict[str, RuleInfo] = field(default_factory=dict, repr=False)
    suppressed: int = 0
    """Findings silenced by inline suppressions."""
    baselined: int = 0
    """Findings accepted by the baseline."""
    stale: list[dict[str, Any]] = field(default_factory=list)
    """Baseline entries that no longer match any finding (fixed or moved copy)."""
