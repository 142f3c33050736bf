"""``cxlint init [PATH...]``: write a starter config and a draft promises.yaml; 0 on success, 2 on refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from cxlint.commands import EXIT_ERROR, EXIT_OK
from cxlint.commands.audit import _documents
from cxlint.findings import FileProblem
from cxlint.atomic import write_atomically
from cxlint.config.discovery import CONFIG_NAMES
from cxlint.promises.draft import CONFIG, draft_registry
from cxlint.promises.inventory import build_inventory
from cxlint.rulepack.loader import builtin_sources, load_ruleset

REGISTRY_NAME = "promises.yaml"


def run_init(paths: tuple[str, ...], directory: str, force: bool, stream: TextIO, err: TextIO) -> int:
    target = Path(directory)
    config, registry = target / CONFIG_NAMES[0], target / REGISTRY_NAME
    existing = [str(p) for p in (config, registry) if p.exists()]
    if existing and not force:
        err.write(f"cxlint: {', '.join(existing)} already exist(s); use --force to overwrite\n")
        return EXIT_ERROR
    problems: list[FileProblem] = []
    records = []
    if paths:
        inventory = build_inventory(_documents(paths, None, problems), load_ruleset(builtin_sources()), None, dt.date.today())
        records = [row.record for row in inventory.rows]
    text = draft_registry(records)
    write_atomically(registry, text)
    write_atomically(config, CONFIG.format(registry=REGISTRY_NAME))
    entries = text.count("\n  - id: ")
    stream.write(f"wrote {config} and {registry} ({entries} draft entries from {len(records)} promises)\n")
    stream.write("next: fill in the TODO evidence and owners, then run `cxlint audit` on your copy\n")
    for problem in problems:
        err.write(f"{problem.path}: error: {problem.message}\n")
    return EXIT_ERROR if problems else EXIT_OK


