"""Full text, as ruff's ``--output-format full``: the source line with a caret under the span.

Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org);
``FORCE_COLOR`` turns it on for CI logs that render ANSI.
"""

from __future__ import annotations

import os
from typing import TextIO

from cxlint.findings import Finding
from cxlint.formatters.common import source_line
from cxlint.formatters.escaping import shown_location, shown_text
from cxlint.formatters.text_format import summary_line, write_problems, write_stale
from cxlint.report import RunResult

_COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "caret": "35"}


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render(result: RunResult, stream: TextIO) -> None:
    colour = use_colour(stream)

    def paint(text: str, style: str) -> str:
        return f"\x1b[{_COLOURS[style]}m{text}\x1b[0m" if colour else text

    for finding in result.findings:
        stream.write(
            f"{paint(shown_location(finding.path, finding.line, finding.column), 'bold')}: "
            f"{paint(finding.rule, finding.severity)} [{paint(finding.severity, finding.severity)}] {shown_text(finding.message)}\n"
        )
        stream.write(excerpt(result, finding, paint))
        if finding.suggestion:
            stream.write(f"  {paint('= help:', 'dim')} {shown_text(finding.suggestion)}\n")
        stream.write("\n")
    write_problems(result, stream)
    write_stale(result, stream)
    stream.write(summary_line(result) + "\n")


def excerpt(result: RunResult, finding: Finding, paint=lambda text, style: text) -> str:  # type: ignore[no-untyped-def]
    """The finding's first line, numbered, with carets under its span (to the line's end when it runs on).

    Control characters in the line are shown escaped, so carets stand under the escapes' full width.
    """
    text = source_line(result, finding.path, finding.line)
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
