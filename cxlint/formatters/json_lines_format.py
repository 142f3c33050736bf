"""JSON Lines: one finding per line (the finding object of ``--format json``), for streaming and ``jq -c``."""

from __future__ import annotations

from cxlint.formatters.base import Formatter
from cxlint.formatters.common import finding_record, problem_record
from cxlint.formatters.escaping import write_json
from cxlint.report import FileReport, RunSummary


class JsonLinesFormatter(Formatter):
    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            write_json(finding_record(finding), self.stream)
            self.stream.write("\n")

    def finish(self, summary: RunSummary) -> None:
        for problem in summary.problems:
            write_json({"type": "error", **problem_record(problem)}, self.stream)
            self.stream.write("\n")
