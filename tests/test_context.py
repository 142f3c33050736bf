"""ConText modifiers and backing: what cancels, softens or leaves a target alone."""

from __future__ import annotations

import pytest

from cxlint.rulepack.model import RuleSet
from cxlint.testing import lint_text


def rules_in(text: str, ruleset: RuleSet, channel: str | None = None) -> dict[str, str]:
    return {f.rule: f.severity for f in lint_text(text, ruleset, channel)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("We can't guarantee a reply within 2 hours.", "CX201"),
        ("We can't guarantee a reply within 2 hours.", "CX204"),
        ("Most replies arrive within 2 hours.", "CX204"),
        ("Replies usually arrive within 2 hours.", "CX204"),
        ("Will you reply within 2 hours?", "CX204"),
        ("Free delivery on orders over £40.", "CX208"),
        ("Ranked #1 for service according to the 2026 Which? survey.", "CX207"),
        ("One of the fastest networks in Britain.", "CX207"),
        ("Neither we nor our partners guarantee the accuracy of estimates.", "CX201"),
        ("Firefox wasn’t the only browser that got faster in 1998.", "CX207"),
        ('A typical SLA reads: "99.99% uptime guaranteed!" and means little.', "CX205"),
        ("Railway had one failure and 99.991% uptime over two weeks.", "CX205"),
        ("Users can reply to a forwarded email within 3 months.", "CX204"),
        ("Using a unique password for each account is the most secure option.", "CX207"),
    ],
)
def test_modifier_cancels(text: str, rule: str, ruleset: RuleSet) -> None:
    assert rule not in rules_in(text, ruleset)


def test_a_question_only_reaches_its_own_sentence(ruleset: RuleSet) -> None:
    assert "CX204" in rules_in("Need it by Friday? Order for next-day delivery.", ruleset)


def test_negative_polarity_promises_stay_promises(ruleset: RuleSet) -> None:
    assert "CX208" in rules_in("No hidden fees.", ruleset)
    assert "CX211" in rules_in("We never sell your data.", ruleset)


def test_up_to_softens_a_saving_to_info(ruleset: RuleSet) -> None:
    assert rules_in("Save up to 40% on your energy bills.", ruleset)["CX206"] == "info"
    assert rules_in("Save 40% on your energy bills.", ruleset)["CX206"] == "warning"


def test_a_window_before_a_refund_promise_does_not_soften_it(ruleset: RuleSet) -> None:
    # a term before a product guarantee states its limit; before a refund or satisfaction promise it only says how long
    assert rules_in("Every kettle comes with a 2-year guarantee.", ruleset).get("CX201") == "info"
    assert rules_in("Shop with confidence: every rug has a 45-day money-back guarantee.", ruleset).get("CX201") == "warning"
    assert rules_in("Each bed includes a 90-day satisfaction guarantee.", ruleset).get("CX201") == "warning"


def test_a_discount_on_goods_is_an_offer_not_an_outcome(ruleset: RuleSet) -> None:
    """A share off what is sold (or with a code) is the price, stated; a share off the reader's bills is a result to back."""
    assert "CX206" not in rules_in("Save 40% on jackets.", ruleset)
    assert "CX206" not in rules_in("Save 15% with code AUTUMN15.", ruleset)
    assert "CX206" in rules_in("Save 40% on your heating bills.", ruleset)


def test_footnote_with_its_note_in_the_same_file_backs_the_claim(ruleset: RuleSet) -> None:
    assert "CX208" not in rules_in("Free delivery* on everything.\n\n*On orders over £40.", ruleset)
    assert "CX208" in rules_in("Free delivery* on everything.", ruleset)


def test_markdown_bold_is_not_a_footnote_and_its_opening_is_not_a_note(ruleset: RuleSet) -> None:
    """``**claim.**``: the closing ``*`` once read as a marker and the opening ``**`` as its note."""
    assert "CX208" in rules_in("**Free delivery on everything.** Shop the range.", ruleset)
    assert "CX208" not in rules_in("**Free delivery* on everything.**\n\n*On orders over £40.", ruleset)


def test_a_footnote_marker_after_a_bold_claim_backs_it(ruleset: RuleSet) -> None:
    """``**claim***`` and ``claim\\***`` end a bold claim with a footnote marker; ``***claim***`` is bold italics."""
    note = "\n\n*On orders over £40."
    assert "CX208" not in rules_in("**Free delivery on everything***" + note, ruleset)
    assert "CX208" not in rules_in("**Free delivery on everything\\***" + note, ruleset)
    assert "CX208" in rules_in("***Free delivery on everything***" + note, ruleset)
    assert "CX208" in rules_in("**Free delivery on everything***", ruleset)
    assert "CX208" not in rules_in("Free delivery on everything*\n\n<small>*On orders over £40.</small>", ruleset)


def test_declared_data_cancels_the_barista_signal(ruleset: RuleSet) -> None:
    assert not [f for f in lint_text("You told us you're pregnant, so we've hidden alcohol offers.", ruleset)
                if f.category == "barista"]


def test_a_streak_or_goal_the_reader_keeps_is_declared(ruleset: RuleSet) -> None:
    """Progress the reader logs on purpose (a streak, a goal met) is theirs to hear back, like "you logged"."""
    assert not [f for f in lint_text("You've walked 5 days in a row — keep your streak going!", ruleset)
                if f.category == "barista"]
    assert not [f for f in lint_text("You ran for 40 minutes today and reached your goal for the week.", ruleset)
                if f.category == "barista"]
    assert "CX104" in rules_in("You've walked past our shop 5 days in a row — pop in!", ruleset)


def test_an_alert_the_reader_set_up_is_declared(ruleset: RuleSet) -> None:
    """A kids' watch or a pendant reporting against a zone the reader drew is the service they asked for."""
    assert not [f for f in lint_text("Leo left the safe zone at 15:10 near Ash Park.", ruleset, "push")
                if f.category == "barista"]
    assert "CX102" in rules_in("Leo, we saw you leave the park at 15:10 near Ash Park.", ruleset)


def test_security_notice_anywhere_in_the_file_cancels_device_details(ruleset: RuleSet) -> None:
    text = "We saw you signed in from Chrome on Windows at 09:42 today.\n\nWasn't you? Reset your password."
    assert not [f for f in lint_text(text, ruleset) if f.category == "barista"]


def test_transactional_time_is_fine_behaviour_time_is_not(ruleset: RuleSet) -> None:
    assert "CX102" not in rules_in("Your order left our depot at 3:17 PM today.", ruleset)
    assert "CX102" in rules_in("You left our website at 3:17 AM today.", ruleset)


def test_a_payment_or_a_courier_on_the_way_is_transactional(ruleset: RuleSet) -> None:
    """A card payment's place and time, or a driver's street and arrival, are the reader's own transaction."""
    for text in ("You paid £3.40 at Harbour Coffee, 12 Quay Street at 08:14.",
                 "Your driver Ola is on Mill Road and will be with you at 10:40.",
                 "Your bin bags will be collected from 9 Ash Grove between 8am and 11am.",
                 "Your dollars are ready to collect at our Bridge Street branch from 10am.",
                 "We'll deliver your sofa to 3 Lark Road on Monday between 7am and 11am."):
        assert not [f for f in lint_text(text, ruleset, "sms") if f.category == "barista"], text
    assert "CX102" in rules_in("You walked past our shop on Mill Road at 10:40 again.", ruleset)


def test_signals_stack_into_an_error(ruleset: RuleSet) -> None:
    [finding] = [f for f in lint_text("We noticed you viewed the cot 6 times at 2 AM.", ruleset) if f.rule == "CX101"]
    assert finding.severity == "error"
    assert {"observer", "exact-count", "precise-time"} <= set(finding.signals)
    assert finding.score >= 4


def test_promise_finding_names_kind_and_value(ruleset: RuleSet) -> None:
    [finding] = [f for f in lint_text("We reply within 1 hour.", ruleset) if f.rule == "CX204"]
    extra = dict(finding.extra)
    assert extra["kind"] == "response-time" and extra["value"] == "within 1 hour"
    assert "response-time" in finding.message


def test_sensitive_inference_may_sit_in_the_next_sentence(ruleset: RuleSet) -> None:
    text = "Your basket history suggests a change. Expecting a baby?"
    assert "CX108" in rules_in(text, ruleset) or "CX107" in rules_in(text, ruleset)
    assert "CX107" not in rules_in("Expecting a baby? Our bump range is here.", ruleset)


def test_live_merge_field_softens_scarcity(ruleset: RuleSet) -> None:
    literal = {f.rule: f.severity for f in lint_text("Only 2 left — hurry!", ruleset) if f.category == "pressure"}
    bound = {f.rule: f.severity for f in lint_text("Only {{ stock_count }} left.", ruleset) if f.category == "pressure"}
    assert literal and all(s in ("warning", "error") for s in literal.values())
    assert bound and all(s == "info" for s in bound.values())


def test_file_wide_modifiers_are_found_alike_when_frames_no_sentence_can_fill_are_skipped(ruleset: RuleSet) -> None:
    """``document_categories`` skips a trigger frame whose word slot no sentence of the file can fill: on every
    rule example and labelled case it finds what trying every trigger on every sentence finds."""
    from cxlint.engine.context import document_categories
    from cxlint.engine.frame_match import match_frame
    from cxlint.engine.sentences import document_sentences
    from cxlint.runner import parse_text
    from tests.sample_texts import example_and_case_texts

    texts = example_and_case_texts(ruleset)
    file_wide = [m for m in ruleset.modifiers if m.document]
    assert file_wide
    found = 0
    for text in texts:
        _, _, sentences = document_sentences(parse_text("case.md", text))
        every = {m.category for m in file_wide if any(match_frame(f, s) for s in sentences for f in m.triggers)}
        assert document_categories(sentences, ruleset.modifiers) == every, text
        found += bool(every)
    assert found
