"""Formatters only render: ``FORMATTERS[name](result, stream)``. They never import spaCy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from cxlint.formatters import json_format, text_format
from cxlint.runner import RunResult

Formatter = Callable[[RunResult, TextIO], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text_format.render,
    "json": json_format.render,
}
