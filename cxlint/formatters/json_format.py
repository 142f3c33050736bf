"""The JSON contract (docs/ci.md, "JSON output"): version, findings, summary (plus unreadable files and what was set aside).

The findings array is written as each file is done; the summary and errors, which follow it,
when the run ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from cxlint.formatters.base import Formatter
from cxlint.formatters.common import finding_record, problem_record
from cxlint.formatters.escaping import write_json
from cxlint.json_stream import JsonWriter
from cxlint.report import FileReport, RuleInfo, RunSummary


class JsonFormatter(Formatter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.json = JsonWriter(stream, write_value=write_json)

    def start(self, rules: Mapping[str, RuleInfo]) -> None:
        super().start(rules)
        self.json.begin_object()
        self.json.value(1, "version")
        self.json.begin_array("findings")

    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            self.json.value(finding_record(finding))

    def finish(self, summary: RunSummary) -> None:
        self.json.end()
        self.json.value(
            {
                "files": summary.files,
                "findings": summary.findings,
                "by_category": summary.by_category,
                "by_severity": summary.by_severity,
                "unreadable": len(summary.problems),
                "suppressed": summary.suppressed,
                "baselined": summary.baselined,
                "stale_baseline_entries": len(summary.stale),
            },
            "summary",
        )
        self.json.value([problem_record(problem) for problem in summary.problems], "errors")
        if summary.stale:
            self.json.value(summary.stale, "stale_baseline")
        self.json.end()
        self.stream.write("\n")
