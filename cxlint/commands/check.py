"""``cxlint check``: lint files and folders, render, and return 0 / 1 / 2."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from cxlint.commands import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from cxlint.findings import SEVERITY_RANK
from cxlint.formatters import FORMATTERS
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.promises.check_run import finish_registry_check, registry_check
from cxlint.runner import RunResult, lint_paths


def run_check(
    paths: tuple[str, ...],
    output_format: str,
    fail_on: str,
    stream: TextIO,
    extra_packs: tuple[str, ...] = (),
    channel: str | None = None,
    stdin_filename: str = "stdin.md",
    promises: str | None = None,
    today: dt.date | None = None,
) -> int:
    ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in extra_packs])
    promise_check = registry_check(promises, today)
    result = lint_paths(paths, ruleset, channel=channel, stdin_name=stdin_filename, promise_check=promise_check)
    if promise_check is not None:
        finish_registry_check(promise_check, result)
    FORMATTERS[output_format](result, stream)
    return exit_code(result, fail_on)


def exit_code(result: RunResult, fail_on: str) -> int:
    """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if result.problems:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings):
        return EXIT_FINDINGS
    return EXIT_OK
