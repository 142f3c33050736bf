"""The engine's promise targets carry kind, value and context, and the audit's records are built from them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.engine.records.stage import find_promises
from cxlint.engine.run import run_document
from cxlint.promises.extract import extract_records
from cxlint.promises.hours import Schedule
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.values import Duration, Money, Percent
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import PackSource, builtin_sources, compile_ruleset, load_ruleset
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset(builtin_sources())


def targets(ruleset, text, channel="landing"):
    return run_document(read_snippet("t.md", text, channel), ruleset).promises


def test_a_stated_limit_is_a_target_with_its_parsed_value_and_no_finding(ruleset):
    run = run_document(read_snippet("t.md", "Returns are accepted within 14 days of delivery.", "landing"), ruleset)
    assert [f for f in run.findings if f.category == "promise"] == []
    [target] = run.promises.found
    assert target.kinds == ("refund-window",) and target.value == Duration(14 * 1440, "14 days")
    assert not target.strong and target.subject == "returns and refunds" and target.own_voice


@pytest.mark.parametrize(
    ("text", "kinds", "value"),
    [
        ("Advisers online 9am–6pm Mon–Fri.", ("availability",), "09:00–18:00 Mon–Fri"),
        ("Members save 15% on every order.", ("discount", "outcome"), "15%"),
        ("£20 off your first box.", ("discount",), "20 GBP"),
        ("Gift wrapping is free.", ("price",), "free"),
        ("We'll match any competitor's price.", ("guarantee", "claim"), ""),
        ("We keep your store online 99.9% of the time.", ("uptime",), "99.9%"),
    ],
)
def test_offers_and_hours_are_targets_the_rules_do_not_flag(ruleset, text, kinds, value):
    [target] = targets(ruleset, text).found
    assert target.kinds == kinds and (str(target.value) if target.value is not None else "") == value


def test_a_target_carries_the_engines_context_modifiers_and_its_qualifiers(ruleset):
    [target] = targets(ruleset, "We usually reply to every email within 2 hours.").found
    assert target.kinds == ("response-time",) and isinstance(target.value, Duration) and target.value.minutes == 120
    assert "HEDGED" in target.modifiers  # the engine's ConText modifier, not a second reading of the copy
    assert target.hedged and target.qualifiers == ("usually",)
    assert target.media == frozenset({"email"}) and target.subject == "support reply time (email)"


@pytest.mark.parametrize("text", ["Chat's open Saturday and Sunday from 7:00 to 23:00.", "Chat’s open Sat–Sun 7:00–23:00."])
def test_a_variant_is_named_by_its_word_without_the_clitic_it_is_written_with(ruleset, text):
    [target] = targets(ruleset, text, "chatbot").found
    assert target.subject == "support hours (chat)"


def test_a_promise_finding_has_a_target_with_the_value_its_words_state(ruleset):
    promises = targets(ruleset, "Live chat support 24/7.")
    [flagged] = promises.flagged
    assert flagged.finding is not None and flagged.finding.rule == "CX205"
    assert flagged.kinds == ("availability",) and isinstance(flagged.value, Schedule) and str(flagged.value) == "24/7"
    assert flagged.media == frozenset({"chat"})


def test_copy_about_another_company_is_not_our_voice(ruleset):
    [target] = targets(ruleset, "Unlike LeafCo, whose lines close at 5pm, we answer calls 8am–10pm.").found
    assert target.own_voice  # "we" in its clause keeps it ours
    [theirs] = targets(ruleset, "Most providers take 3 days to reply.").found or [None]
    assert theirs is None or not theirs.own_voice


def test_records_are_built_from_the_run_without_reading_the_copy_again(ruleset, monkeypatch):
    doc = read_snippet("t.md", "Our team replies within 4 hours, every day. Returns are accepted within 30 days. Phone lines open 9am-5pm.", "email")
    run = run_document(doc, ruleset)

    def no_second_reading(*args, **kwargs):
        raise AssertionError("the copy was read again after the engine's run")

    monkeypatch.setattr("cxlint.engine.records.reading.match_frame", no_second_reading)
    monkeypatch.setattr("cxlint.text.sentences.split_sentences", no_second_reading)
    monkeypatch.setattr("cxlint.engine.sentences.split_sentences", no_second_reading)
    records = extract_records(doc, run.promises)
    assert [(r.kind, r.value_text, r.subject) for r in records] == [
        ("response-time", "4 hours", "support reply time"),
        ("refund-window", "30 days", "returns and refunds"),
        ("availability", "09:00–17:00", "support hours (phone)"),
    ]
    assert records[0].days == frozenset(range(7)) and records[0].media == frozenset({"email"})


def test_the_records_vocabulary_is_the_packs(ruleset):
    """Take delivery words out of the pack and a plainly stated delivery time is no record any more: nothing
    else reads it. A rule's delivery finding is still a record of the finding's kind, with the time it states."""
    text = next(src.text for src in builtin_sources() if src.name == "rules/records.yaml")
    without = text.replace("        delivery-time: {any: [{lexicon: record_delivery}, {shape: get_your_thing}]}\n", "")
    assert without != text
    sources = [src for src in builtin_sources() if src.name != "rules/records.yaml"] + [PackSource("rules/records.yaml", without, trusted=True)]
    changed = compile_ruleset(sources)
    stated = read_snippet("t.md", "Standard delivery takes 3 business days.", "landing")
    assert [(r.kind, r.value_text) for r in extract_records(stated, run_document(stated, ruleset).promises)] == [("delivery-time", "3 business days")]
    assert extract_records(stated, run_document(stated, changed).promises) == []
    flagged = read_snippet("t.md", "Every parcel ships within 48 hours.", "landing")
    assert [(r.kind, r.value_text) for r in extract_records(flagged, run_document(flagged, changed).promises)] == [("delivery-time", "48 hours")]


def test_the_records_gate_loses_nothing(ruleset):
    """Every rule example and corpus case: the same records with and without the derived prefilter (the
    readers' gate index, and the trigger index their word classes are tried through)."""
    texts = [e.text for rule in ruleset.rules for e in rule.bad + rule.good]
    for path in sorted((REPO / "corpora").rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in texts:
        doc = Document("case.txt", text, text)
        findings = lint_document(doc, ruleset)
        gated = [(t.start, t.end, t.kinds, str(t.value), t.qualifiers) for t in find_promises(doc, ruleset, findings).found]
        ungated = [(t.start, t.end, t.kinds, str(t.value), t.qualifiers) for t in find_promises(doc, ruleset, findings, gated=False).found]
        assert gated == ungated, text[:80]


def test_registry_values_are_read_with_the_same_shapes(ruleset):
    from cxlint.promises.values import parse_value

    assert parse_value("discount", "GBP 20") == Money(20.0, "GBP")
    assert parse_value("uptime", "99.9 %") == Percent(99.9)
    assert parse_value("response-time", "2 business days") == Duration(2 * 1440 * 7 / 5, "2 business days")
    assert str(parse_value("availability", "09:00-17:00 Mon-Fri")) == "09:00–17:00 Mon–Fri"


def test_check_and_audit_use_the_same_records(ruleset):
    check = PromiseCheck(None, dt.date(2026, 11, 23), judge=False)
    doc = read_snippet("t.md", "Phones open 9am-5pm weekdays. We reply within 24 hours.", "landing")
    findings = check.apply(doc, run_document(doc, ruleset))
    assert findings == lint_document(doc, ruleset)  # with no registry, gathering changes nothing
    assert [a.record.kind for a in check.assessments] == ["availability", "response-time"]


def test_every_reader_a_pack_may_name_is_one_the_engine_has():
    from cxlint.engine.records.readers import READ
    from cxlint.rulepack.records import READERS

    assert set(READ) == set(READERS)


@pytest.mark.parametrize(
    ("text", "kinds", "value", "strong"),
    [
        # time given free is a trial; what we do "for free" a weak price of that act
        ("Three weeks free on the Studio plan.", ("trial-length",), "3 weeks", True),
        ("Your first 2 months on us.", ("trial-length",), "2 months", True),
        ("We'll haul the old sofa away for free.", ("price",), "free", False),
        # a turnaround we commit to that names no service: a claim for the entry its sentence names
        ("Send us the files and we'll have your shop rebuilt within 3 days.", ("claim",), "3 days", False),
        # fractions, time gained, review scores
        ("Half off every lamp this week.", ("discount",), "50%", False),
        ("Save a third on garden tools.", ("discount", "outcome"), "33.3%", False),
        ("Crews spend 6 fewer hours a week on rotas.", ("outcome",), "6 hours", False),
        ("Guests give the lodge 4.6 stars.", ("rank",), "4.6/5", False),
        ("Our rating: 9 out of 10 on the travel site.", ("rank",), "9/10", False),
    ],
)
def test_values_the_readers_read(ruleset, text, kinds, value, strong):
    found = [t for t in targets(ruleset, text).found if t.kinds == kinds]
    assert found, [(t.kinds, str(t.value)) for t in targets(ruleset, text).found]
    assert str(found[0].value) == value and found[0].strong == strong


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cancel within 14 days free of charge.", "trial-length"),        # a window, not time given
        ("Pay annually and get 2 months free.", "trial-length"),          # months free with yearly billing: a discount
        ("You were upgraded for one year at no cost.", "trial-length"),   # a span of a plan, not a trial offer
        ("Skip the hunt for free photo editors.", "price"),               # what is free comes after it
        ("That polish no longer comes for free.", "price"),               # nobody's offer
        ("The plant took 4 days to ship within the region.", "claim"),    # no "within" before it, nobody commits
        ("4 out of 5 dentists agree.", "rank"),                           # a share of people, not a review score
        ("Half the team works remotely.", "discount"),                    # a fraction of something else
    ],
)
def test_what_the_readers_leave_alone(ruleset, text, kind):
    assert [t for t in targets(ruleset, text).found if t.kind == kind] == []


def test_one_reading_of_a_document_serves_the_rules_evidence_and_records_gates(ruleset, monkeypatch):
    """The run reads a document once (``DocumentScan``): its gates look for each rare lead character once."""
    from cxlint.engine import gate

    looked: list[str] = []
    holding = gate._holding

    def counting(lead, mask, starts, spans):  # type: ignore[no-untyped-def]
        looked.append(lead)
        return holding(lead, mask, starts, spans)

    monkeypatch.setattr(gate, "_holding", counting)
    doc = read_snippet("t.md", "Save 20% today: 3x faster replies within 4 hours, from £9 a month. Open 9:00-17:00.", "email")
    run = run_document(doc, ruleset)
    assert run.promises is not None and run.promises.found
    assert looked and len(looked) == len(set(looked))


def test_the_value_shapes_gathered_once_a_rule_set_are_those_of_its_shapes() -> None:
    """The records stage gathers a rule set's value shapes and digit shapes once: they are what its shapes give,
    and a rule set with shapes of its own gets its own."""
    import copy

    from cxlint.engine.records.stage import _value_shapes
    from cxlint.promises.value_shapes import ValueShapes
    from cxlint.testing import default_ruleset

    ruleset = default_ruleset()
    shapes, digit = _value_shapes(ruleset)
    assert shapes == ValueShapes.of(ruleset.shapes)
    assert digit == frozenset(name for name, shape in ruleset.shapes.items() if shape.digit)
    assert _value_shapes(ruleset)[0] is shapes
    other = copy.copy(ruleset)
    other.shapes = dict(ruleset.shapes)
    assert _value_shapes(other)[0] is not shapes and _value_shapes(other) == (shapes, digit)
    assert _value_shapes(ruleset)[0] is shapes
