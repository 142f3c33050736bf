"""``cxlint audit PATH...``: the promise inventory across touchpoints; returns 0 / 1 / 2.

The audit is the same run as ``check`` (walk, config, packs, channels, skip-strings, parallel
workers; see ``promises/gather.py``), reported as an inventory instead of findings. Exit 1 when
any promise is over-promised, expired or inconsistent, or (with a registry) unbacked at warning
level, so the audit can gate a release like ``check`` does.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from cxlint.commands import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from cxlint.promises.gather import RunSettings, gather_promises, run_config
from cxlint.promises.inventory import Inventory, build_inventory
from cxlint.promises.matching import BACKED, UNBACKED
from cxlint.promises.registry import load_registry
from cxlint.promises.reports import REPORTS


def run_audit(paths: tuple[str, ...], output_format: str, stream: TextIO, promises: str | None = None,
              today: dt.date | None = None, channel: str | None = None, settings: RunSettings | None = None) -> int:
    settings = settings or RunSettings(channel=channel)
    inventory = audit_inventory(paths, promises, today or dt.date.today(), settings)
    REPORTS[output_format](inventory, stream)
    if inventory.problems:
        return EXIT_ERROR
    registry = inventory.registry
    failing = [r for r in inventory.rows if r.status not in (BACKED, UNBACKED) or (registry and r.status == UNBACKED and r.severity != "info")]
    return EXIT_FINDINGS if failing else EXIT_OK


def audit_inventory(paths: tuple[str, ...], promises: str | None, today: dt.date, settings: RunSettings = RunSettings()) -> Inventory:
    """Every promise under ``paths`` with its status, against ``promises`` or the config's registry."""
    config = run_config(paths, settings)
    path = promises or config.promises
    registry = load_registry(path) if path else None
    check, result = gather_promises(paths, config, registry, today, settings)
    return build_inventory(check.assessments, result.files, registry, today, result.problems)
