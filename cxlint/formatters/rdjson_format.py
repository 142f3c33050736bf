"""reviewdog's Diagnostic JSON (rdjson), for ``reviewdog -f=rdjson`` review comments.

reviewdog counts columns in UTF-8 bytes, so code-point columns are converted from the source
line; a rule's exact ``replacement:`` becomes a suggestion reviewdog can offer as a change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from cxlint.findings import Finding
from cxlint.formatters.base import Formatter
from cxlint.formatters.common import TOOL_NAME, TOOL_URI, byte_column
from cxlint.formatters.escaping import shown_location, shown_path, write_json
from cxlint.json_stream import JsonWriter
from cxlint.report import Excerpt, FileReport, RuleInfo, RunSummary

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(lines: Excerpt, f: Finding) -> dict[str, Any]:
    return {
        "start": {"line": f.line, "column": byte_column(lines, f.line, f.column)},
        "end": {"line": f.end_line, "column": byte_column(lines, f.end_line, f.end_column)},
    }


class RdjsonFormatter(Formatter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.json = JsonWriter(stream, write_value=write_json)

    def start(self, rules: Mapping[str, RuleInfo]) -> None:
        super().start(rules)
        self.json.begin_object()
        self.json.value({"name": TOOL_NAME, "url": TOOL_URI}, "source")
        self.json.value("WARNING", "severity")
        self.json.begin_array("diagnostics")

    def file(self, report: FileReport) -> None:
        for f in report.findings:
            item: dict[str, Any] = {
                "message": f"{f.message} Suggestion: {f.suggestion}" if f.suggestion else f.message,
                "location": {"path": shown_path(f.path), "range": _range(report.lines, f)},
                "severity": SEVERITIES[f.severity],
                "code": {"value": f.rule},
                "original_output": f"{shown_location(f.path, f.line, f.column)}: {f.rule} [{f.severity}] {f.message}",
            }
            replacement = self.replacement_for(f)
            if replacement is not None:
                item["suggestions"] = [{"range": _range(report.lines, f), "text": replacement}]
            self.json.value(item)

    def finish(self, summary: RunSummary) -> None:
        for problem in summary.problems:
            location: dict[str, Any] = {"path": shown_path(problem.path)}
            if problem.line:
                location["range"] = {"start": {"line": problem.line}}
            self.json.value({"message": f"cxlint could not lint this file: {problem.message}", "location": location, "severity": "ERROR", "code": {"value": problem.code}})
        self.json.end()
        self.json.end()
        self.stream.write("\n")
