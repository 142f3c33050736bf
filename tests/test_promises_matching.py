import datetime as dt

import pytest

from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import load_registry
from cxlint.readers.snippet import read_snippet
from cxlint.testing import default_ruleset
from cxlint.engine.run import run_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def ruleset():
    return default_ruleset()


@pytest.fixture
def check(fixtures):
    return PromiseCheck(load_registry(str(fixtures / "promises" / "harbor.yaml")), TODAY)


def statuses(check, ruleset, text, channel="landing"):
    doc = read_snippet("t.md", text, channel)
    check.apply(doc, run_document(doc, ruleset))
    return [(a.status, a.entry.id if a.entry else None) for a in check.assessments]


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        ("Email us and we will answer within 3 business days.", "email", [("backed", "email-reply")]),
        ("Email us and we will answer within 4 hours.", "email", [("over-promised", "email-reply")]),
        ("We answer every text within 2 business days.", "sms", [("unbacked", None)]),  # the entry is about email
        ("Email us and we will answer within 2 business days.", "sms", [("over-promised", "email-reply")]),  # channel
        ("Your tea is dispatched within 72 hours.", "landing", [("backed", "tea-dispatch")]),
        ("Order before noon and your tea is delivered the same day.", "landing", [("expired", "express-trial")]),
        ("The shop is open 11am–5pm, Monday to Friday.", "landing", [("backed", "shop-hours")]),
        ("The shop is open 10am–6pm, seven days a week.", "landing", [("over-promised", "shop-hours")]),
        ("Not right? Send it back within 14 days for a refund.", "landing", [("backed", "return-window")]),
        ("Not right? Send it back within 45 days for a refund.", "landing", [("over-promised", "return-window")]),
        ("All our teas are certified organic by the Soil Association.", "landing", [("backed", "organic")]),
        ("Free engraving on every caddy.", "landing", [("unbacked", None)]),
    ],
)
def test_status_against_the_registry(check, ruleset, text, channel, expected):
    assert statuses(check, ruleset, text, channel) == expected


def test_backed_promises_are_not_findings_and_the_rest_name_the_entry(check, ruleset):
    doc = read_snippet("t.md", "Email us and we will answer within 4 hours. Your tea is dispatched within 72 hours.", "email")
    findings = [f for f in check.apply(doc, run_document(doc, ruleset)) if f.category == "promise"]
    assert [f.rule for f in findings] == ["CX250"]
    assert "email-reply" in findings[0].message and "Support handbook 2026" in findings[0].message
    assert dict(findings[0].extra)["status"] == "over-promised"


def test_a_hedged_over_promise_is_only_info(check, ruleset):
    doc = read_snippet("t.md", "We usually answer emails within 4 hours.", "email")
    findings = check.apply(doc, run_document(doc, ruleset))
    assert [(f.rule, f.severity) for f in findings] == [("CX250", "info")]


def test_plain_hours_without_a_registry_entry_are_info_not_warnings(tmp_path, ruleset):
    path = tmp_path / "promises.yaml"
    path.write_text("promises:\n  - id: wrap\n    kind: price\n    value: free\n    evidence: e\n", encoding="utf-8")
    check = PromiseCheck(load_registry(str(path)), TODAY)
    doc = read_snippet("t.md", "Our tasting room phone line is open 9am–1pm on Saturdays.", "landing")
    findings = check.apply(doc, run_document(doc, ruleset))
    assert [(f.rule, f.severity) for f in findings] == [("CX252", "info")]


def test_entries_about_to_expire_are_info_findings_on_the_registry(check):
    found = check.registry_findings()
    assert [(f.rule, f.severity, f.line) for f in found] == [("CX254", "info", 29)]
    assert found[0].text == "  - id: return-window"


def test_a_universal_in_another_clause_does_not_widen_a_limited_entry(tmp_path, ruleset):
    path = tmp_path / "promises.yaml"
    path.write_text(
        "promises:\n  - id: club-discount\n    kind: discount\n    value: \"15%\"\n    evidence: e\n"
        "    scope: \"club members, full-price gear only\"\n", encoding="utf-8")
    check = PromiseCheck(load_registry(str(path)), TODAY)
    assert statuses(check, ruleset, "As a club member you get 15% off full-price gear and free gift wrapping on every order.") == [
        ("backed", "club-discount"), ("unbacked", None)]
    check = PromiseCheck(load_registry(str(path)), TODAY)
    assert statuses(check, ruleset, "Club members get 15% off every order.") == [("over-promised", "club-discount")]


def test_a_reply_time_the_chatbot_gives_is_judged_by_the_entry_that_allows_the_chatbot(tmp_path, ruleset):
    """The channel says chat, but the only reply entry is about tickets and lists the chatbot among its channels."""
    path = tmp_path / "promises.yaml"
    path.write_text(
        "promises:\n  - id: ticket-reply\n    kind: response-time\n    value: \"1 business day\"\n    evidence: e\n"
        "    scope: \"first reply to support tickets\"\n    channels: [email, chatbot]\n", encoding="utf-8")
    for text, channel, expected in (
        ("Our team will answer within 24 hours.", "chatbot", [("over-promised", "ticket-reply")]),
        ("Our team will answer within 2 business days.", "chatbot", [("backed", "ticket-reply")]),
        ("Our team will answer within 2 business days.", "sms", [("over-promised", "ticket-reply")]),  # not allowed there
        ("Our live chat team answers within 2 business days.", "landing", [("unbacked", None)]),  # names chat: no entry for it
    ):
        check = PromiseCheck(load_registry(str(path)), TODAY)
        assert statuses(check, ruleset, text, channel) == expected, text
