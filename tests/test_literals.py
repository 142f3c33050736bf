"""Literals a regex match must hold: read from the pattern, and never a reason to miss a match."""

from __future__ import annotations

import re

import pytest

from cxlint.channels import infer_channel_from_text
from cxlint.readers.masking import blank
from cxlint.text.literals import literal_gate, needed_literals

PATTERNS = [
    r"\bunsubscribe\b|%%unsub|\bview (?:it )?in (?:your|a) browser\b",
    r"^[ \t]*(?:responses|intents|stories)[ \t]*:|\butter_\w+",
    r"\"?(?:onboarding|walkthrough|tour)_?(?:steps|screens)?\"?\s*:",
    r"\"?(?:onboarding|walkthrough|tour)_?(?:steps|screens)?\"?\s*:|\"(?:steps|screens)\"\s*:\s*\[",
    r"\bfrom\s+[\"'](?:@react-email/|react-email[\"']|@?jsx-email\b)|\bunsubscribe\b",
    r"(?:ab)+cde",
    r"x(?:yz)?w",
    r"\d+\s?%",
    r"\b(?:twice|(?:two|ten|\d+)\s+times|\d+\s?x)\s+(?:as\s+\w+|faster)\b",
]
TEXTS = [
    "Click to UNSUBSCRIBE now",
    "View it in your BROWSER.",
    "  responses:\n  - utter_greet",
    '"tour_steps": [',
    '"Screens": [',
    "import { Html } from 'react-email';",
    "ababcde",
    "xw and xyzw",
    "50 % off",
    "Straße ſtraße KELVIN \u212a",
    "Twice as far, 3x faster, TEN TIMES FASTER",
    "4 x faster than 10 times",
    "",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("rarest", [False, True])
def test_a_gate_never_skips_a_text_the_regex_matches(pattern: str, flags: int, rarest: bool) -> None:
    regex = re.compile(pattern, flags | re.MULTILINE)
    gate = literal_gate(regex, rarest)
    for text in TEXTS:
        assert (gate.search(text) is not None) == (regex.search(text) is not None), text


def test_the_literals_come_from_every_branch() -> None:
    assert needed_literals(re.compile(r"\bunsubscribe\b|%%unsub|\bview (?:it )?in (?:your|a) browser\b", re.I)) == (
        " browser", "%%unsub", "unsubscribe",
    )
    assert needed_literals(re.compile(r"(?:ab)+cde")) == ("cde",)


def test_no_literals_when_a_branch_has_none_worth_testing() -> None:
    assert needed_literals(re.compile(r"x(?:yz)?w")) is None
    assert needed_literals(re.compile(r"\d+\s?kg|unsubscribe")) is None  # two letters rule nothing out


def test_a_short_literal_holding_a_sign_is_worth_testing() -> None:
    assert needed_literals(re.compile(r"\d+\s?%|unsubscribe")) == ("%", "unsubscribe")
    assert needed_literals(re.compile(r"(?<![\w&])\#\s?1|\bno\.\s?1|\bnumber\s+one", re.I)) == ("#", "no.", "number")


def test_a_required_digit_is_found_through_groups_and_repeats() -> None:
    from cxlint.text.literals import literal_gate

    assert literal_gate(re.compile(r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})")).digit
    assert literal_gate(re.compile(r"(?:\d+|ten)\s?days")).digit is False
    assert literal_gate(re.compile(r"(?:\d+|ten)\s?days")).may_match("in ten days")


def test_a_branch_without_literals_may_stand_for_any_digit() -> None:
    """``twice | \\d+ x``: no literal every match holds, but every match holds "twice" or a digit."""
    gate = literal_gate(re.compile(r"\b(?:twice|(?:two|\d+)\s+times|\d+\s?x)\s+(?:as|more)\b", re.I))
    assert gate.literals is None and gate.digit_or == ("times", "twice")
    assert gate.may_match("3x more") and gate.may_match("TWICE as") and not gate.may_match("much more")
    assert literal_gate(re.compile(r"x(?:yz)?w|\d")).digit_or is None  # a two-letter branch still rules nothing out


def test_the_rarest_literals_prefer_a_required_word_to_a_sign_or_a_common_word() -> None:
    chatbot = re.compile(r"^[ \t]*(?:responses|intents|stories|nlu)[ \t]*:|\butter_\w+", re.M)
    assert literal_gate(chatbot).literals == (":", "utter_")
    assert literal_gate(chatbot, rarest=True).literals == ("intents", "nlu", "responses", "stories", "utter_")
    email = re.compile(r"\bfrom\s+[\"'](?:@react-email/|react-email[\"']|@?jsx-email\b)")
    assert literal_gate(email, rarest=True).literals == ("@react-email/", "jsx-email", "react-email")
    assert literal_gate(re.compile(r"(?:ab)+cde"), rarest=True).literals == ("cde",)  # a run as long is kept


def test_content_hints_tell_every_example_and_case_what_their_regexes_alone_would() -> None:
    from cxlint import channels
    from tests.test_gate_paths import _TEXTS

    def unguarded(text: str) -> str | None:
        head = text[: channels._CONTENT_SAMPLE]
        for channel, gate in channels._CONTENT_HINTS:
            if gate.regex.search(head):
                return channel
        page = channels._PAGE_START.search(head)
        return "landing" if page is not None and channels._PAGE_CHROME.search(head, page.end()) else None

    texts = [text for text, _ in _TEXTS] + TEXTS + ["<mjml><mj-body>", "Stories: 3", "nlu:\n- intent: greet"]
    for text in texts:
        assert infer_channel_from_text(text) == unguarded(text), text


def test_content_hints_still_tell_the_channel() -> None:
    assert infer_channel_from_text("<p>Don't want these? <a href='#'>Unsubscribe</a></p>") == "email"
    assert infer_channel_from_text("version: '3.1'\nresponses:\n  utter_greet:\n  - text: Hi") == "chatbot"
    assert infer_channel_from_text('{"onboarding_steps": [{"title": "Welcome"}]}') == "onboarding"
    assert infer_channel_from_text("Plain words about nothing in particular.") is None


@pytest.mark.parametrize("text", ["", "\n", "a\nb", "héllo\r\nwörld\n\n", "\U0001F600x\n"])
def test_blank_keeps_only_line_feeds(text: str) -> None:
    assert blank(text) == re.sub(r"[^\n]", " ", text)
