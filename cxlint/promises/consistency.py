"""Cross-touchpoint consistency: one subject promised differently in different places.

Three kinds of conflict, each reported on both sides with the other location:
- different values for the same subject ("1 hour" on the landing page, "24 hours" in the chatbot);
- scope drift in hours ("24/7" in one place, "Mon–Fri" in another);
- a dropped qualifier ("typically" on the web, gone in the SMS).
Offers (discounts, prices) legitimately differ between campaigns, so only service levels are compared,
and only where the copy speaks for the company or to the customer ("we", "your", "call us"):
an article quoting other services' uptime is not a promise of ours.

Two more things decide whether copy in two places is one promise told two ways:
- **A registry settles what it backs.** With one, a promise it backs (at the same or a weaker strength)
  is what the company can deliver: it contradicts nothing. Only promises it does not back are compared
  (and the over-promise is reported against its entry anyway).
- **Many values are many offers.** One promise drifting reads as most places agreeing and a few not, or
  as two values. A subject stated with three or more values, none of them in at least half of the
  files that state it, is several offers (per store, plan, product or company: a run over a chain's
  store pages, an agency's clients, a bag of unrelated snippets), and its places are not compared.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cxlint.findings import Finding
from cxlint.promises.hours import Schedule
from cxlint.promises.records import PromiseRecord
from cxlint.promises.values import same_value

if TYPE_CHECKING:
    from cxlint.promises.matching import Assessment

INCONSISTENT_RULE = ("CX253", "promise-inconsistent")

COMPARED_KINDS = frozenset({"response-time", "delivery-time", "availability", "uptime", "refund-window", "trial-length"})
MAX_NAMED = 3
STATED_LIMITS = frozenset({"refund-window", "trial-length"})
"""Kinds whose plain statements ("returns within 14 days") contradict promises, and each other."""


@dataclass(frozen=True)
class Conflict:
    """``record`` disagrees with ``other`` (the same conflict is also listed from the other side)."""

    record: PromiseRecord
    other: PromiseRecord
    kind: str  # "value", "scope" or "qualifier"

    def describe(self) -> str:
        mine, theirs = self.record, self.other
        where = theirs.location
        if self.kind == "qualifier":
            if mine.hedged:
                return f"here it is qualified ({', '.join(mine.qualifiers)}), but {where} promises '{theirs.value_text}' with no qualifier"
            return f"'{mine.value_text}' here has no qualifier, but {where} qualifies it ({', '.join(theirs.qualifiers)})"
        what = "scope drift" if self.kind == "scope" else "different value"
        return f"{what}: '{mine.value_text}' here, '{theirs.value_text}' at {where}"


MANY_VALUES = 3
"""A subject stated with this many different values or more, none in half its files, is several offers."""

MAX_LISTED = 20
"""Other places a record's conflicts name: an archive repeats one promise thousands of times, and
every pair would be a report no one reads. The count of all of them is kept (``Conflicts.total``)."""


@dataclass
class Conflicts:
    """Every conflict of a run: up to ``MAX_LISTED`` named for each record, with how many there are in all."""

    listed: list[Conflict]
    total: dict[int, int]
    """By ``id(record)``: how many other records it conflicts with."""

    def pairs(self) -> int:
        """Conflicting pairs, each counted once."""
        return sum(self.total.values()) // 2


def find_conflicts(records: list[PromiseRecord]) -> Conflicts:
    """The conflicts between records at different places, from both sides.

    Records of one subject that hold the same value, hedge and standing conflict with the same
    others, so each class of them is compared once with each other class: linear in the records
    for a run of a few distinct promises repeated (an archive of sent messages), not quadratic.
    Each record names the first ``MAX_LISTED`` records it conflicts with, in run order.
    """
    groups: dict[tuple[str, str], list[tuple[int, PromiseRecord]]] = defaultdict(list)
    for order, record in enumerate(records):
        if record.kind in COMPARED_KINDS and record.value is not None and record.own_voice:
            groups[(record.kind, record.subject)].append((order, record))
    listed: list[Conflict] = []
    total: dict[int, int] = {}
    for members in groups.values():
        if _several_offers([record for _, record in members if _counts(record)]):
            continue
        classes: dict[tuple[str, bool, bool], list[tuple[int, PromiseRecord]]] = defaultdict(list)
        for order, record in members:
            classes[(repr(record.value), record.hedged, _counts(record))].append((order, record))
        alike = list(classes.values())
        against: dict[int, list[tuple[str, list[tuple[int, PromiseRecord]]]]] = defaultdict(list)
        for i, mine in enumerate(alike):
            for j, theirs in enumerate(alike):
                kind = _class_conflict(mine[0][1], theirs[0][1]) if i != j else None
                if kind:
                    against[i].append((kind, theirs))
        for i, mine in enumerate(alike):
            if not against[i]:
                continue
            places = Counter((r.path, r.line) for _, theirs in against[i] for _, r in theirs)
            for _, record in mine:
                count = sum(len(theirs) for _, theirs in against[i]) - places[(record.path, record.line)]
                if count <= 0:
                    continue
                total[id(record)] = count
                listed += _first_conflicts(record, against[i])
    return Conflicts(listed, total)


def compared_records(assessments: list[Assessment]) -> list[PromiseRecord]:
    """The records whose places are compared: all of them without a registry; with one, those it does not back."""
    from cxlint.promises.statuses import BACKED

    return [a.record for a in assessments if a.status != BACKED]


def _several_offers(members: list[PromiseRecord]) -> bool:
    """Whether one subject's records state so many values, none held by half their files, that they are
    several offers rather than one promise drifting."""
    files_by_value: dict[str, set[str]] = defaultdict(set)
    for record in members:
        files_by_value[repr(record.value)].add(record.path)
    if len(files_by_value) < MANY_VALUES:
        return False
    files = len({record.path for record in members})
    return all(2 * len(held) < files for held in files_by_value.values())


def _class_conflict(a: PromiseRecord, b: PromiseRecord) -> str | None:
    if not (_counts(a) and _counts(b)):
        return None  # a plain figure (a guide's example SLA) promises nothing to contradict
    return _conflict(a, b)


def _first_conflicts(record: PromiseRecord, against: list[tuple[str, list[tuple[int, PromiseRecord]]]]) -> list[Conflict]:
    """The first ``MAX_LISTED`` records (in run order) of the classes ``record`` conflicts with, elsewhere than its line."""
    streams = [((order, kind, other) for order, other in theirs) for kind, theirs in against]
    out: list[Conflict] = []
    for _, kind, other in heapq.merge(*streams, key=lambda item: item[0]):
        if (other.path, other.line) == (record.path, record.line):
            continue
        out.append(Conflict(record, other, kind))
        if len(out) == MAX_LISTED:
            break
    return out


def _counts(record: PromiseRecord) -> bool:
    """A record that can contradict another: a promise the linter flagged, the same promise softened
    by a hedge ("typically within 48 hours"), or a stated limit (opening hours, a returns window or
    trial length); not a plain figure such as an example in a guide."""
    return bool(record.findings) or record.hedged or isinstance(record.value, Schedule) or record.kind in STATED_LIMITS


def _conflict(a: PromiseRecord, b: PromiseRecord) -> str | None:
    assert a.value is not None and b.value is not None
    if type(a.value) is not type(b.value):
        return None
    if not same_value(a.value, b.value):
        if isinstance(a.value, Schedule) and isinstance(b.value, Schedule):
            days_a = {d for d, _, _ in a.value.slots}
            days_b = {d for d, _, _ in b.value.slots}
            return "scope" if a.value.days_given and b.value.days_given and days_a != days_b else "value"
        return "value"
    if a.hedged != b.hedged:
        return "qualifier"
    return None


IN_PLACE_KINDS = frozenset({"response-time", "delivery-time", "uptime", "refund-window", "trial-length"})
"""Kinds whose two values in one piece of copy, judged by one entry, contradict each other (hours may split
over days, and offers over tiers, so those are not compared)."""


def contradicted_in_place(assessments: list[Assessment]) -> list[Assessment]:
    """``assessments`` of one document, a backed promise made inconsistent where another promise of the same
    document, about the same subject and judged by the same entry, states another value in another sentence
    ("returns within 30 days" in one paragraph, "returns accepted for 14 days" in the FAQ below it): each may
    be within the entry, but the copy tells the reader two things."""
    from cxlint.promises.statuses import BACKED, INCONSISTENT

    out = list(assessments)
    for index, mine in enumerate(assessments):
        if mine.status != BACKED or not _in_place(mine):
            continue
        other = next((theirs for theirs in assessments if theirs is not mine and _in_place(theirs)
                      and theirs.entry is mine.entry and theirs.record.subject == mine.record.subject
                      and theirs.record.context != mine.record.context
                      and type(theirs.record.value) is type(mine.record.value)
                      and not same_value(theirs.record.value, mine.record.value)), None)  # type: ignore[arg-type]
        if other is not None:
            assert mine.entry is not None
            out[index] = replace(mine, status=INCONSISTENT, reason=(
                f"'{mine.record.value_text}' here, but '{other.record.value_text}' at {other.record.location} in the same copy, "
                f"both judged by {mine.entry.describe()}"))
    return out


def _in_place(assessment: Assessment) -> bool:
    record = assessment.record
    return (assessment.entry is not None and record.kind in IN_PLACE_KINDS and record.value is not None
            and record.own_voice and not record.hedged)


def consistency_findings(assessments: list[Assessment]) -> list[Finding]:
    """One finding per record in conflict, naming up to three other locations (those in its own file that
    its registry status already names, as inconsistent in place, are not named again)."""
    from cxlint.promises.statuses import INCONSISTENT

    by_record: dict[int, list[Conflict]] = defaultdict(list)
    found = find_conflicts(compared_records(assessments))
    in_place = {id(a.record) for a in assessments if a.status == INCONSISTENT}
    for conflict in found.listed:
        if id(conflict.record) in in_place and conflict.other.path == conflict.record.path:
            found.total[id(conflict.record)] -= 1
            continue
        by_record[id(conflict.record)].append(conflict)
    out = []
    for conflicts in by_record.values():
        record = conflicts[0].record
        details = "; ".join(c.describe() for c in conflicts[:MAX_NAMED])
        others = found.total[id(record)]
        more = f" (and {others - MAX_NAMED} more)" if others > MAX_NAMED else ""
        out.append(Finding(
            path=record.path, start=record.start, end=record.end, line=record.line, column=record.column,
            end_line=record.end_line, end_column=record.end_column, rule=INCONSISTENT_RULE[0], name=INCONSISTENT_RULE[1],
            category="promise", severity="warning",
            message=f"Inconsistent {record.subject} promise across touchpoints: {details}{more}.",
            text=record.text, suggestion="Promise the same thing everywhere, with the same qualifiers, or make the difference explicit.",
            channel=record.channel,
            extra=(("kind", record.kind), ("subject", record.subject), ("value", record.value_text), ("status", "inconsistent"),
                   ("conflicts_with", [c.other.location for c in conflicts]), *record.place),
        ))
    return sorted(out, key=lambda f: (f.path, f.start))
