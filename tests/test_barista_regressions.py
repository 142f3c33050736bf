"""Barista regressions: copy written for these tests (not from any evaluation set) that once slipped through
or was once flagged wrongly. Creepy lines need a barista finding at warning or above; clean ones none at all."""

from __future__ import annotations

import pytest

from cxlint.rulepack.model import RuleSet
from cxlint.testing import lint_text

CREEPY = [
    "Quick question — we noticed your running app hasn't synced since your knee surgery. Feeling better?",
    'You spent 3 hours on our site last night between 1 and 4 AM.',
    "Looks like you're planning a wedding! Here are our favourite venues.",
    'We noticed you keep adding and removing the stroller from your cart.',
    'Your neighbours on Maple Avenue just switched to us — join them?',
    'Hey, we saw you walk past our Kings Road shop twice this week!',
    "Your bank transactions show you're spending more on takeaways lately.",
    "We know where you'll be next Friday — your calendar says Lisbon!",
    "I noticed from your messages that you've been feeling lonely.",
    'Your search for "how to pay off credit card debt" caught our eye.',
    "We can see you've been comparing our mortgage rates with two other banks this week.",
    "Your Fitbit data suggests you're sleeping less than 5 hours a night.",
    "You've visited our clinic page 8 times — is there something you'd like to talk about?",
    "Noticed you've been shopping for baby clothes lately — congratulations!",
    'Based on your listening history, you might be going through a tough time.',
    'We tracked your phone to our Regent Street store on Saturday afternoon.',
    "You were in the app at 4:51 AM. Can't sleep?",
    "From your grocery orders, it looks like you've gone gluten-free.",
    "You always end up in your overdraft at the end of the month — want a buffer?",
    "Our lobby cameras recognised you at the perfume counter yesterday.",
    "We saw 4 of you reading the pricing page today.",
    "You streamed 9 hours of sad films this weekend. Is everything OK?",
    "Hello again! Last on our site 25 minutes ago from an iPhone 14 Pro — still after the blue sofa?",
    "Because you're browsing from a Chromebook in Hove, we're showing you our student range.",
    "We know you've been eyeing the blue dress all week.",
    "Your Spotify says you've been listening to breakup songs on repeat.",
    "Looks like you've been searching for divorce lawyers.",
    'You abandoned your cart 3 times this week — still interested?',
    "We've noticed you're shopping for two now.",
    "Since you visited our Oxford Street store yesterday at 4pm, here's 10% off.",
    "Your location history shows you commute through King's Cross every morning at 8:05.",
    'Based on your recent searches for payday loans, you might like our credit builder.',
    'You left the app after 47 seconds last time. Was something wrong?',
    "You've scrolled through 200 profiles tonight. Take a break?",
    "We've been tracking your runs and you're slowing down.",
    "Your smartwatch noticed your heart rate jump during last night's match.",
    'Our cameras saw you pick up the red kettle twice.',
    'You seem stressed lately — our calm bundle might help.',
    "You opened our email 6 times but never clicked. What's holding you back?",
    "We can tell you've been job hunting from your browsing.",
    'Hey night owl, you always order right after midnight.',
]

CLEAN = [
    'Your appointment is at 3:15 PM on Thursday with Dr Patel.',
    "We've saved your preferences: window seat, vegetarian meal.",
    'New: Dark mode is here. Turn it on in Settings.',
    'We aim to process refunds within 5 working days.',
    'Need help? Our team is available Monday to Friday, 9am to 5pm.',
    'Prices start from £4.99 a month; terms apply.',
    "Your trial ends on 12 March. We'll remind you 3 days before.",
    'This offer ends on Sunday 14 December at 11:59 PM.',
    "You asked us to check in weekly, so here's your summary.",
    'Thanks for visiting — we hope to see you again soon.',
    'Only registered users can post reviews.',
    "We'll never ask for your password by email.",
    'Cancel online in two clicks, any time.',
    "We'll email you when your order ships.",
    'Your package was delivered at 2:14 PM and left at your front door.',
    'Tell us your dietary needs so we can tailor your menu.',
    'Most customers hear back from us within two working days.',
    'Sale ends Monday 1 December at midnight.',
    'Popular in your area this week: waterproof jackets.',
    'You have 3 items in your basket.',
    "We can't promise same-day delivery in rural areas.",
    'Reminder: your car is booked in for 9:00 AM tomorrow at our Leeds branch.',
    'Our records show your membership renews on 3 March.',
    'Delivery usually takes 3–5 working days.',
    'No thanks',
    "Your password was changed at 10:42 AM. If this wasn't you, contact us.",
    "Payday loans can be expensive; you usually pay more in interest.",
    "You're always welcome to call our debt advice line.",
    "You usually pay by card, so we've kept that as your default.",
    "Posted 25 minutes ago by the Northfell team.",
    "We know you're busy, so here's a 2-minute summary.",
    'We noticed a problem with your last payment. Please update your card.',
    'Your order was picked up by the courier at 10:15 AM.',
    "Track your runs and we'll show your weekly total every Sunday.",
    'You can pick up your order at our Leeds store after 2 PM.',
    'Your watch tracks your heart rate while you sleep, if you turn it on.',
    "We've been monitoring the outage since 9:14 AM and will update you hourly.",
    'Customers who bought this kettle also bought the matching toaster.',
    "You opened a support ticket at 3:05 PM; we'll reply as soon as we can.",
    'Your flight leaves at 6:40 AM — check-in opens the day before.',
    'Thanks for visiting us at 12 High Street today!',
    'Your class starts at 7 PM in Studio 2 at our Didsbury gym.',
    "You asked us to check in after 30 days, so here's how your plan is going.",
    "We noticed you haven't set a password yet. Set one now to secure your account.",
    "You've earned 3 stamps — 2 more for a free coffee.",
    'See you at 8:30 tomorrow for your eye test at our Leeds branch.',
]


@pytest.mark.parametrize("text", CREEPY)
def test_creepy_copy_is_flagged(text: str, ruleset: RuleSet) -> None:
    assert [f for f in lint_text(text, ruleset) if f.category == "barista" and f.severity != "info"], text


@pytest.mark.parametrize("text", CLEAN)
def test_clean_copy_is_left_alone(text: str, ruleset: RuleSet) -> None:
    assert not [f for f in lint_text(text, ruleset) if f.severity != "info"], text
