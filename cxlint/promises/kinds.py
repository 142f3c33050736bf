"""The kinds of promise, shared by the rule packs (a rule's ``kind``) and the registry (an entry's ``kind``)."""

from __future__ import annotations

KINDS = (
    "response-time", "delivery-time", "uptime", "availability", "refund-window", "trial-length",
    "discount", "guarantee", "security", "rank", "outcome", "price", "claim",
)
QUANTITATIVE = frozenset({"response-time", "delivery-time", "uptime", "availability", "refund-window", "trial-length", "discount", "price"})
PHRASE_KINDS = frozenset(KINDS) - QUANTITATIVE
