"""ruff-style text: ``path:line:col: ID [severity] message`` and the suggestion under it."""

from __future__ import annotations

from typing import TextIO

from cxlint.runner import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    for finding in result.findings:
        stream.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {finding.message}\n")
        stream.write(f"  | {finding.text!r}\n")
        stream.write(f"  = suggestion: {finding.suggestion}\n")
    for problem in result.problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        stream.write(f"{where}: error: {problem.message}\n")
    stream.write(summary_line(result) + "\n")


def summary_line(result: RunResult) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        counts[finding.severity] += 1
    total = len(result.findings)
    noun = "finding" if total == 1 else "findings"
    files = "file" if result.files == 1 else "files"
    text = f"Found {total} {noun} ({counts['error']} error, {counts['warning']} warning, {counts['info']} info) in {result.files} {files}."
    if result.problems:
        text += f" {len(result.problems)} file(s) could not be read."
    return text
