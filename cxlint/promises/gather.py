"""The one run behind ``audit`` and ``init``: the same walk, config and engine run as ``check``.

Files are found with the config's ``include``/``exclude`` (and never cxlint's own files), each
is read with its per-file channel and skip-strings, linted with the config's packs and per-file
rule switches, in parallel for large runs like ``check``; the promise check gathers every
file's promises on the way.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from cxlint.archives import ArchiveFields
from cxlint.config import Config, find_config, load_config
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import Registry
from cxlint.report import RunResult


@dataclass(frozen=True)
class RunSettings:
    """What ``audit`` and ``init`` take from their command line beyond the paths (as ``check``'s options)."""

    config_file: str | None = None
    isolated: bool = False
    channel: str | None = None
    jobs: int | None = None
    archive_fields: ArchiveFields | None = None
    dask: str | None = None
    """A dask.distributed scheduler's address: lint there, gather the promise records here."""


def run_config(paths: tuple[str, ...], settings: RunSettings) -> Config:
    """The config ``check`` would use for these paths: ``--config``, none with ``--isolated``, else the one found above them."""
    if settings.isolated:
        return Config()
    if settings.config_file:
        return load_config(settings.config_file)
    start = next((p for p in paths if p != "-"), os.getcwd())
    return load_config(find_config(start))


def gather_promises(paths: tuple[str, ...], config: Config, registry: Registry | None, today: dt.date,
                    settings: RunSettings = RunSettings()) -> tuple[PromiseCheck, RunResult]:
    """Lint ``paths`` as ``check`` does and return the promise check holding every assessment, with the run's result."""
    from cxlint.commands.check import rule_infos
    from cxlint.decision.selection import Policy
    from cxlint.own_files import excluded_from_run
    from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
    from cxlint.runner import MAX_FILE_BYTES, lint_paths

    ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in config.packs])
    policy = Policy(config, rule_infos(ruleset))
    check = PromiseCheck(registry, today)
    result = lint_paths(
        paths,
        ruleset,
        channel=settings.channel,
        excluded=excluded_from_run(config, registry.path if registry else None),
        included=config.is_included if config.include else None,
        channel_for=config.channel_for,
        promise_check=check,
        jobs=settings.jobs,
        skip_strings=config.skip_strings,
        disabled_for=policy.disabled,
        max_bytes=config.max_file_size or MAX_FILE_BYTES,
        archive_fields=settings.archive_fields,
        dask=settings.dask,
    )
    return check, result
