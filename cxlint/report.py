"""What a run hands to the formatters: each file's findings as the file is done, then a summary.

Kept apart from the runner so formatters import neither the engine nor spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cxlint.findings import SEVERITY_RANK, FileProblem, Finding


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


@dataclass(frozen=True)
class FileReport:
    """One file's decided findings, in source order, and the lines they stand on: what a formatter
    gets as each file is done, and forgets once it has written them.

    Every linted file gets one, findings or not (JUnit shows clean files as passing cases). A
    file's findings come in one report, except run-wide findings (promise conflicts, registry
    expiry), which exist only once every file is done: they come in a report of their own at the
    end, and never share a rule with the findings of the file's first report.
    """

    path: str
    findings: list[Finding]
    lines: Excerpt = field(default_factory=dict, repr=False)


@dataclass
class RunSummary:
    """What a report says at its end: counts kept as findings went by, problems, what was set aside."""

    files: int = 0
    findings: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    """Counts in the order each category and severity first occurred (the JSON summary shows them so)."""
    problems: list[FileProblem] = field(default_factory=list)
    """Files that could not be linted: every format lists them after the findings."""
    suppressed: int = 0
    """Findings silenced by inline suppressions."""
    baselined: int = 0
    """Findings accepted by the baseline (or written to a new one)."""
    stale: list[dict[str, Any]] = field(default_factory=list)
    """Baseline entries that no longer match any finding (fixed or moved copy)."""

    def count(self, findings: Iterable[Finding]) -> None:
        """Count findings that are reported."""
        for finding in findings:
            self.findings += 1
            self.by_category[finding.category] = self.by_category.get(finding.category, 0) + 1
            self.by_severity[finding.severity] = self.by_severity.get(finding.severity, 0) + 1

    def reaches(self, level: str) -> bool:
        """Whether any reported finding is at ``level`` or above."""
        threshold = SEVERITY_RANK[level]
        return any(count and SEVERITY_RANK[severity] >= threshold for severity, count in self.by_severity.items())


@dataclass
class RunResult:
    """A whole run collected in memory: the library's answer (``runner.lint_paths``), and what
    :func:`cxlint.formatters.render` replays to a formatter. ``cxlint check`` never builds one: it
    streams each file's report to the formatter and keeps only the counts."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0
    linted: list[str] = field(default_factory=list, repr=False)
    """Every file that was read and linted, findings or not, by displayed path."""
    lines: dict[str, Excerpt] = field(default_factory=dict, repr=False)
    """The source lines that findings stand on, by displayed path."""
    rules: dict[str, RuleInfo] = field(default_factory=dict, repr=False)
    suppressed: int = 0
    """Findings silenced by inline suppressions."""
    baselined: int = 0
    """Findings accepted by the baseline."""
    stale: list[dict[str, Any]] = field(default_factory=list)
    """Baseline entries that no longer match any finding (fixed or moved copy)."""

    def summary(self) -> RunSummary:
        summary = RunSummary(self.files, problems=self.problems, suppressed=self.suppressed, baselined=self.baselined, stale=self.stale)
        summary.count(self.findings)
        return summary
