"""Small helpers shared by formatters: counts, byte columns, JSON records, the notes at the end."""

from __future__ import annotations

from typing import Any

from cxlint.findings import FileProblem, Finding
from cxlint.formatters.escaping import shown_path
from cxlint.report import Excerpt, RunSummary

TOOL_NAME = "cxlint"
TOOL_URI = "https://github.com/cxlint/cxlint"


def counts(summary: RunSummary) -> dict[str, int]:
    """Findings by severity, every severity named (zero when none)."""
    return {"error": 0, "warning": 0, "info": 0, **summary.by_severity}


def byte_column(lines: Excerpt, line: int, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (reviewdog counts bytes).

    ``surrogatepass``: a lone surrogate in the source counts its three bytes instead of failing the report.
    """
    text = lines.get(line)
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1


def finding_record(finding: Finding) -> dict[str, Any]:
    """The JSON finding object, its path shown safely (JSON cannot carry bytes that are not UTF-8)."""
    return {**finding.to_dict(), "path": shown_path(finding.path)}


def problem_record(problem: FileProblem) -> dict[str, Any]:
    return {**problem.to_dict(), "path": shown_path(problem.path)}


def tail_notes(summary: RunSummary) -> list[str]:
    """What the decision step set aside, said once at the end of human-readable output."""
    notes = []
    if summary.suppressed:
        notes.append(f"{summary.suppressed} suppressed inline")
    if summary.baselined:
        notes.append(f"{summary.baselined} accepted by the baseline")
    if summary.stale:
        notes.append(f"{len(summary.stale)} stale baseline entr{'y' if len(summary.stale) == 1 else 'ies'}")
    return notes
