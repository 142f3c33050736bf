"""reviewdog's Diagnostic JSON (rdjson), for ``reviewdog -f=rdjson`` review comments.

reviewdog counts columns in UTF-8 bytes, so code-point columns are converted from the source
line; a rule's exact ``replacement:`` becomes a suggestion reviewdog can offer as a change.
"""

from __future__ import annotations

from typing import Any, TextIO

from cxlint.findings import Finding
from cxlint.formatters.common import TOOL_NAME, TOOL_URI, byte_column, replacement_for
from cxlint.formatters.escaping import write_json, shown_location, shown_path
from cxlint.report import RunResult

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(result: RunResult, f: Finding) -> dict[str, Any]:
    return {
        "start": {"line": f.line, "column": byte_column(result, f.path, f.line, f.column)},
        "end": {"line": f.end_line, "column": byte_column(result, f.path, f.end_line, f.end_column)},
    }


def render(result: RunResult, stream: TextIO) -> None:
    diagnostics = []
    for f in result.findings:
        item: dict[str, Any] = {
            "message": f"{f.message} Suggestion: {f.suggestion}" if f.suggestion else f.message,
            "location": {"path": shown_path(f.path), "range": _range(result, f)},
            "severity": SEVERITIES[f.severity],
            "code": {"value": f.rule},
            "original_output": f"{shown_location(f.path, f.line, f.column)}: {f.rule} [{f.severity}] {f.message}",
        }
        replacement = replacement_for(result, f)
        if replacement is not None:
            item["suggestions"] = [{"range": _range(result, f), "text": replacement}]
        diagnostics.append(item)
    for problem in result.problems:
        location: dict[str, Any] = {"path": shown_path(problem.path)}
        if problem.line:
            location["range"] = {"start": {"line": problem.line}}
        diagnostics.append({"message": f"cxlint could not lint this file: {problem.message}", "location": location, "severity": "ERROR", "code": {"value": problem.code}})
    payload = {"source": {"name": TOOL_NAME, "url": TOOL_URI}, "severity": "WARNING", "diagnostics": diagnostics}
    write_json(payload, stream, indent=2)
    stream.write("\n")
