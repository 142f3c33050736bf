"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` with the level from
the severity (info is ``notice``). Values are escaped as the runner requires, after control
characters and undecodable bytes are shown as escapes, so an annotation is always one line.
"""

from __future__ import annotations

from cxlint.formatters.base import Formatter
from cxlint.formatters.escaping import shown_path, shown_text
from cxlint.formatters.text_format import summary_line
from cxlint.report import FileReport, RunSummary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def file(self, report: FileReport) -> None:
        for f in report.findings:
            props = f"file={_prop(shown_path(f.path))},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column}"
            title = _prop(shown_text(f"{f.rule} {f.name} ({f.severity})"))
            message = shown_text(f.message) + (f"\nSuggestion: {shown_text(f.suggestion)}" if f.suggestion else "")
            self.stream.write(f"::{LEVELS[f.severity]} {props},title={title}::{_data(message)}\n")

    def finish(self, summary: RunSummary) -> None:
        for problem in summary.problems:
            line = f",line={problem.line}" if problem.line else ""
            self.stream.write(f"::error file={_prop(shown_path(problem.path))}{line},title=cxlint {problem.code}::{_data(shown_text(problem.message))}\n")
        self.stream.write(summary_line(summary) + "\n")
