"""The run-wide half of the decision, applied to each file as it is done: source order, the
baseline, ``--diff``; and what only the end of the run knows: run-wide findings, stale
baseline entries, the baseline to write, the summary.

Nothing here holds a finding once its file is reported: the baseline's counts are used up
file by file, a baseline to write waits on disk, and the summary keeps counts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from cxlint.decision.baseline import BaselineMatch, Fingerprints, load_baseline
from cxlint.decision.baseline_write import BaselineWriter
from cxlint.decision.gitdiff import changed_lines, on_changed_line
from cxlint.decision.per_file import FileDecider, FileDecision
from cxlint.findings import FileProblem, Finding
from cxlint.report import FileReport, RunSummary
from cxlint.walk import STDIN_NAME

_Located = TypeVar("_Located", Finding, FileProblem)


def source_order(finding: Finding) -> tuple[int, int, str]:
    """A file's findings in reading order (the rule breaks ties, so the order never depends on how they were found)."""
    return (finding.start, finding.end, finding.rule)


class RunDecision:
    """Decides a run file by file; build it before linting, so a bad baseline or ``--diff`` fails first."""

    def __init__(
        self,
        per_file: FileDecider,
        *,
        baseline: str | None = None,
        write_baseline: str | None = None,
        diff_ref: str | None = None,
        stdin_shown: str | None = None,
    ) -> None:
        self.per_file = per_file
        self.stdin_shown = stdin_shown
        """``--stdin-filename``: what the report calls standard input (None: ``-``)."""
        self.match = BaselineMatch(load_baseline(baseline)) if baseline and not write_baseline else None
        self.writer = BaselineWriter(write_baseline) if write_baseline else None
        self.changed = changed_lines(diff_ref) if diff_ref else None
        self.summary = RunSummary()

    def file(self, path: str, decision: FileDecision) -> FileReport:
        """One linted file, decided by its worker: what of it is reported."""
        self.summary.files += 1
        return self._report(path, decision)

    def late(self, findings: list[Finding], order: Sequence[str]) -> Iterator[FileReport]:
        """Run-wide findings (promise conflicts, registry expiry), known once every file is done.

        Each file they land in is read again to apply its inline suppressions; files come in
        ``order`` (the run's), then any others (the registry) by path.
        """
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.path, []).append(finding)
        rank = {path: n for n, path in enumerate(order) if path in by_path}
        for path in sorted(by_path, key=lambda p: (rank.get(p, len(rank)), p)):
            decision = self.per_file(path, _read_again(path) or "", by_path[path], meta=False)
            yield self._report(path, decision)

    def finish(self, problems: list[FileProblem]) -> tuple[RunSummary, int | None]:
        """The summary, and how many entries the baseline written has (None: none was asked for)."""
        self.summary.problems = [self._shown(p) for p in problems]
        if self.match is not None:
            self.summary.stale = self.match.stale()
        return self.summary, (self.writer.write() if self.writer is not None else None)

    def _report(self, path: str, decision: FileDecision) -> FileReport:
        findings = sorted(decision.findings, key=source_order)
        self.summary.suppressed += decision.suppressed
        prints = Fingerprints({}, known=decision.fingerprints)
        if self.writer is not None:
            self.writer.add(findings, prints)
            self.summary.baselined += len(findings)
            findings = []
        elif self.match is not None:
            kept = self.match.new(findings, prints)
            self.summary.baselined += len(findings) - len(kept)
            findings = kept
        if self.changed is not None:
            changed = self.changed
            findings = [f for f in findings if f.path == STDIN_NAME or on_changed_line(f.path, f.line, f.end_line, changed)]
        self.summary.count(findings)
        if path == STDIN_NAME and self.stdin_shown:
            return FileReport(self.stdin_shown, [self._shown(f) for f in findings], decision.lines)
        return FileReport(path, findings, decision.lines)

    def _shown(self, item: _Located) -> _Located:
        """Standard input under the name the user gave it (``--stdin-filename``), in every format.

        The run knows standard input as ``-`` until its report (no suppression re-read, baseline
        key or ``--diff`` lookup mistakes it for a file on disk of that name); only the report renames it.
        """
        if self.stdin_shown and item.path == STDIN_NAME:
            return replace(item, path=self.stdin_shown)
        return item


def _read_again(path: str) -> str | None:
    """A file's text once more, for the few run-wide findings that land in it; None if it cannot be read."""
    if path == STDIN_NAME:
        return None
    from cxlint.errors import InputError
    from cxlint.runner import read_document

    try:
        return read_document(path).source
    except (InputError, OSError):
        return None
