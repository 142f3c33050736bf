"""The JSON contract (docs/ci.md, "JSON output"): version, findings, summary (plus unreadable files and what was set aside)."""

from __future__ import annotations

from typing import TextIO

from cxlint.formatters.common import finding_record, problem_record
from cxlint.formatters.escaping import write_json
from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    by_category: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for finding in result.findings:
        by_category[finding.category] = by_category.get(finding.category, 0) + 1
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    payload = {
        "version": 1,
        "findings": [finding_record(finding) for finding in result.findings],
        "summary": {
            "files": result.files,
            "findings": len(result.findings),
            "by_category": by_category,
            "by_severity": by_severity,
            "unreadable": len(result.problems),
            "suppressed": result.suppressed,
            "baselined": result.baselined,
            "stale_baseline_entries": len(result.stale),
        },
        "errors": [problem_record(problem) for problem in result.problems],
    }
    if result.stale:
        payload["stale_baseline"] = result.stale
    write_json(payload, stream, indent=2)
    stream.write("\n")
