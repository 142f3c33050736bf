"""Offers and commitments stated as figures: a price match, an uptime, a discount.

"Found it cheaper? We'll match it" is one promise a registry entry must state; "4.8 stars" is a
review score only a rank entry with a score from the same source can back; "99.95% of the time"
is an uptime where the sentence speaks of uptime in our own voice (not a measurement, a question or
an "if"); "save 10%", "£20 off", "half off" and "half price" are discounts (saving is also an outcome);
"now just $69" is a price (weak: only a price entry about what it buys can judge it).
"""

from __future__ import annotations

import re

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.reading import RecordReading
from cxlint.engine.records.target import Found
from cxlint.promises.values import Money, Value, duration_from_match, fraction_from_match, money_from_match, money_word_from_match, percent_from_match, rating_from_match
from cxlint.rulepack.records import Reader

UPTIME_FROM = 90.0
"""A share below this is no uptime figure ("40% of the time")."""


def read_price_match(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    hits = reading.hits(reader.find, reading.sentences[index])
    if not hits:
        return []
    start, end = min(hits, key=lambda hit: (hit[0], hit[0] - hit[1]))
    return [Found(start, end, ("guarantee", "claim"), None, index, strong=True, subject=reader.subject)]


def read_compliance(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    """"HIPAA-compliant", "compliant with GDPR": a claim to meet a named law or standard, a security
    promise only an entry stating it can back (not in a question, a quote or a report of one)."""
    sentence = reading.sentences[index]
    hits = reading.hits(reader.find, sentence)
    if not hits or reading.hits("question", sentence) or reading.hits("reported", sentence) or reading.hits("quote", sentence):
        return []
    start, end = min(hits, key=lambda hit: (hit[0], hit[0] - hit[1]))
    return [Found(start, end, ("security", "claim"), None, index, strong=True, subject=reader.subject)]


def _not_asserted(reading: RecordReading, sentence: Sentence) -> bool:
    """A question, an "if" or a report: the sentence states no figure of ours as a commitment."""
    return bool(reading.hits("question", sentence) or reading.hits("if_start", sentence) or reading.hits("reported", sentence))


def read_uptime(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    sentence = reading.sentences[index]
    if not (reading.hits("uptime_context", sentence) and reading.hits("own_voice", sentence)):
        return []
    if _not_asserted(reading, sentence):
        return []
    out: list[Found] = []
    for match in reading.shapes.percentage.finditer(sentence.text):
        value = percent_from_match(match)
        if value.number >= UPTIME_FROM:
            out.append(Found(sentence.offset + match.start(), sentence.offset + match.end(), ("uptime",), value, index))
    return out


def read_rating(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    """Review scores ("4.8 stars", "rated 4.7/5") where the sentence speaks of ratings: a weak rank
    record, which a rank entry stating a score from the same source judges."""
    sentence = reading.sentences[index]
    if not reading.hits("rating_context", sentence) or reading.hits("question", sentence) or reading.hits("if_start", sentence):
        return []
    out: list[Found] = []
    for match in reading.shapes.rating.finditer(sentence.text):
        value = rating_from_match(match)
        if value is not None:
            out.append(Found(sentence.offset + match.start(), sentence.offset + match.end(), ("rank",), value, index))
    return out


def read_rank(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    """"#1", "No. 1", "number one": a ranking claimed, a promise only a rank entry stating it backs. A source the
    copy names ("as voted by customers", "according to our users") keeps the linter quiet, since the copy
    substantiates it; with a registry the source must be the entry's, so the claim is recorded all the same
    (not in a question, an "if", a report, a quote, a hedge or copy about another company)."""
    sentence = reading.sentences[index]
    if _not_asserted(reading, sentence) or reading.hits("quote", sentence) or reading.hits("hedge", sentence) or reading.hits("competitor", sentence):
        return []
    hits = reading.hits(reader.find, sentence)
    return [Found(start, end, ("rank",), None, index, strong=True) for start, end in hits[:1]]


def read_multipliers(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    """"Doubles your range", "twice as far", "3x faster": an outcome said as a multiple, a promise (the
    guideline's "double your leads") that only an outcome entry about it can back; not in a question,
    an "if" or a report, and only in our voice or to the reader ("Edge is 9x faster when warm" is a measurement)."""
    sentence = reading.sentences[index]
    if _not_asserted(reading, sentence) or not reading.hits("own_voice", sentence):
        return []
    return [Found(start, end, ("outcome",), None, index, strong=True) for start, end in reading.hits(reader.find, sentence)]


def read_offers(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    sentence = reading.sentences[index]
    out: list[Found] = []
    taken = -1
    hypothetical = _not_asserted(reading, sentence)
    if reading.hits("offer_ended", sentence):
        return []  # "the winter deal (25% off) ended in March": what the offer was, not one we make
    for match, value in _amounts(reading, sentence):
        at, to = sentence.offset + match.start(), sentence.offset + match.end()
        if at < taken:
            continue
        save = reading.ends_right_before("save", sentence, at)
        off = reading.starts_right_after("off", sentence, to)
        if save is None and off is None and isinstance(value, Money) and not hypothetical and reading.ends_right_before("price_lead", sentence, at):
            out.append(Found(at, to, ("price",), value, index))  # "now just $69": what it costs, for a price entry about it
            taken = to
            continue
        if save is None and off is None and isinstance(value, Money) and value.amount > 0 and not hypothetical and _billed(reading, sentence, at, to):
            out.append(Found(at, to, ("price",), value, index))  # "cover for €18 a month": a charge billed each period
            taken = to
            continue
        groups = match.groupdict()
        if save is None and off is None and not hypothetical and (groups.get("as_many") or groups.get("fewer") or groups.get("pct_fewer")):
            out.append(Found(at, to, ("outcome",), value, index))  # "half as many breakdowns", "40% fewer": a reduction
            taken = to
            continue
        if save is None and off is None and not groups.get("price"):
            continue  # a fraction of the price is a discount on its own ("half price")
        start, end = (save[0] if save else at), (off[1] if off else to)
        out.append(Found(start, end, ("discount", "outcome") if save else ("discount",), value, index))
        taken = end
    return out


def _billed(reading: RecordReading, sentence: Sentence, at: int, to: int) -> bool:
    """Whether the amount at ``[at, to)`` is what something named before it costs by the period: "for"
    right before it (the ``free_for`` word: "cover for €18 a month") and one unit of time right after it
    ("a month", "a year": the billing period the duration reader leaves out, ``price_period``). A bare
    "then £9 a month" after a trial names nothing it is the price of."""
    if reading.ends_right_before("free_for", sentence, at) is None:
        return False
    rest = sentence.text[to - sentence.offset :]
    match = reading.shapes.duration.match(rest.lstrip())
    return match is not None and not match.groupdict().get("word") and duration_from_match(match).text.startswith("1 ")


def _amounts(reading: RecordReading, sentence: Sentence) -> list[tuple[re.Match[str], Value]]:
    """Shares, amounts of money (in figures or words: "a tenner") and fractions ("half") in ``sentence``, in order (a share first where both start)."""
    text = sentence.text
    found: list[tuple[int, int, re.Match[str], Value]] = []
    if reading.may_hold("percentage", sentence):
        found += [(match.start(), 0, match, percent_from_match(match)) for match in reading.shapes.percentage.finditer(text)]
    if reading.may_hold("money", sentence):
        found += [(match.start(), 1, match, money_from_match(match)) for match in reading.shapes.money.finditer(text)]
    found += [(match.start(), 1, match, money_word_from_match(match)) for match in reading.shapes.money_word.finditer(text)]
    found += [(match.start(), 2, match, fraction_from_match(match)) for match in reading.shapes.fraction.finditer(text)]
    return [(match, value) for _, _, match, value in sorted(found, key=lambda item: item[:2])]
