"""Pressure regressions: copy written for these tests (not from any dataset). Pressure lines need a pressure
finding at warning or above; plain deadlines, stock facts and plain declines get none."""

from __future__ import annotations

import pytest

from cxlint.rulepack.model import RuleSet
from cxlint.testing import lint_text

PRESSURE = [
    "Only 3 spots left in today's class — book now!",
    "Don't let your family down — renew before your cover lapses.",
    'This price disappears at midnight.',
    'Your cart expires in 15 minutes.',
    'Flash sale: only today!',
    'Selling out fast — 87% claimed.',
    'Price goes up in 3 days — lock it in now!',
    "Only 4 tickets remaining for Saturday's show.",
    'Skip the discount? I guess you like paying more.',
    'Leaving already? Your basket will be emptied if you go.',
    'Final hours: 50% off ends at midnight!',
    'Your reserved seat will be released in 9:59.',
    'Almost sold out — grab yours now.',
    "I don't want to protect my family.",
    'Cancel anytime by calling 0800 000 0000 during office hours.',
    'Only 1 seat left at this price!',
    'Hurry — sale ends in 2 hours!',
    "No thanks, I'll keep paying too much.",
    "Don't leave your pets unprotected — cover ends tonight.",
    '23 people bought this in the last 24 hours.',
]

PLAIN = [
    "Sale ends Monday 1 December at midnight.",
    "No thanks",
    "Size 8 is out of stock; we'll email you when it's back.",
    "Your session will expire in 5 minutes. Stay signed in?",
]


@pytest.mark.parametrize("text", PRESSURE)
def test_pressure_is_flagged(text: str, ruleset: RuleSet) -> None:
    assert [f for f in lint_text(text, ruleset) if f.category == "pressure" and f.severity != "info"], text


@pytest.mark.parametrize("text", PLAIN)
def test_plain_copy_is_left_alone(text: str, ruleset: RuleSet) -> None:
    assert not [f for f in lint_text(text, ruleset) if f.category == "pressure" and f.severity != "info"], text
