"""The audit as Markdown: summary on top, then one table per subject."""

from __future__ import annotations

from typing import TextIO

from cxlint.promises.inventory import Inventory
from cxlint.promises.report_text import row_cells, summary_lines

_SHOWN = ("touchpoint", "channel", "value", "text", "status", "entry", "evidence", "owner", "note")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(inventory: Inventory, stream: TextIO) -> None:
    stream.write("# Promise audit\n\n")
    for line in summary_lines(inventory):
        stream.write(f"- {line}\n")
    for subject, rows in inventory.by_subject().items():
        stream.write(f"\n## {subject} ({len(rows)})\n\n")
        stream.write("| " + " | ".join(_SHOWN) + " |\n|" + "---|" * len(_SHOWN) + "\n")
        for row in rows:
            cells = row_cells(row)
            stream.write("| " + " | ".join(_cell(cells[c]) for c in _SHOWN) + " |\n")
