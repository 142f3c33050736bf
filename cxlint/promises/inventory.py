"""The promise inventory of ``cxlint audit``: every promise in every touchpoint, with its status.

Built from the same extraction and matching as ``check --promises`` (so both give the same
statuses), plus cross-touchpoint conflicts. Formatters render an Inventory and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from cxlint.findings import FileProblem
from cxlint.promises.consistency import Conflict, compared_records, find_conflicts
from cxlint.promises.lint import severity_of
from cxlint.promises.matching import BACKED, INCONSISTENT, STATUSES, UNBACKED, Assessment
from cxlint.promises.registry import Entry, Registry, expiring_soon


@dataclass(frozen=True)
class Row:
    """One promise of the audit with its status and the places it contradicts."""

    assessment: Assessment
    conflicts: tuple[Conflict, ...]
    """The first places it conflicts with (at most ``consistency.MAX_LISTED``)."""
    conflict_total: int = 0
    """How many places it conflicts with in all."""

    @property
    def record(self):  # noqa: ANN201 - PromiseRecord; kept short for templates
        return self.assessment.record

    @property
    def registry_status(self) -> str:
        return self.assessment.status

    @property
    def status(self) -> str:
        """The registry status, or "inconsistent" when the registry has nothing against it but other copy does."""
        if self.conflicts and self.assessment.status in (BACKED, UNBACKED):
            return INCONSISTENT
        return self.assessment.status

    @property
    def severity(self) -> str:
        return "info" if self.assessment.status == BACKED else severity_of(self.assessment)

    def to_dict(self) -> dict[str, object]:
        entry = self.assessment.entry
        data = self.record.to_dict()
        data.update({
            "status": self.status, "registry_status": self.registry_status, "reason": self.assessment.reason,
            "entry": entry.id if entry else None, "evidence": entry.evidence if entry else "",
            "owner": entry.owner if entry else "", "conflicts": [c.describe() for c in self.conflicts],
            "conflicts_total": self.conflict_total,
        })
        return data


@dataclass
class Inventory:
    """Every promise a run found, judged, with the run's problems and its count of conflicting pairs."""

    rows: list[Row]
    files: int
    registry: Registry | None
    today: dt.date
    problems: list[FileProblem] = field(default_factory=list)
    pairs: int = 0
    """Conflicting pairs, each counted once (all of them, listed or not)."""

    def by_subject(self) -> dict[str, list[Row]]:
        groups: dict[str, list[Row]] = {}
        for row in sorted(self.rows, key=lambda r: (r.record.subject, r.record.path, r.record.start)):
            groups.setdefault(row.record.subject, []).append(row)
        return groups

    def counts(self) -> dict[str, int]:
        counted = Counter(row.status for row in self.rows)
        return {status: counted.get(status, 0) for status in STATUSES}

    def unused_entries(self) -> list[Entry]:
        """Registry entries no copy relies on: candidates for review or removal."""
        if self.registry is None:
            return []
        used = {row.assessment.entry.id for row in self.rows if row.assessment.entry is not None}
        return [e for e in self.registry.entries if e.id not in used]

    def expiring(self) -> list[Entry]:
        return expiring_soon(self.registry, self.today) if self.registry else []

    def conflict_pairs(self) -> list[Conflict]:
        """Each listed conflicting pair once (from the side that comes first by file and line)."""
        pairs: dict[tuple[str, ...], Conflict] = {}
        for row in self.rows:
            for conflict in row.conflicts:
                key = tuple(sorted((conflict.record.location, conflict.other.location)))
                if (conflict.record.path, conflict.record.start) <= (conflict.other.path, conflict.other.start):
                    pairs[key] = conflict  # every pair is listed from both sides: keep the one that reads first
        return sorted(pairs.values(), key=lambda c: (c.record.subject, c.record.path, c.record.start))

    def conflict_count(self) -> int:
        """Conflicting pairs, each counted once."""
        return self.pairs


def build_inventory(assessments: list[Assessment], files: int, registry: Registry | None, today: dt.date,
                    problems: list[FileProblem] | None = None) -> Inventory:
    """The inventory of one run's assessments (``gather_promises``), with their cross-touchpoint conflicts."""
    found = find_conflicts(compared_records(assessments))
    by_record: dict[int, list[Conflict]] = {}
    for conflict in found.listed:
        by_record.setdefault(id(conflict.record), []).append(conflict)
    rows = [Row(a, tuple(by_record.get(id(a.record), ())), found.total.get(id(a.record), 0)) for a in assessments]
    return Inventory(rows, files, registry, today, problems or [], found.pairs())
