"""The kinds of promise, shared by the rule packs (a rule's ``kind``) and the registry (an entry's ``kind``)."""

from __future__ import annotations

KINDS = (
    "response-time", "delivery-time", "uptime", "availability", "refund-window", "trial-length",
    "discount", "guarantee", "security", "rank", "outcome", "price", "claim",
)
QUANTITATIVE = frozenset({"response-time", "delivery-time", "uptime", "availability", "refund-window", "trial-length", "discount", "price"})
PHRASE_KINDS = frozenset(KINDS) - QUANTITATIVE
DAY_SCOPED = frozenset({"response-time", "delivery-time"})
"""Kinds whose promises may name the days they hold on ("every day", "weekends included")."""

KIND_NOTES = {
    "response-time": 'a duration ("24 hours"); a longer reply time in copy is weaker',
    "delivery-time": 'a duration ("3 business days", "next day"); longer is weaker',
    "uptime": 'a percentage ("99.9%"); lower is weaker',
    "availability": 'hours ("09:00-17:00 Mon-Fri", "24/7"); fewer hours or days are weaker',
    "refund-window": 'a duration ("30 days"); a shorter window is weaker',
    "trial-length": 'a duration ("14 days"); a shorter trial is weaker',
    "discount": 'a percentage or amount ("15%", "£10"); smaller is weaker',
    "price": '"free" or an amount; a higher price is weaker',
    "guarantee": 'the words guaranteed ("money back within 30 days"); copy must keep its limits',
    "security": 'the claim ("encrypted at rest (AES-256)")',
    "rank": 'the claim with its source ("#1 in the 2026 J.D. Power survey"); only it backs a superlative',
    "outcome": 'the claim ("customers save 23% on average")',
    "claim": 'any other phrase the company stands behind ("no hidden fees")',
}
"""One line per kind for the drafts ``cxlint init`` writes; docs/registry.md says it at length."""
