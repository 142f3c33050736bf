"""What a target needs to be a finding: grounded ``requires``, per-frame ``requires`` and ``cancel``,
``channel_reach``, and several lexicons in ``unless_next``/``unless_prev``."""

from __future__ import annotations

import pytest

from cxlint.engine.linter import lint_document
from cxlint.errors import FatalError
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import PackSource, builtin_sources, load_ruleset
from cxlint.rulepack.model import RuleSet

PACK = """\
pack: kiosk
categories: [kiosk]
category: kiosk
lexicons:
  kiosk_watch: {words: [we watched]}
  kiosk_clock: {words: [at noon, at midnight]}
  kiosk_tally: {words: [nine times, noon twice]}
  kiosk_secret: {words: [insomnia]}
  kiosk_alarm: {words: [sleepless]}
  kiosk_or: {words: [or]}
  kiosk_and: {words: [and]}
scoring:
  signals: {kiosk-time: 1.5, kiosk-count: 1.5, kiosk-secret: 2.0}
evidence:
  kiosk_watched:
    frames:
      - who: {lexicon: kiosk_watch}
rules:
  - id: KS101
    name: kiosk-time
    signal: kiosk-time
    message: m
    rationale: r
    suggestion: s
    requires: [kiosk_watched, kiosk-count]
    frames:
      - time: {lexicon: kiosk_clock}
  - id: KS102
    name: kiosk-count
    signal: kiosk-count
    message: m
    rationale: r
    suggestion: s
    requires: [kiosk_watched, kiosk-time]
    frames:
      - count: {lexicon: kiosk_tally}
  - id: KS103
    name: kiosk-secret
    signal: kiosk-secret
    message: m
    rationale: r
    suggestion: s
    requires: [kiosk_watched, kiosk-time]
    channel_reach: {sms: 2}
    frames:
      - word: {lexicon: kiosk_secret, unless_next: [kiosk_or, kiosk_and]}
      - word: {lexicon: kiosk_alarm}
        requires: []
        cancel: [NEGATED]
"""


@pytest.fixture(scope="module")
def kiosk() -> RuleSet:
    return load_ruleset(builtin_sources() + [PackSource("kiosk.yaml", PACK)])


def found(ruleset: RuleSet, text: str, channel: str | None = None) -> list[tuple[str, str]]:
    doc = read_snippet("copy.md", text, channel)
    return [(f.rule, f.text) for f in lint_document(doc, ruleset) if f.rule.startswith("KS")]


def test_a_target_that_does_not_stand_lends_no_signal(kiosk: RuleSet) -> None:
    """'at noon' stands on nothing here, so 'insomnia' (which needs a time) does not stand either."""
    assert found(kiosk, "Open at noon: insomnia tea.") == []
    assert found(kiosk, "We watched you at noon: insomnia tea.") == [("KS101", "at noon"), ("KS103", "insomnia")]


def test_two_targets_that_name_each_other_corroborate(kiosk: RuleSet) -> None:
    assert found(kiosk, "Nine times at noon.") == [("KS102", "Nine times"), ("KS101", "at noon")]


def test_a_target_never_leans_on_one_that_shares_its_words(kiosk: RuleSet) -> None:
    """'at noon twice' read as a time and as a count is one reading of three words."""
    assert found(kiosk, "Come by at noon twice.") == []
    assert found(kiosk, "We watched you come by at noon twice.") == [("KS101", "at noon"), ("KS102", "noon twice")]


def test_the_score_stacks_only_standing_signals(kiosk: RuleSet) -> None:
    doc = read_snippet("copy.md", "We watched you at noon: insomnia tea.")
    secret = next(f for f in lint_document(doc, kiosk) if f.rule == "KS103")
    assert secret.signals == ("kiosk-secret", "kiosk-time")
    assert secret.score == pytest.approx(3.0)


def test_a_frame_requires_instead_of_its_rule(kiosk: RuleSet) -> None:
    assert found(kiosk, "Sleepless tea, on offer.") == [("KS103", "Sleepless")]
    assert found(kiosk, "Insomnia tea, on offer.") == []


def test_a_frame_cancels_instead_of_its_rule(kiosk: RuleSet) -> None:
    assert found(kiosk, "We watched you: never sleepless again.") == []
    assert found(kiosk, "We watched you: never insomnia again.") == [("KS103", "insomnia")]


def test_channel_reach_makes_a_short_message_one_context(kiosk: RuleSet) -> None:
    text = "We watched you. Insomnia tea, on us."
    assert found(kiosk, text, "sms") == [("KS103", "Insomnia")]
    assert found(kiosk, text, "email") == []
    assert found(kiosk, text) == []


def test_unless_next_takes_several_lexicons(kiosk: RuleSet) -> None:
    assert found(kiosk, "We watched you: insomnia or jet lag.") == []
    assert found(kiosk, "We watched you: insomnia and jet lag.") == []
    assert found(kiosk, "We watched you: insomnia tea.") == [("KS103", "insomnia")]


def test_the_rule_keeps_what_the_frame_does_not_say(kiosk: RuleSet) -> None:
    rule = kiosk.by_id()["KS103"]
    assert rule.frames[0].requires is None and rule.frames[0].cancel is None
    assert rule.frames[1].requires == () and rule.frames[1].cancel == frozenset({"NEGATED"})
    assert rule.reach_in("sms") == 2 and rule.reach_in("push") == 0 and rule.reach_in(None) == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("        requires: []\n", "        requires: [kiosk_wacthed]\n"),
         "kiosk.yaml:47: rule KS103 frame: requires unknown evidence or signal 'kiosk_wacthed' (did you mean 'kiosk_watched'?)"),
        (("        cancel: [NEGATED]\n", "        cancel: [NEGATD]\n"),
         "kiosk.yaml:47: rule KS103 frame: unknown modifier category 'NEGATD' (did you mean 'NEGATED'?)"),
        (("        cancel: [NEGATED]\n", "        cancel: {lexicon: kiosk_or}\n"),
         "kiosk.yaml:49: rule KS103: 'cancel' is a frame key (a list of names), not a slot: rename the slot"),
        (("        cancel: [NEGATED]\n", "        cancel: NEGATED\n"), "kiosk.yaml:49: rule KS103: 'cancel' must be a list of strings"),
        (("      - who: {lexicon: kiosk_watch}\n", "      - who: {lexicon: kiosk_watch}\n        requires: [kiosk-time]\n"),
         "kiosk.yaml:18: evidence kiosk_watched: 'requires' is only for a rule's frames"),
        (("channel_reach: {sms: 2}", "channel_reach: {smss: 2}"),
         "kiosk.yaml:44: rule KS103: channel_reach: unknown channel 'smss' (did you mean 'sms'?)"),
        (("channel_reach: {sms: 2}", "channel_reach: {sms: 11}"),
         "kiosk.yaml:44: rule KS103: channel_reach: 'sms' must be a whole number from 0 to 10"),
        (("channel_reach: {sms: 2}", "channel_reach: [sms]"), "kiosk.yaml:44: rule KS103: 'channel_reach' must be a mapping"),
        (("unless_next: [kiosk_or, kiosk_and]", "unless_next: [kiosk_or, kiosk_adn]"),
         "unknown lexicon 'kiosk_adn' (did you mean 'kiosk_and'?)"),
    ],
)
def test_the_compiler_checks_the_new_keys_with_file_line_and_closest(change: tuple[str, str], message: str) -> None:
    assert change[0] in PACK
    with pytest.raises(FatalError) as error:
        load_ruleset(builtin_sources() + [PackSource("kiosk.yaml", PACK.replace(*change))])
    assert message in str(error.value)
