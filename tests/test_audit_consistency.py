import datetime as dt

from cxlint.commands.audit import audit_inventory
from cxlint.promises.gather import RunSettings

TODAY = dt.date(2026, 11, 23)


def inventory(fixtures):
    return audit_inventory((str(fixtures / "audit"),), None, TODAY, RunSettings(isolated=True))


def test_every_planted_conflict_is_found_and_nothing_else(fixtures):
    found = inventory(fixtures)
    pairs = {
        (row.record.subject, tuple(sorted((row.record.path.rsplit("audit/", 1)[1], c.other.path.rsplit("audit/", 1)[1]))), c.kind)
        for row in found.rows
        for c in row.conflicts
    }
    assert pairs == {
        ("support reply time (email)", ("emails/welcome.md", "landing/home.md"), "value"),
        ("support hours (phone)", ("chatbot/intro.md", "landing/home.md"), "scope"),
        ("delivery time", ("landing/home.md", "sms/dispatch.txt"), "qualifier"),
    }
    assert found.conflict_count() == 3


def test_each_side_of_a_conflict_names_the_other_location(fixtures):
    rows = [r for r in inventory(fixtures).rows if r.record.subject == "support hours (phone)"]
    assert len(rows) == 2
    for row in rows:
        other = next(r for r in rows if r is not row)
        assert other.record.location in row.conflicts[0].describe()
        assert row.status == "inconsistent"


def test_the_same_promise_in_two_places_is_not_a_conflict(fixtures):
    rows = [r for r in inventory(fixtures).rows if r.record.kind in ("refund-window", "trial-length")]
    assert len(rows) == 4
    assert all(not r.conflicts for r in rows)
