"""Audit report formats by name: ``REPORTS[name](inventory, stream)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from cxlint.promises import report_csv, report_html, report_json, report_md
from cxlint.promises.inventory import Inventory

REPORTS: dict[str, Callable[[Inventory, TextIO], None]] = {
    "md": report_md.render,
    "csv": report_csv.render,
    "json": report_json.render,
    "html": report_html.render,
}
