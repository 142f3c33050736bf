"""The ``--promises`` part of ``cxlint check``: build the registry check, then add its run-wide findings."""

from __future__ import annotations

import datetime as dt

from cxlint.promises.consistency import consistency_findings
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import load_registry
from cxlint.runner import RunResult


def registry_check(promises: str | None, today: dt.date | None) -> PromiseCheck | None:
    """A PromiseCheck for the registry at ``promises`` (``--promises`` or the config's); None keeps plain linting."""
    if promises is None:
        return None
    path = promises
    return PromiseCheck(load_registry(path), today or dt.date.today())


def finish_registry_check(check: PromiseCheck, result: RunResult) -> None:
    """After every file: registry entries about to expire, and promises that contradict each other."""
    result.pending.extend(check.registry_findings())  # decided with their files' suppressions, after the run
    result.pending.extend(consistency_findings(check.assessments))
