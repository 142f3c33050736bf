"""ruff-style concise text: ``path:line:col: ID [severity] message`` and the suggestion under it."""

from __future__ import annotations

from typing import TextIO

from cxlint.formatters.base import Formatter
from cxlint.formatters.common import counts, tail_notes
from cxlint.formatters.escaping import shown_location, shown_path, shown_text
from cxlint.report import FileReport, RunSummary


class TextFormatter(Formatter):
    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            self.stream.write(
                f"{shown_location(finding.path, finding.line, finding.column)}: {finding.rule} [{finding.severity}] {shown_text(finding.message)}\n"
                f"  | {finding.text!r}\n"
                f"  = suggestion: {shown_text(finding.suggestion)}\n"
            )

    def finish(self, summary: RunSummary) -> None:
        write_tail(summary, self.stream)


def write_tail(summary: RunSummary, stream: TextIO) -> None:
    """Files that could not be linted, stale baseline entries, and the summary line."""
    for problem in summary.problems:
        stream.write(f"{shown_location(problem.path, problem.line)}: error: {problem.code} {shown_text(problem.message)}\n")
    for entry in summary.stale:
        stream.write(f"{shown_path(str(entry['path']))}: baseline: {shown_text(str(entry['rule']))} {entry.get('text', '')!r} no longer found; rewrite the baseline to drop it\n")
    stream.write(summary_line(summary) + "\n")


def summary_line(summary: RunSummary) -> str:
    by_severity = counts(summary)
    total = summary.findings
    noun = "finding" if total == 1 else "findings"
    files = "file" if summary.files == 1 else "files"
    text = (
        f"Found {total} {noun} ({by_severity['error']} error, {by_severity['warning']} warning, "
        f"{by_severity['info']} info) in {summary.files} {files}."
    )
    notes = tail_notes(summary)
    if notes:
        text += f" ({', '.join(notes)})"
    if summary.problems:
        text += f" {len(summary.problems)} file(s) could not be read."
    return text
