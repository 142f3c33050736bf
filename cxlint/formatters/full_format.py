"""Full text, as ruff's ``--output-format full``: the source line with a caret under the span.

Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org);
``FORCE_COLOR`` turns it on for CI logs that render ANSI.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO

from cxlint.findings import Finding
from cxlint.formatters.base import Formatter
from cxlint.formatters.escaping import shown_location, shown_text
from cxlint.formatters.text_format import write_tail
from cxlint.report import Excerpt, FileReport, RunSummary

_COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "caret": "35"}

Paint = Callable[[str, str], str]


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class FullFormatter(Formatter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.colour = use_colour(stream)

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{_COLOURS[style]}m{text}\x1b[0m" if self.colour else text

    def file(self, report: FileReport) -> None:
        paint = self.paint
        for finding in report.findings:
            self.stream.write(
                f"{paint(shown_location(finding.path, finding.line, finding.column), 'bold')}: "
                f"{paint(finding.rule, finding.severity)} [{paint(finding.severity, finding.severity)}] {shown_text(finding.message)}\n"
            )
            self.stream.write(excerpt(report.lines, finding, paint))
            if finding.suggestion:
                self.stream.write(f"  {paint('= help:', 'dim')} {shown_text(finding.suggestion)}\n")
            self.stream.write("\n")

    def finish(self, summary: RunSummary) -> None:
        write_tail(summary, self.stream)


def _plain(text: str, style: str) -> str:
    return text


def excerpt(lines: Excerpt, finding: Finding, paint: Paint = _plain) -> str:
    """The finding's first line, numbered, with carets under its span (to the line's end when it runs on).

    Control characters in the line are shown escaped, so carets stand under the escapes' full width.
    """
    text = lines.get(finding.line)
    if text is None:
        return f"  | {finding.text!r}\n"
    number = str(finding.line)
    gutter = " " * len(number)
    end = finding.end_column if finding.end_line == finding.line else len(text) + 1
    lead = "".join(ch if ch == "\t" else " " * len(shown_text(ch)) for ch in text[: finding.column - 1])
    width = max(1, len(shown_text(text[finding.column - 1 : end - 1])))
    more = " …" if finding.end_line > finding.line else ""
    return (
        f" {gutter} |\n"
        f" {number} | {shown_text(text)}\n"
        f" {gutter} | {lead}{paint('^' * width, 'caret')}{more}\n"
    )
