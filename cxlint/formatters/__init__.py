"""Formatters only render: ``FORMATTERS[name](stream)`` is a :class:`~cxlint.formatters.base.Formatter`
that is given each file's findings as the run goes. They never import spaCy.

One module per format; every format carries each finding's severity. :func:`render` writes a
run already collected in memory (the library's :class:`~cxlint.report.RunResult`) the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from itertools import groupby
from typing import TextIO

from cxlint.formatters.base import Formatter
from cxlint.report import FileReport, RunResult

_CLASSES = {
    "text": ("text_format", "TextFormatter"),
    "full": ("full_format", "FullFormatter"),
    "json": ("json_format", "JsonFormatter"),
    "json-lines": ("json_lines_format", "JsonLinesFormatter"),
    "sarif": ("sarif_format", "SarifFormatter"),
    "github": ("github_format", "GithubFormatter"),
    "junit": ("junit_format", "JunitFormatter"),
    "gitlab": ("gitlab_format", "GitlabFormatter"),
    "rdjson": ("rdjson_format", "RdjsonFormatter"),
}


class _Formatters(Mapping[str, Callable[[TextIO], Formatter]]):
    """Each format's class, imported when asked for: a run loads the one format it writes."""

    def __getitem__(self, name: str) -> Callable[[TextIO], Formatter]:
        module, cls = _CLASSES[name]
        return getattr(import_module(f"cxlint.formatters.{module}"), cls)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(_CLASSES)

    def __len__(self) -> int:
        return len(_CLASSES)


FORMATTERS: Mapping[str, Callable[[TextIO], Formatter]] = _Formatters()


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
