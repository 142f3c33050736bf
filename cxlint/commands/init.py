"""``cxlint init [PATH...]``: write a starter config and a draft promises.yaml; 0 on success, 2 on refusal.

Drafts come from the same run as ``check`` over PATHS (the current folder when none is given),
and only from our own promises: not quotes, measurements or claims about other companies.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from cxlint.atomic import write_atomically
from cxlint.commands import EXIT_ERROR, EXIT_OK
from cxlint.config.discovery import CONFIG_NAMES
from cxlint.own_files import REGISTRY_NAME
from cxlint.promises.draft import CONFIG, draft_registry
from cxlint.promises.gather import RunSettings, gather_promises, run_config


def run_init(paths: tuple[str, ...], directory: str, force: bool, stream: TextIO, err: TextIO,
             settings: RunSettings = RunSettings()) -> int:
    target = Path(directory)
    config_path, registry_path = target / CONFIG_NAMES[0], target / REGISTRY_NAME
    existing = [str(p) for p in (config_path, registry_path) if p.exists()]
    if existing and not force:
        err.write(f"cxlint: {', '.join(existing)} already exist(s); use --force to overwrite\n")
        return EXIT_ERROR
    paths = paths or (".",)
    check, result = gather_promises(paths, run_config(paths, settings), None, dt.date.today(), settings)
    records = [a.record for a in check.assessments]
    text = draft_registry(records)
    write_atomically(registry_path, text)
    write_atomically(config_path, CONFIG.format(registry=REGISTRY_NAME))
    entries = text.count("\n  - id: ")
    stream.write(f"wrote {config_path} and {registry_path} ({entries} draft entries from {len(records)} promises in {result.files} files)\n")
    stream.write("next: fill in the evidence marked TODO and the owners (see docs/registry.md), then run `cxlint audit`\n")
    for problem in result.problems:
        err.write(f"{problem.path}: error: {problem.message}\n")
    return EXIT_ERROR if result.problems else EXIT_OK
