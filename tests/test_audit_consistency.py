"""The touchpoint fixture (tests/fixtures/audit): eight files with planted conflicts.

Planted: an email reply time that differs (landing 1 hour, welcome email 24 hours); phone hours
that drift (landing 24/7, chatbot Mon–Fri); a qualifier dropped in the SMS ("typically" on the
landing page); a plainly stated returns window in the app (14 days) against the 21 days promised
on the web and in e-mail. Not conflicts: the trial (14 days in two places), and a comparison
page's claims about other companies (3-day replies, a 7-day returns window, 9–5 phone lines).
`check` with no registry and `audit` must both find every planted conflict, on both sides.
"""

import datetime as dt
import io
import json

import pytest

from cxlint.commands.audit import audit_inventory
from cxlint.commands.check import CheckOptions, run_check
from cxlint.promises.gather import RunSettings
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 23)

PLANTED = {
    ("support reply time (email)", ("emails/welcome.md", "landing/home.md"), "value"),
    ("support hours (phone)", ("chatbot/intro.md", "landing/home.md"), "scope"),
    ("delivery time", ("landing/home.md", "sms/dispatch.txt"), "qualifier"),
    ("returns and refunds", ("app/returns.md", "emails/welcome.md"), "value"),
    ("returns and refunds", ("app/returns.md", "landing/home.md"), "value"),
}


def short(path):
    return path.replace("\\", "/").rsplit("audit/", 1)[1]


@pytest.fixture(scope="module")
def found():
    return audit_inventory((str(FIXTURES / "audit"),), None, TODAY, RunSettings(isolated=True))


@pytest.fixture(scope="module")
def check_findings():
    out = io.StringIO()
    run_check((str(FIXTURES / "audit"),), "json", "never", out, options=CheckOptions(isolated=True, today=TODAY))
    return [f for f in json.loads(out.getvalue())["findings"] if f["rule"] == "CX253"]


def test_the_audit_finds_every_planted_conflict_from_both_sides_and_nothing_else(found):
    seen = [(row.record.subject, tuple(sorted((short(row.record.path), short(c.other.path)))), c.kind) for row in found.rows for c in row.conflicts]
    assert set(seen) == PLANTED
    assert len(seen) == 2 * len(PLANTED)  # each conflict is listed from both of its sides
    assert found.conflict_count() == len(PLANTED)


def test_check_without_a_registry_reports_each_side_naming_the_other(found, check_findings):
    sides = {(short(f["path"]), f["line"]) for f in check_findings}
    expected = {(short(row.record.path), row.record.line) for row in found.rows if row.conflicts}
    assert sides == expected
    assert len(sides) == 9  # five conflicts; the app's returns window stands in two of them
    by_side = {(short(f["path"]), f["line"]): f for f in check_findings}
    for row in found.rows:
        for conflict in row.conflicts:
            finding = by_side[(short(row.record.path), row.record.line)]
            assert f"{short(conflict.other.path)}:{conflict.other.line}:" in finding["message"].replace("\\", "/")


def test_a_stated_window_contradicts_a_promise(found):
    app = next(r for r in found.rows if short(r.record.path) == "app/returns.md")
    assert not app.record.findings  # a plain statement, no finding of its own
    assert {short(c.other.path) for c in app.conflicts} == {"emails/welcome.md", "landing/home.md"}
    assert app.status == "inconsistent"


def test_claims_about_other_companies_take_no_part(found):
    theirs = [r for r in found.rows if short(r.record.path) == "compare/leafco.md"]
    assert {r.record.kind for r in theirs} == {"response-time", "refund-window", "availability"}
    assert all(not r.record.own_voice and not r.conflicts for r in theirs)


def test_promises_that_agree_are_not_a_conflict(found):
    trials = [r for r in found.rows if r.record.kind == "trial-length"]
    assert len(trials) == 2 and all(not r.conflicts for r in trials)
    web = [r for r in found.rows if r.record.kind == "refund-window" and short(r.record.path) != "app/returns.md" and r.record.own_voice]
    assert all(short(c.other.path) == "app/returns.md" for r in web for c in r.conflicts)  # 21 days twice: no conflict between them


def test_each_side_of_a_conflict_names_the_other_location(found):
    rows = [r for r in found.rows if r.record.subject == "support hours (phone)" and r.record.own_voice]
    assert len(rows) == 2
    for row in rows:
        other = next(r for r in rows if r is not row)
        assert other.record.location in row.conflicts[0].describe()
        assert row.status == "inconsistent"


def _reply_record(n: int, hours: int):  # noqa: ANN202 - a PromiseRecord
    from cxlint.promises.records import PromiseRecord
    from cxlint.promises.values import Duration

    return PromiseRecord(
        path=f"sent-{n // 1000}.jsonl", start=n * 10, end=n * 10 + 5, line=1 + n % 1000, column=1, end_line=1 + n % 1000,
        end_column=6, text=f"reply within {hours} hours", context="We reply within hours.", kinds=("response-time",),
        subject="support reply time", value=Duration(60.0 * hours, f"{hours} hours"), qualifiers=("typically",),
        hedged=True, channel="email", strong=True,  # a hedged promise counts for consistency (a plain figure would not)
    )


def test_an_archive_of_repeated_promises_is_counted_in_full_and_named_in_part():
    """3,000 messages promising 1 hour and 1,000 promising 24: every pair counted, a few places named,
    in a time linear in the records (the classes of equal promises are compared, not every pair)."""
    from cxlint.promises.consistency import MAX_LISTED, find_conflicts

    records = [_reply_record(n, 1 if n % 4 else 24) for n in range(4_000)]
    found = find_conflicts(records)
    assert found.pairs() == 3_000 * 1_000
    assert found.total[id(records[1])] == 1_000 and found.total[id(records[0])] == 3_000
    named = [c for c in found.listed if c.record is records[0]]
    assert len(named) == MAX_LISTED and [c.other for c in named] == [r for r in records[1:] if r.value_text != "24 hours"][:MAX_LISTED]
    assert len(found.listed) == 4_000 * MAX_LISTED


def test_the_same_line_never_conflicts_with_itself_in_the_count():
    from cxlint.promises.consistency import find_conflicts

    one, other = _reply_record(5, 1), _reply_record(5, 24)  # two readings of one line
    far = _reply_record(7, 24)
    found = find_conflicts([one, other, far])
    assert found.total[id(one)] == 1 and [c.other for c in found.listed if c.record is one] == [far]
    assert found.pairs() == 1


def _reply_in_file(path: str, hours: int):  # noqa: ANN202 - a PromiseRecord
    from dataclasses import replace

    return replace(_reply_record(0, hours), path=path)


def test_a_subject_stated_with_many_values_none_in_half_its_files_is_several_offers():
    """Four files, four reply times: a chain's branches, an agency's clients or unrelated snippets, not one
    promise drifting; nothing is reported."""
    from cxlint.promises.consistency import find_conflicts

    records = [_reply_in_file(f"{n}.md", hours) for n, hours in enumerate((1, 4, 24, 48))]
    found = find_conflicts(records)
    assert found.pairs() == 0 and not found.listed


def test_a_value_most_files_agree_on_still_shows_the_drift_from_it():
    from cxlint.promises.consistency import find_conflicts

    records = [_reply_in_file(f"{n}.md", hours) for n, hours in enumerate((24, 24, 24, 1, 48))]
    found = find_conflicts(records)
    assert found.pairs() == 3 * 2 + 1  # each 24 against 1 and 48, and 1 against 48
    assert found.total[id(records[3])] == 4


def test_two_values_in_two_files_are_one_promise_told_two_ways():
    from cxlint.promises.consistency import find_conflicts

    found = find_conflicts([_reply_in_file("a.md", 1), _reply_in_file("b.md", 24)])
    assert found.pairs() == 1


def test_a_registry_settles_the_promises_it_backs(fixtures):
    """With a registry, copy it backs (the app's 14-day window within the 21-day entry, the SMS's plain
    48 hours on the 48-hour entry) contradicts nothing; promises beyond it are still compared."""
    out = io.StringIO()
    registry = str(fixtures / "promises" / "harbor.yaml")
    run_check((str(FIXTURES / "audit"),), "json", "never", out, options=CheckOptions(isolated=True, promises=registry, today=TODAY))
    findings = json.loads(out.getvalue())["findings"]
    sides = {short(f["path"]) for f in findings if f["rule"] == "CX253"}
    assert sides == {"chatbot/intro.md", "emails/welcome.md", "landing/home.md"}
