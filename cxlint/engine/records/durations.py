"""Durations: "replies within 2 business days", "returns within 30 days of delivery", "a 14-day trial".

A duration is about the nearest service word in its clause (the pack's ``kinds`` for the duration
reader, first listed first on a tie); "within 30 days *of delivery*" names when the clock starts,
not the subject. With none in its clause, a trial, refund or guarantee named near it decides,
then a short heading ("Returns?"). A reply time must be about our service (we, the team…). Time
given free ("two weeks free", "3 months on us", "free for 6 months") is a trial, unless it is a window ("within 14 days")
or months free with yearly billing (a discount of their share of the year).
A turnaround we commit to that names no service ("we'll have it moved over within 48 hours", "you'll
have it within 2 days", "an assessor visits within 48 hours", "your translations back in 24h") is a claim: only a registry entry whose subject its sentence names can judge it; so is a service named by
how soon it comes ("same-day skips"). Time gained with a word
between count and unit ("10 fewer hours a month") is an outcome, for an outcome entry to judge.
"""

from __future__ import annotations

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.reading import RecordReading, Span
from cxlint.engine.records.target import Found
from cxlint.promises.hours import day_index
from cxlint.promises.values import BUSINESS_DAY, DAY, FOREVER, MONTH, SAME_DAY, Duration, duration_from_match, share_of_year
from cxlint.rulepack.records import Reader

NEAR = 60
"""Characters either side of a duration in which a trial, refund or guarantee names its kind."""
_NAMED_NEAR = (("trial-length", "trial_near"), ("refund-window", "refund_near"), ("guarantee", "guarantee_near"))
_SHORTEST_GUARANTEE = 7 * DAY
"""A guarantee period shorter than a week is a reply or delivery time that mentions a guarantee."""


def read_durations(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    sentence = reading.sentences[index]
    heading = reading.heading(index)
    out: list[Found] = []
    for match in reading.matches(reading.shapes.duration, sentence):
        at, to = sentence.offset + match.start(), sentence.offset + match.end()
        if reading.ends_right_before("price_period", sentence, at):
            continue  # "£9 a month", "per year": a billing period
        if reading.starts_right_after("time_point_after", sentence, to):
            continue  # "six months later": when something happened, not how long a service takes
        value = duration_from_match(match)
        given = reading.starts_right_after("given_free", sentence, to)
        if given is not None and reading.ends_right_before("time_lead", sentence, at):
            given = None  # "within 14 days free of charge": a window, not time given
        yearly = bool(reading.hits("yearly", sentence))
        kind: str | None
        if given is not None and yearly:
            # "pay yearly and get 2 months free": months off a year's bill, a discount of their share of it
            if (share := share_of_year(value.minutes / MONTH)) is not None:
                out.append(Found(at, given[1], ("discount",), share, index))
            continue
        if given is not None:
            kind, start, end = "trial-length", at, given[1]  # "two weeks free": time given is a trial
        elif (gratis := reading.ends_right_before("free_for_lead", sentence, at)) is not None and not yearly:
            kind, start, end = "trial-length", gratis[0], to  # "free for 6 months": so is time it is free for
        else:
            kind, start, end = classify(reading, reader, sentence, at, to, reading.sentences[heading] if heading is not None else None)
        if kind == "guarantee" and value.minutes < _SHORTEST_GUARANTEE:
            kind = None  # "a replacement within 2 hours, guaranteed": a turnaround that mentions a guarantee, no period of one
        if kind is None and (lead := _turnaround(reading, sentence, at)) is not None:
            kind, start = "claim", lead[0]  # "we'll have it moved over within 48 hours": a timed entry it names judges it
        elif kind is None and value.minutes == 0 and _committed(reading, sentence, at):
            kind = "claim"  # "we'll credit your account instantly": a turnaround of no time at all, judged the same way
        elif kind is None and any(s == at for s, _ in reading.hits("service_by_its_time", sentence)):
            kind = "claim"  # "same-day skips": a service named by how soon it comes, judged the same way
        if kind is None:
            continue
        if value.minutes == FOREVER and kind != "guarantee":
            continue
        if reading.hits("reported", sentence):
            continue
        strong = value.minutes == FOREVER or kind == "trial-length"  # a trial is an offer, not a stated limit
        out.append(Found(start, end, (kind,), value, index, strong=strong))
    if not reading.hits("reported", sentence):
        out += _promised_days(reading, reader, index, out)
        out += _day_spans(reading, reader, index)
        for match in reading.shapes.time_gain.finditer(sentence.text):
            # "10 fewer hours a month": time saved, which only an outcome entry can judge (longer is stronger)
            at, to = sentence.offset + match.start(), sentence.offset + match.end()
            out.append(Found(at, to, ("outcome",), duration_from_match(match), index))
    return out


def _day_spans(reading: RecordReading, reader: Reader, index: int) -> list[Found]:
    """The time from one day of the week to a later one ("order by Friday … on your doorstep on Tuesday", "see you on
    Monday! Your plan will be ready by Wednesday"): the business days after the first up to the second (the
    calendar days where none are), a time about the service its clause names, or one we commit to."""
    sentence = reading.sentences[index]
    ends = reading.matches(reading.shapes.day_by, sentence)
    if not ends or reading.hits("if_start", sentence):
        return []
    earlier = reading.matches(reading.shapes.day_by, reading.sentences[index - 1]) if index > 0 else []
    out: list[Found] = []
    for position, match in enumerate(ends):
        starts = earlier + ends[:position]
        if not starts:
            continue
        first, last = day_index(starts[-1]["day"]), day_index(match["day"])
        days = (last - first) % 7
        if not days:
            continue
        business = sum((first + step) % 7 < 5 for step in range(1, days + 1))
        value = Duration(business * BUSINESS_DAY, f"{business} business day{'' if business == 1 else 's'}") if business \
            else Duration(days * DAY, f"{days} day{'' if days == 1 else 's'}")
        at, to = sentence.offset + match.start(), sentence.offset + match.end()
        kind, start, end = classify(reading, reader, sentence, at, to)
        if kind is None and (reading.hits("future", sentence) or starts[-1].group().lower().startswith("by")):
            # "your plan will be ready by Wednesday", "order by Friday … on Tuesday": what we have ready for the reader
            kind, start, end = "delivery-time", at, to
        if kind in ("response-time", "delivery-time", "claim"):
            out.append(Found(start, end, (kind,), value, index))
    return out


def _promised_days(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    """The day a service comes, said as the day itself ("our van delivers them to your site today", "we'll have an
    engineer with you tonight", "you'll have it tomorrow"): the same day, or a day, where what comes is named before it
    in its clause (a delivery, a reply), or a commitment of ours or to the reader ("we'll", "you'll") is. A day the
    reader acts on ("order today and …"), a day after a clock time ("open till 10pm tonight": hours), a day in a question
    or an "if", and a day of what is already under way ("out for delivery today") name no time of ours."""
    sentence = reading.sentences[index]
    if reading.hits("if_start", sentence) or reading.hits("question", sentence):
        return []
    taken = [(f.start, f.end) for f in found]
    days = [(s, e, SAME_DAY) for s, e in reading.hits("same_day", sentence)]
    worded = [(m, duration_from_match(m)) for m in reading.matches(reading.shapes.duration, sentence) if m.group("word")]
    days += [(sentence.offset + m.start(), sentence.offset + m.end(), value) for m, value in worded if value.minutes <= DAY]
    out: list[Found] = []
    for at, to, value in days:
        if any(s < to and at < e for s, e in taken) or _after_a_clock(reading, sentence, at):
            continue
        left, _ = clause(reading, sentence, at, to)
        if reading.within("under_way", sentence, left, at):
            continue
        said = [(s, kind) for kind, words in reader.kinds if kind in ("delivery-time", "response-time")
                and (kind != "response-time" or reading.hits("service_subject", sentence))
                for s, e in reading.within(words, sentence, left, to) if e <= at]
        committed = [s for s, e in reading.hits("turnaround_for_reader", sentence) if e <= at]
        if said:
            start, kind = max(said)
            out.append(Found(start, to, (kind,), value, index))
        elif committed and any(e <= at for _, e in reading.hits("future", sentence)):
            out.append(Found(committed[-1], to, ("claim",), value, index))
        else:
            continue
        taken.append((at, to))
    return out


_CLOCK_BEFORE = 3
"""Characters between a clock time and the day after it ("10 pm tonight") that keep them one time."""


def _after_a_clock(reading: RecordReading, sentence: Sentence, at: int) -> bool:
    """Whether a clock time ends right before ``at`` ("till 10 pm tonight", "by 5pm today"): a time of day, not a day."""
    before = reading.mask[sentence.offset : at]
    return any(any(c.isdigit() for c in m.group()) or m.group("w")
               for m in reading.shapes.clock.finditer(before) if len(before) - m.end() <= _CLOCK_BEFORE)


def _turnaround(reading: RecordReading, sentence: Sentence, at: int) -> Span | None:
    """The "within" of a duration named by no service word that we commit to ("we'll have it done within
    48 hours"), or the "back in" of what comes back to the reader in that time ("translations back in 24h")."""
    lead = reading.ends_right_before("turnaround_lead", sentence, at)
    if lead is not None and _in_condition(reading, sentence, at):
        return None  # "if you can't adapt within 60 days, we'll remake them": the reader's time, our condition
    if lead is not None and reading.hits("first_person", sentence):
        return lead
    if lead is not None and reading.hits("turnaround_for_reader", sentence) and not reading.hits("if_start", sentence):
        return lead  # "you'll have it within 2 days", "an assessor visits within 48 hours"; not "if you cancel within 14 days"
    return reading.ends_right_before("return_lead", sentence, at)


def _committed(reading: RecordReading, sentence: Sentence, at: int) -> bool:
    """Whether a time said with no lead of its own ("instantly") is one we commit to: said in our voice
    or as what the reader will have ("we'll credit it instantly", "you'll have it instantly"), outside an "if"."""
    if reading.hits("if_start", sentence) or _in_condition(reading, sentence, at):
        return False
    return bool(reading.hits("turnaround_for_reader", sentence))


def _in_condition(reading: RecordReading, sentence: Sentence, at: int) -> bool:
    """Whether ``at`` lies in the clause an "if" opens the sentence with: a time in it is what sets our
    commitment off, not the commitment ("if it isn't fixed within 3 days, we refund you"); one after it
    is ("if you switch today, we'll have it moved over within 2 days")."""
    left, _ = clause(reading, sentence, at, at)
    return any(left <= start for start, _ in reading.hits("if_start", sentence))


def clause(reading: RecordReading, sentence: Sentence, start: int, end: int) -> Span:
    """The clause of ``sentence`` holding ``[start, end)``: between the clause breaks around it."""
    breaks = reading.hits("clause_break", sentence)
    left = max((e for s, e in breaks if e <= start), default=sentence.offset)
    right = min((s for s, e in breaks if s >= end), default=sentence.offset + len(sentence.text))
    return left, right


def classify(reading: RecordReading, reader: Reader, sentence: Sentence, start: int, end: int,
             heading: Sentence | None = None) -> tuple[str | None, int, int]:
    """The kind a duration at ``[start, end)`` is about, and its span widened to the word that says so."""
    left, right = clause(reading, sentence, start, end)
    clock = reading.starts_right_after("clock_start", sentence, end)
    clock_until = clock[1] if clock is not None and clock[0] > end else None
    best: tuple[int, int, str, int, int] | None = None
    for priority, (kind, words) in enumerate(reader.kinds):
        for word_start, word_end in reading.within(words, sentence, left, right):
            if clock_until is not None and end <= word_start < clock_until:
                continue  # "within 30 days of delivery": the delivery starts the clock
            distance = start - word_end if word_end <= start else word_start - end
            if distance < 0:
                continue
            if best is None or (distance, priority) < best[:2]:
                best = (distance, priority, kind, word_start, word_end)
    if best is None:
        return _named_near(reading, reader, sentence, start, end, heading), start, end
    kind = best[2]
    if kind == "response-time" and not reading.hits("service_subject", sentence):
        return None, start, end
    return kind, min(start, best[3]), max(end, best[4])


def _named_near(reading: RecordReading, reader: Reader, sentence: Sentence, start: int, end: int, heading: Sentence | None) -> str | None:
    """With no service word in its clause: a trial, refund or guarantee near it, else its heading's subject."""
    low, high = max(sentence.offset, start - NEAR), min(sentence.offset + len(sentence.text), end + NEAR)
    for kind, near in _NAMED_NEAR:
        if reading.within(near, sentence, low, high):
            return kind
    if heading is not None:
        for kind, words in reader.kinds:
            if reading.hits(words, heading) or (kind == "refund-window" and reading.hits("returns_heading", heading)):
                return kind
    return None
