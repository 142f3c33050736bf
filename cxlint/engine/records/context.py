"""A record's context: what qualifies it, whose promise it is, the medium and days, its subject.

Read from the words of its sentence and of a short heading before it ("Returns?"; a phrase promise
in such a heading, "Acceptance, guaranteed", is read with the sentence it heads): hedges and
conditions near it ("typically", "on orders over £50"), the medium named nearest (or its channel's),
the days a reply or delivery time holds on, and whether the copy speaks for the company (not a
quote, a measurement, a question or another company's terms).
"""

from __future__ import annotations

import re

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.durations import clause
from cxlint.engine.records.reading import RecordReading, Span
from cxlint.engine.records.target import Found, PromiseTarget
from cxlint.findings import Finding
from cxlint.promises.hours import ALL_DAYS, find_schedules
from cxlint.promises.kinds import DAY_SCOPED, PHRASE_KINDS

BEFORE, AFTER = 30, 20
"""Characters before and after a record in which hedges and conditions qualify it."""
MEDIUM_KINDS = frozenset({"response-time", "availability"})
POLICY_KINDS = frozenset({"refund-window", "trial-length"})
"""Kinds stated as policy, often without "we" ("Returns are accepted within 14 days"): ours unless another company's."""
_CLITIC = re.compile(r"['’](?:s|ve|re|d|ll|m)$")
"""A clitic a hit takes with its word ("Chat's open"): it names no variant."""


def describe(reading: RecordReading, found: Found, modifiers: frozenset[str] = frozenset(),
             finding: Finding | None = None) -> PromiseTarget:
    """``found`` with its context read."""
    index = found.sentence
    sentence = reading.sentence_at(index, found.start, found.end)
    own_start, own_end = sentence.offset, sentence.offset + len(sentence.text)
    heading_index = reading.heading(index)
    heading = reading.sentences[heading_index] if heading_index is not None else None
    context_start = heading.offset if heading is not None else own_start
    around = [s for s in (heading, sentence) if s is not None]
    kind = found.kinds[0]
    hedges, qualifiers = _qualifiers(reading, sentence, max(found.start - BEFORE, own_start), min(found.end + AFTER, own_end))
    media: frozenset[str] = frozenset()
    if kind in MEDIUM_KINDS:
        media = _medium_near(reading, around, found.start, found.end) or _channel_medium(reading)
    clause_start, clause_end = clause(reading, sentence, found.start, found.end)
    theirs = _names_competitor(reading, heading, sentence, clause_start, clause_end)
    speaks = _speaks_for_company(reading, around, context_start, own_end)
    own = speaks and not theirs and (kind in POLICY_KINDS or any(reading.hits("own_voice", s) for s in around))
    context_end = own_end
    if kind in PHRASE_KINDS and index + 1 < len(reading.spans) and reading.heading(index + 1) == index:
        context_end = reading.spans[index + 1][1]  # "USCIS acceptance, guaranteed" is spelled out by the sentence it heads
    return PromiseTarget(
        start=found.start, end=found.end, sentence=index, kinds=found.kinds, value=found.value, strong=found.strong,
        subject=found.subject or _subject(reading, kind, around), context=" ".join(reading.mask[context_start:context_end].split()),
        qualifiers=qualifiers, hedged=bool(hedges), own_voice=own, media=media,
        days=days_stated(reading, sentence) if kind in DAY_SCOPED else None, modifiers=modifiers, finding=finding,
        earlier=_earlier(reading, index if heading_index is None else heading_index, context_start),
    )


EARLIER_SENTENCES = 2
"""Sentences before a record's context, in its paragraph, that may name what it is about."""


def _earlier(reading: RecordReading, index: int, context_start: int) -> str:
    """The text of up to ``EARLIER_SENTENCES`` sentences before sentence ``index``, stopping at a paragraph break."""
    if index < 0:
        return ""
    first = context_start
    for before in range(index - 1, max(-1, index - 1 - EARLIER_SENTENCES), -1):
        start = reading.spans[before][0]
        if "\n\n" in reading.mask[reading.spans[before][1] : first]:
            break
        first = start
    return " ".join(reading.mask[first:context_start].split())


def _qualifiers(reading: RecordReading, sentence: Sentence, start: int, end: int) -> tuple[list[Span], tuple[str, ...]]:
    """The hedges near a record (not inside a phrase that only looks like one, "the most secure"),
    and the words of its hedges and conditions (a condition starting near it, with all its words)."""
    pseudo = reading.within("hedge_pseudo", sentence, start, end)
    hedges = [h for h in _apart(reading.within("hedge", sentence, start, end)) if not any(s <= h[0] < e for s, e in pseudo)]
    conditions = _apart([(s, e) for s, e in reading.hits("condition", sentence) if start <= s < end])  # "on orders over £50" may run past
    words = (" ".join(reading.mask[s:e].lower().split()) for s, e in hedges + conditions)
    return hedges, tuple(dict.fromkeys(words))


def _apart(hits: list[Span]) -> list[Span]:
    """Hits that do not overlap, the earliest (then the longest) first: "in most cases", not also "most"."""
    kept: list[Span] = []
    for start, end in sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _medium_near(reading: RecordReading, sentences: list[Sentence], start: int, end: int) -> frozenset[str]:
    """The medium named nearest to ``[start, end)`` in its sentence and heading (the first listed on a tie)."""
    best: tuple[int, str] | None = None
    for name, words in reading.spec.media:
        for sentence in sentences:
            for hit_start, hit_end in reading.hits(words, sentence):
                distance = start - hit_end if hit_end <= start else max(0, hit_start - end)
                if best is None or distance < best[0]:
                    best = (distance, name)
    return frozenset({best[1]}) if best else frozenset()


def _channel_medium(reading: RecordReading) -> frozenset[str]:
    medium = reading.spec.channel_media.get(reading.channel or "")
    return frozenset({medium}) if medium else frozenset()


def days_stated(reading: RecordReading, sentence: Sentence) -> frozenset[int] | None:
    """The weekdays a reply or delivery promise says it holds on; None when it says nothing about days.

    "every day", "weekends included", "24/7" are every day; "Monday to Friday", "weekdays" are
    those days. "during those hours" adds no days of its own (it keeps an entry's).
    """
    if reading.hits("every_day", sentence):
        return ALL_DAYS
    for _, _, schedule in find_schedules(sentence.text, reading.shapes, lambda words: bool(reading.hits(words, sentence))):
        if schedule.days_given:
            return frozenset(day for day, _, _ in schedule.slots)
    return None


def _names_competitor(reading: RecordReading, heading: Sentence | None, sentence: Sentence, clause_start: int, clause_end: int) -> bool:
    """True when a record's clause is about another company: a competitor cue in it or before it
    ("unlike LeafCo, whose lines close at 5pm"), and no "we" or "our" in the clause itself
    ("unlike most providers, we reply within the hour" stays ours)."""
    if reading.within("first_person", sentence, clause_start, clause_end):
        return False
    if heading is not None and reading.hits("competitor", heading):
        return True
    return bool(reading.within("competitor", sentence, sentence.offset, clause_end))


def _speaks_for_company(reading: RecordReading, sentences: list[Sentence], start: int, end: int) -> bool:
    """False for text that discusses promises rather than making one: quotes, measurements, questions."""
    if any(reading.hits("reported", s) or reading.hits("quote", s) for s in sentences):
        return False
    return not reading.mask[start:end].rstrip().endswith("?")


def _subject(reading: RecordReading, kind: str, sentences: list[Sentence]) -> str:
    """The subject a record is filed under: its kind's label, with the variant its context names."""
    subject = reading.spec.subjects.get(kind)
    if subject is None:
        return kind
    if subject.words:
        hits = [hit for sentence in sentences for hit in reading.hits(subject.words, sentence)]
        if hits:
            start, end = min(hits)
            word = _CLITIC.sub("", " ".join(reading.mask[start:end].lower().split()))
            return f"{subject.label} ({dict(subject.names).get(word, word)})"
    return subject.label
