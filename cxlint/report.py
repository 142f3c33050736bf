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


Excerpt = dict[int, str]
"""The source lines of one file that its findings stand on, by line number."""

FingerprintKey = tuple[str, str, int, int]
"""(path, rule, start, end): the finding a baseline fingerprint belongs to."""


@dataclass
class RunResult:
    """A run's findings and problems. File texts are not kept: each file's text is gone once it is
    linted and decided, leaving only the lines its findings stand on (for excerpts and byte columns)
    and, when a baseline is in play, the findings' fingerprints."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0
    linted: list[str] = field(default_factory=list, repr=False)
    """Every file that was read and linted, findings or not, by displayed path."""
    lines: dict[str, Excerpt] = field(default_factory=dict, repr=False)
    """The source lines that findings stand on, by displayed path."""
    fingerprints: dict[FingerprintKey, str] = field(default_factory=dict, repr=False)
    """Baseline fingerprints of the findings, when a baseline is read or written."""
    pending: list[Finding] = field(default_factory=list, repr=False)
    """Run-wide findings (promise conflicts, registry expiry) added after the files were decided."""
    rules: dict[str, RuleInfo] = field(default_factory=dict, repr=False)
    suppressed: int = 0
    """Findings silenced by inline suppressions."""
    baselined: int = 0
    """Findings accepted by the baseline."""
    stale: list[dict[str, Any]] = field(default_factory=list)
    """Baseline entries that no longer match any finding (fixed or moved copy)."""
