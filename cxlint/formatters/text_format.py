"""ruff-style concise text: ``path:line:col: ID [severity] message`` and the suggestion under it."""

from __future__ import annotations

from typing import TextIO

from cxlint.formatters.common import counts, tail_notes
from cxlint.formatters.escaping import shown_location, shown_path, shown_text
from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    for finding in result.findings:
        stream.write(f"{shown_location(finding.path, finding.line, finding.column)}: {finding.rule} [{finding.severity}] {shown_text(finding.message)}\n")
        stream.write(f"  | {finding.text!r}\n")
        stream.write(f"  = suggestion: {shown_text(finding.suggestion)}\n")
    write_problems(result, stream)
    write_stale(result, stream)
    stream.write(summary_line(result) + "\n")


def write_problems(result: RunResult, stream: TextIO) -> None:
    for problem in result.problems:
        stream.write(f"{shown_location(problem.path, problem.line)}: error: {problem.code} {shown_text(problem.message)}\n")


def write_stale(result: RunResult, stream: TextIO) -> None:
    for entry in result.stale:
        stream.write(f"{shown_path(str(entry['path']))}: baseline: {shown_text(str(entry['rule']))} {entry.get('text', '')!r} no longer found; rewrite the baseline to drop it\n")


def summary_line(result: RunResult) -> str:
    by_severity = counts(result)
    total = len(result.findings)
    noun = "finding" if total == 1 else "findings"
    files = "file" if result.files == 1 else "files"
    text = (
        f"Found {total} {noun} ({by_severity['error']} error, {by_severity['warning']} warning, "
        f"{by_severity['info']} info) in {result.files} {files}."
    )
    notes = tail_notes(result)
    if notes:
        text += f" ({', '.join(notes)})"
    if result.problems:
        text += f" {len(result.problems)} file(s) could not be read."
    return text
