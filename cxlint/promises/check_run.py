"""The ``--promises`` part of ``cxlint check``: build the registry check, then add its run-wide findings."""

from __future__ import annotations

import datetime as dt

from cxlint.findings import Finding
from cxlint.promises.consistency import consistency_findings
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import load_registry


def registry_check(promises: str | None, today: dt.date | None) -> PromiseCheck | None:
    """A PromiseCheck for the registry at ``promises`` (``--promises`` or the config's); None keeps plain linting."""
    if promises is None:
        return None
    path = promises
    return PromiseCheck(load_registry(path), today or dt.date.today())


def run_wide_findings(check: PromiseCheck) -> list[Finding]:
    """After every file: registry entries about to expire, and promises that contradict each other
    (decided with their files' suppressions and reported after the files)."""
    return check.registry_findings() + consistency_findings(check.assessments)
