"""The audit as CSV: one row a promise, for spreadsheets."""

from __future__ import annotations

import csv
from typing import TextIO

from cxlint.promises.inventory import Inventory
from cxlint.promises.report_text import COLUMNS, row_cells


def render(inventory: Inventory, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for rows in inventory.by_subject().values():
        for row in rows:
            writer.writerow(row_cells(row))
