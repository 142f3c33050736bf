"""Small helpers shared by formatters: counts, severity names of other tools, byte columns, JSON records."""

from __future__ import annotations

from typing import Any

from cxlint.findings import FileProblem, Finding
from cxlint.formatters.escaping import shown_path
from cxlint.report import RunResult

TOOL_NAME = "cxlint"
TOOL_URI = "https://github.com/cxlint/cxlint"


def counts(result: RunResult) -> dict[str, int]:
    by_severity = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    return by_severity


def source_line(result: RunResult, path: str, line: int) -> str | None:
    return result.lines.get(path, {}).get(line)


def byte_column(result: RunResult, path: str, line: int, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (reviewdog counts bytes).

    ``surrogatepass``: a lone surrogate in the source counts its three bytes instead of failing the report.
    """
    text = source_line(result, path, line)
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1


def finding_record(finding: Finding) -> dict[str, Any]:
    """The JSON finding object, its path shown safely (JSON cannot carry bytes that are not UTF-8)."""
    return {**finding.to_dict(), "path": shown_path(finding.path)}


def problem_record(problem: FileProblem) -> dict[str, Any]:
    return {**problem.to_dict(), "path": shown_path(problem.path)}


def replacement_for(result: RunResult, finding: Finding) -> str | None:
    """The exact replacement text of a finding: its own, else the one its rule declares (``replacement:``), if any."""
    if finding.replacement is not None:
        return finding.replacement
    info = result.rules.get(finding.rule)
    return info.replacement if info is not None and info.replacement is not None else None


def tail_notes(result: RunResult) -> list[str]:
    """What the decision step set aside, said once at the end of human-readable output."""
    notes = []
    if result.suppressed:
        notes.append(f"{result.suppressed} suppressed inline")
    if result.baselined:
        notes.append(f"{result.baselined} accepted by the baseline")
    if result.stale:
        notes.append(f"{len(result.stale)} stale baseline entr{'y' if len(result.stale) == 1 else 'ies'}")
    return notes
