"""The promise part of ``cxlint check``: judge promises against a registry (``--promises``) if there is one,
then add the run-wide findings: expiring entries, and touchpoints that contradict each other."""

from __future__ import annotations

import datetime as dt

from cxlint.findings import Finding
from cxlint.promises.consistency import consistency_findings
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import load_registry


def registry_check(promises: str | None, today: dt.date | None) -> PromiseCheck:
    """A PromiseCheck for the registry at ``promises`` (``--promises`` or the config's); with none,
    one that only gathers promises, so every run still finds the touchpoints that contradict each other."""
    if promises is None:
        return PromiseCheck(None, today or dt.date.today(), judge=False)
    return PromiseCheck(load_registry(promises), today or dt.date.today())


def run_wide_findings(check: PromiseCheck) -> list[Finding]:
    """After every file: registry entries about to expire, and promises that contradict each other
    (decided with their files' suppressions and reported after the files)."""
    return check.registry_findings() + consistency_findings(check.assessments)
