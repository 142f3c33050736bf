"""Plain pieces shared by the audit reports: the summary lines and the columns of a row."""

from __future__ import annotations

from cxlint.promises.inventory import Inventory, Row

COLUMNS = ("subject", "touchpoint", "channel", "kind", "value", "text", "status", "entry", "evidence", "owner", "qualifiers", "note")


def summary_lines(inventory: Inventory) -> list[str]:
    counts = inventory.counts()
    registry = inventory.registry.path if inventory.registry else "none (every promise is unbacked until a registry lists it; `cxlint init` drafts one)"
    lines = [
        f"{_count(len(inventory.rows), 'promise')} in {_count(inventory.files, 'file')}, {_count(len(inventory.by_subject()), 'subject')}; checked {inventory.today}.",
        "Status: " + ", ".join(f"{count} {status}" for status, count in counts.items()) + ".",
        f"{_count(inventory.conflict_count(), 'cross-touchpoint conflict')}.",
        f"Registry: {registry}.",
    ]
    if inventory.registry is not None:
        unused = inventory.unused_entries()
        if unused:
            lines.append("Registry entries no copy uses: " + ", ".join(e.id for e in unused) + ".")
        for entry in inventory.expiring():
            lines.append(f"Registry entry '{entry.id}' expires on {entry.expires} (owner: {entry.owner or 'none'}).")
    for problem in inventory.problems:
        lines.append(f"Could not read {problem.path}: {problem.message}.")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def row_cells(row: Row) -> dict[str, str]:
    record = row.record
    entry = row.assessment.entry
    notes = [row.assessment.reason] + [c.describe() for c in row.conflicts]
    return {
        "subject": record.subject, "touchpoint": record.location, "channel": record.channel or "", "kind": record.kind,
        "value": record.value_text, "text": " ".join(record.text.split()), "status": row.status,
        "entry": entry.id if entry else "", "evidence": entry.evidence if entry else "", "owner": entry.owner if entry else "",
        "qualifiers": ", ".join(record.qualifiers), "note": "; ".join(notes),
    }
