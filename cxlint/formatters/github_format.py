"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` with the level from
the severity (info is ``notice``). Values are escaped as the runner requires, after control
characters and undecodable bytes are shown as escapes, so an annotation is always one line.
"""

from __future__ import annotations

from typing import TextIO

from cxlint.formatters.escaping import shown_path, shown_text
from cxlint.formatters.text_format import summary_line
from cxlint.report import RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, stream: TextIO) -> None:
    for f in result.findings:
        props = f"file={_prop(shown_path(f.path))},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column}"
        title = _prop(shown_text(f"{f.rule} {f.name} ({f.severity})"))
        message = shown_text(f.message) + (f"\nSuggestion: {shown_text(f.suggestion)}" if f.suggestion else "")
        stream.write(f"::{LEVELS[f.severity]} {props},title={title}::{_data(message)}\n")
    for problem in result.problems:
        line = f",line={problem.line}" if problem.line else ""
        stream.write(f"::error file={_prop(shown_path(problem.path))}{line},title=cxlint {problem.code}::{_data(shown_text(problem.message))}\n")
    stream.write(summary_line(result) + "\n")
