"""The audit as JSON: summary and every promise record with its status."""

from __future__ import annotations

import json
from typing import TextIO

from cxlint.promises.inventory import Inventory


def render(inventory: Inventory, stream: TextIO) -> None:
    payload = {
        "version": 1,
        "today": inventory.today.isoformat(),
        "registry": inventory.registry.path if inventory.registry else None,
        "summary": {
            "files": inventory.files, "promises": len(inventory.rows), "subjects": len(inventory.by_subject()),
            "statuses": inventory.counts(), "conflicts": inventory.conflict_count(),
            "unused_entries": [e.id for e in inventory.unused_entries()],
            "expiring_entries": [e.id for e in inventory.expiring()],
        },
        "promises": [row.to_dict() for rows in inventory.by_subject().values() for row in rows],
        "errors": [p.to_dict() for p in inventory.problems],
    }
    json.dump(payload, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
