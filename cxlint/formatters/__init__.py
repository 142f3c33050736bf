"""Formatters only render: ``FORMATTERS[name](result, stream)``. They never import spaCy.

One module per format; each takes the decided :class:`~cxlint.report.RunResult` and writes
to a text stream. Every format carries each finding's severity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from cxlint.formatters import (
    full_format,
    github_format,
    gitlab_format,
    json_format,
    json_lines_format,
    junit_format,
    rdjson_format,
    sarif_format,
    text_format,
)
from cxlint.report import RunResult

Formatter = Callable[[RunResult, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text_format.render,
    "full": full_format.render,
    "json": json_format.render,
    "json-lines": json_lines_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "junit": junit_format.render,
    "gitlab": gitlab_format.render,
    "rdjson": rdjson_format.render,
}


def render(name: str, result: RunResult, stream: TextIO) -> None:
    FORMATTERS[name](result, stream)
