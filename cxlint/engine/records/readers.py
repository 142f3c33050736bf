"""The record readers, by the name a pack's ``records:`` section gives them.

Each reads one sentence (``index``) with the pack's declaration of it (``reader``) and what the
readers before it found there (opening hours leave a reply time's days to it).
"""

from __future__ import annotations

from collections.abc import Callable

from cxlint.engine.records.durations import read_durations
from cxlint.engine.records.free import read_free
from cxlint.engine.records.offers import read_compliance, read_multipliers, read_offers, read_price_match, read_rank, read_rating, read_uptime
from cxlint.engine.records.opening_hours import read_hours
from cxlint.engine.records.reading import RecordReading
from cxlint.engine.records.target import Found
from cxlint.rulepack.records import Reader

ReadSentence = Callable[[RecordReading, Reader, int, list[Found]], list[Found]]

READ: dict[str, ReadSentence] = {
    "duration": read_durations,
    "hours": read_hours,
    "price-match": read_price_match,
    "compliance": read_compliance,
    "uptime": read_uptime,
    "offer": read_offers,
    "rating": read_rating,
    "rank": read_rank,
    "multiplier": read_multipliers,
    "free": read_free,
}
