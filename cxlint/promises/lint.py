"""Registry mode for ``check`` and ``eval``: promise findings become registry statuses.

With a registry, a promise the registry backs is not a finding; one it does not back becomes
a finding whose message names the entry and its evidence. Barista and pressure findings pass
through untouched. The same records and statuses feed ``cxlint audit``, so both agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cxlint.document import Document
from cxlint.engine.run import DocumentRun
from cxlint.findings import SEVERITY_RANK, Finding
from cxlint.promises.consistency import INCONSISTENT_RULE, contradicted_in_place
from cxlint.promises.extract import extract_records
from cxlint.promises.phrases import content_words
from cxlint.promises.records import PromiseRecord
from cxlint.promises.registry import Registry, expiring_soon
from cxlint.promises.statuses import BACKED, EXPIRED, INCONSISTENT, OVER, UNBACKED

if TYPE_CHECKING:
    from cxlint.promises.matching import Assessment

STATUS_RULES = {
    OVER: ("CX250", "promise-over-promised"),
    EXPIRED: ("CX251", "promise-expired"),
    UNBACKED: ("CX252", "promise-unbacked"),
    INCONSISTENT: INCONSISTENT_RULE,
}
EXPIRING_RULE = ("CX254", "registry-entry-expiring")
_SUGGESTIONS = {
    OVER: "Promise no more than the registry entry backs, or get the entry (and its evidence) updated first.",
    EXPIRED: "Renew the registry entry with fresh evidence, or take the promise out of the copy.",
    UNBACKED: "Add a registry entry with evidence for this promise, or qualify or remove it.",
    INCONSISTENT: "Promise the same thing everywhere in the copy, or make the difference explicit.",
}


@dataclass
class PromiseCheck:
    """Checks each document's promises against ``registry``; remembers every assessment for the run.

    With ``judge`` False (``check`` with no registry) the findings pass through untouched: the
    records are only gathered, so the run can compare what its touchpoints promise.
    """

    registry: Registry | None
    today: dt.date
    assessments: list[Assessment] = field(default_factory=list)
    judge: bool = True

    def apply(self, doc: Document, run: DocumentRun, place: Callable[[PromiseRecord], PromiseRecord] | None = None) -> list[Finding]:
        """The findings of ``run`` over ``doc``, its promise findings judged against the registry (if judging).

        ``place`` moves the records the run keeps to where they stand beyond ``doc`` (a message's
        record in its archive); the findings returned stay in ``doc``'s positions, as the run's do.
        """
        findings = run.findings
        records = extract_records(doc, run.promises, self.registry)
        assessed = contradicted_in_place(_assessed(records, self.registry, self.today))
        self.assessments += [replace(a, record=place(a.record)) for a in assessed] if place is not None else assessed
        if not self.judge:
            return findings
        out = [f for f in findings if f.category != "promise"]
        out += [status_finding(a) for a in assessed if a.status != BACKED]
        return sorted(out, key=lambda f: (f.start, f.end, f.rule))

    def registry_findings(self) -> list[Finding]:
        """Info findings on the registry file: entries that expire within 30 days."""
        if self.registry is None:
            return []
        source = Path(self.registry.path).read_text(encoding="utf-8-sig")
        return [expiring_finding(self.registry, source, e.id, e.line, e.expires, self.today) for e in expiring_soon(self.registry, self.today)]


def _assessed(records: list[PromiseRecord], registry: Registry | None, today: dt.date) -> list[Assessment]:
    """Each record judged against ``registry``; the matcher is loaded only once a promise is met."""
    if not records:
        return []
    from cxlint.promises.matching import assess

    return [assess(record, registry, today) for record in records]


def severity_of(assessment: Assessment) -> str:
    """Over-promised and expired warn (info when hedged); unbacked keeps the linter's severity."""
    record = assessment.record
    if assessment.status in (OVER, EXPIRED, INCONSISTENT):
        return "info" if record.hedged and not _hedge_is_the_entrys(assessment) else "warning"
    if record.findings:
        return max((f.severity for f in record.findings), key=SEVERITY_RANK.__getitem__)
    return "warning" if record.strong else "info"


def _hedge_is_the_entrys(assessment: Assessment) -> bool:
    """Whether the record's hedges are words its entry states itself ("cut bills by 68% on average" against
    "…by 68% on average"): the copy then makes the entry's very claim, not a softer one."""
    entry = assessment.entry
    if entry is None or not entry.phrase or not assessment.record.qualifiers:
        return False
    stated = content_words(entry.phrase)
    return all((words := content_words(q)) and words <= stated for q in assessment.record.qualifiers)


def status_finding(assessment: Assessment) -> Finding:
    record = assessment.record
    rule, name = STATUS_RULES[assessment.status]
    if assessment.status == UNBACKED and record.findings:
        rule, name = record.findings[0].rule, record.findings[0].name
    label = assessment.status.capitalize()
    value = f" '{record.value_text}'" if record.value_text else ""
    message = f"{label} {record.subject} promise ({record.kind}{value}): {assessment.reason}."
    extra: list[tuple[str, object]] = [("kind", record.kind), ("subject", record.subject), ("status", assessment.status)]
    if record.value_text:
        extra.append(("value", record.value_text))
    if assessment.entry is not None:
        extra.append(("entry", assessment.entry.id))
    if record.part:
        extra.append(("part", record.part))
    extra += record.place
    return Finding(
        path=record.path, start=record.start, end=record.end, line=record.line, column=record.column,
        end_line=record.end_line, end_column=record.end_column, rule=rule, name=name, category="promise",
        severity=severity_of(assessment), message=message, text=record.text, suggestion=_SUGGESTIONS[assessment.status],
        modifiers=tuple(sorted({m for f in record.findings for m in f.modifiers})), channel=record.channel, extra=tuple(extra),
    )


def expiring_finding(registry: Registry, source: str, entry_id: str, line: int, expires: dt.date | None, today: dt.date) -> Finding:
    """Points at the entry's first line in the registry file (its ``- id:`` line)."""
    days = (expires - today).days if expires else 0
    rule, name = EXPIRING_RULE
    lines = source.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: line - 1])
    text = lines[line - 1].rstrip("\r\n") if 0 < line <= len(lines) else ""
    return Finding.at(
        registry.path, source, start, start + len(text), rule=rule, name=name,
        category="promise", severity="info", message=f"Registry entry '{entry_id}' expires on {expires} (in {days} days).",
        suggestion="Review the entry and its evidence, and move 'expires' on, before copy relying on it goes unbacked.",
        extra=(("entry", entry_id), ("status", "expiring")),
    )
