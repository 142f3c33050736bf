"""Promise regressions: copy written for these tests (not from any evaluation set). Unbacked promises need a
promise finding at warning or above; hedged, qualified, sourced or negated copy gets none."""

from __future__ import annotations

import pytest

from cxlint.rulepack.model import RuleSet
from cxlint.testing import lint_text

UNBACKED = [
    'Our nurses are available around the clock, every day of the year.',
    "We promise you'll never wait more than 5 minutes.",
    'The most accurate weather app in the world.',
    'Get rid of acne in 7 days — or your money back.',
    'Lowest mortgage rates, guaranteed.',
    "Your home will sell in 30 days or we'll waive our fee.",
    '100% natural ingredients, no side effects.',
    'Our solar panels pay for themselves in 3 years.',
    "I'm Sam, your personal stylist, and I know exactly what suits you.",
    'Pay zero interest forever.',
    'Guaranteed 5-star service on every stay.',
    'Your child will read fluently by age 5 with our app.',
    'Backed by science: our tea boosts immunity.',
    'We respond to all complaints in under an hour.',
    'Never pay full price again.',
    'Delivered in 30 minutes or your pizza is free.',
    'We answer the phone in 3 rings, guaranteed.',
    'Your broadband will never drop out.',
    'Join 10,000+ happy customers who saved an average of £340.',
    'Proven to cut stress by 50%.',
    "The world's most comfortable mattress.",
    'Cancel any time and get every penny back.',
    'No waiting lists. See a specialist tomorrow.',
    'Get approved today, no matter your credit score.',
    'Our AI finds you the perfect home, every time.',
    'Zero emissions, 100% of the time.',
    'Protected against every kind of cyber attack.',
    "You'll be fluent in French in just 3 months.",
    'Trusted by more than 2 million UK households.',
    "We'll match any price, anywhere.",
    "Hi, I'm Ava — a real person, here 24 hours a day.",
    'Our prices are always the lowest in town.',
    'Unlimited calls, texts and data. No caps.',
    'Our chatbot answers every question instantly.',
    'Switch to Volt and your bills will never go up.',
    'Guaranteed to double your followers in 30 days.',
    'The safest car on the road today.',
    'We never, ever share your details with third parties.',
    'All repairs completed within 24 hours.',
    'Members save an extra 20% every single time.',
    'Fastest checkout in the industry.',
    'Your parcel will be with you by 10am tomorrow — every time.',
    'We resolve 99% of complaints on the first call.',
    'Our advisors pick up in under 30 seconds.',
    'Get a decision in 60 seconds, no credit check needed.',
    "The UK's most loved bank, five years running.",
    'Nothing beats our prices. Ever.',
    'Say goodbye to back pain for good.',
    'Your data never leaves your device.',
    'Zero fees on every transfer, forever.',
    'Rated 5 stars by over 10,000 drivers.',
    "We'll beat any quote by 10%.",
    'Sleep better from night one.',
    'All our coffee is ethically sourced and 100% organic.',
    'Same-day repairs at every branch.',
    'Instant payouts, every time you sell.',
]

BACKED_OR_HEDGED = [
    'We aim to answer calls within a few minutes during busy periods.',
    'Most repairs are done the same day if the part is in stock.',
    "Prices from £9 a month; see plans for what's included.",
    'Could our app help you sleep better? Try it free for a week.',
    "We don't guarantee that every listing is still available.",
    'Our phone lines are open 8am to 6pm on weekdays.',
    "According to the 2026 Which? survey, we're the UK's most trusted bank.",
    'Please allow up to 10 working days for your refund.',
    'Returns are accepted within 14 days of delivery.',
    'Some customers see results in as little as two weeks.',
]


@pytest.mark.parametrize("text", UNBACKED)
def test_unbacked_promise_is_flagged(text: str, ruleset: RuleSet) -> None:
    assert [f for f in lint_text(text, ruleset) if f.category == "promise" and f.severity != "info"], text


@pytest.mark.parametrize("text", BACKED_OR_HEDGED)
def test_hedged_or_backed_copy_is_left_alone(text: str, ruleset: RuleSet) -> None:
    assert not [f for f in lint_text(text, ruleset) if f.category == "promise" and f.severity != "info"], text
