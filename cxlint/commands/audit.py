"""``cxlint audit PATH...``: the promise inventory across touchpoints; returns 0 / 1 / 2.

Exit 1 when any promise is over-promised, expired or inconsistent, or (with a registry)
unbacked at warning level, so the audit can gate a release like ``check`` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TextIO

from cxlint.commands import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from cxlint.document import Document
from cxlint.errors import InputError
from cxlint.findings import FileProblem
from cxlint.promises.inventory import build_inventory
from cxlint.promises.matching import BACKED, UNBACKED
from cxlint.promises.registry import load_registry
from cxlint.promises.reports import REPORTS
from cxlint.boundary import StageFailure, internal_error, stage
from cxlint.rulepack.loader import builtin_sources, load_ruleset
from cxlint.runner import iter_files, read_document


def run_audit(paths: tuple[str, ...], output_format: str, stream: TextIO, promises: str | None = None,
              today: dt.date | None = None, channel: str | None = None) -> int:
    path = promises or _configured_registry(paths)
    registry = load_registry(path) if path else None
    ruleset = load_ruleset(builtin_sources())
    problems: list[FileProblem] = []
    inventory = build_inventory(_documents(paths, channel, problems), ruleset, registry, today or dt.date.today(), problems)
    REPORTS[output_format](inventory, stream)
    if problems:
        return EXIT_ERROR
    failing = [r for r in inventory.rows if r.status not in (BACKED, UNBACKED) or (registry and r.status == UNBACKED and r.severity != "info")]
    return EXIT_FINDINGS if failing else EXIT_OK


def _documents(paths: tuple[str, ...], channel: str | None, problems: list[FileProblem]) -> Iterator[Document]:
    for path in iter_files(paths, problems=problems):
        try:
            with stage("reading"):
                doc = read_document(path, channel)
        except InputError as exc:
            problems.append(FileProblem(exc.path, exc.reason, exc.line))
            continue
        except StageFailure as failure:
            problems.append(internal_error(path, failure))
            continue
        yield doc


def _configured_registry(paths: tuple[str, ...]) -> str | None:
    """The ``promises:`` of the config found above the first path, as ``check`` finds it."""
    import os

    from cxlint.config import find_config, load_config

    start = next((p for p in paths if p != "-"), os.getcwd())
    return load_config(find_config(start)).promises
