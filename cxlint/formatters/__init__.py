"""Formatters only render: ``FORMATTERS[name](stream)`` is a :class:`~cxlint.formatters.base.Formatter`
that is given each file's findings as the run goes. They never import spaCy.

One module per format; every format carries each finding's severity. :func:`render` writes a
run already collected in memory (the library's :class:`~cxlint.report.RunResult`) the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby
from typing import TextIO

from cxlint.formatters.base import Formatter
from cxlint.formatters.full_format import FullFormatter
from cxlint.formatters.github_format import GithubFormatter
from cxlint.formatters.gitlab_format import GitlabFormatter
from cxlint.formatters.json_format import JsonFormatter
from cxlint.formatters.json_lines_format import JsonLinesFormatter
from cxlint.formatters.junit_format import JunitFormatter
from cxlint.formatters.rdjson_format import RdjsonFormatter
from cxlint.formatters.sarif_format import SarifFormatter
from cxlint.formatters.text_format import TextFormatter
from cxlint.report import FileReport, RunResult

FORMATTERS: dict[str, Callable[[TextIO], Formatter]] = {
    "text": TextFormatter,
    "full": FullFormatter,
    "json": JsonFormatter,
    "json-lines": JsonLinesFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "junit": JunitFormatter,
    "gitlab": GitlabFormatter,
    "rdjson": RdjsonFormatter,
}


def render(name: str, result: RunResult, stream: TextIO) -> None:
    """Write a collected run in format ``name``: its findings as they stand, grouped into files."""
    formatter = FORMATTERS[name](stream)
    formatter.start(result.rules)
    for report in file_reports(result):
        formatter.file(report)
    formatter.finish(result.summary())


def file_reports(result: RunResult) -> Iterator[FileReport]:
    """A collected run as a stream of file reports: each run of findings in one file is a report,
    and a linted file without findings gets an empty one where it stands among the linted files."""
    clean = iter(result.linted)
    done: set[str] = set()
    linted = set(result.linted)
    for path, findings in groupby(result.findings, key=lambda f: f.path):
        if path in linted and path not in done:
            for other in clean:
                if other == path:
                    break
                if other not in done:
                    done.add(other)
                    yield FileReport(other, [], {})
        done.add(path)
        yield FileReport(path, list(findings), result.lines.get(path, {}))
    for other in clean:
        if other not in done:
            yield FileReport(other, [], {})
