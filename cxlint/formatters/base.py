"""The formatter interface (flake8's start / handle / stop): a report is written while the run goes.

``start`` comes first, with the metadata of every rule; ``file`` once for each linted file as it
is done, in the run's order, with that file's decided findings; ``finish`` last, with the
summary (counts, files that could not be linted, what was set aside). A formatter writes what
it can at once and keeps only what its format needs before it can go on, never the findings
of files already written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from cxlint.findings import Finding
from cxlint.report import FileReport, RuleInfo, RunSummary


class Formatter:
    """Writes one report to ``stream``; the default ``start`` keeps the rules for later look-ups."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.rules: Mapping[str, RuleInfo] = {}

    def start(self, rules: Mapping[str, RuleInfo]) -> None:
        self.rules = rules

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: RunSummary) -> None:
        raise NotImplementedError

    def replacement_for(self, finding: Finding) -> str | None:
        """The exact replacement text of a finding: its own, else the one its rule declares (``replacement:``), if any."""
        if finding.replacement is not None:
            return finding.replacement
        info = self.rules.get(finding.rule)
        return info.replacement if info is not None else None
