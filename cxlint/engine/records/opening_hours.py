"""Opening hours: "Advisers online 9am-6pm Mon-Fri", "open 24/7".

Clock times and days count where the sentence or its heading speaks of opening, lines, chat or
staff, and not where they are a booking or delivery slot. Days that only extend a reply or
delivery promise of the same sentence ("replies within 24 hours, 7 days a week") are that
promise's, not opening hours.
"""

from __future__ import annotations

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.reading import RecordReading
from cxlint.engine.records.target import Found
from cxlint.promises.hours import EVERY_HOUR, find_schedules
from cxlint.promises.kinds import DAY_SCOPED
from cxlint.rulepack.records import Reader


def read_hours(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    sentence = reading.sentences[index]
    heading = reading.heading(index)
    if not (reading.hits("availability_context", sentence)
            or (heading is not None and reading.hits("availability_context", reading.sentences[heading]))):
        return []
    if _a_slot(reading, sentence):
        return []
    timed = any(f.kinds[0] in DAY_SCOPED for f in found)
    out: list[Found] = []
    schedules = find_schedules(sentence.text, reading.shapes, lambda words: bool(reading.hits(words, sentence)))
    always = [(s, e) for s, e in reading.hits("always_open", sentence)
              if any(not (s <= c < e) for c, _ in reading.hits("availability_context", sentence))]
    if always and not any(s.times_given for _, _, s in schedules):
        # "our team is around day and night, seven days a week", "the helpline is always open": every hour of
        # every day, where the sentence names a service besides (not "keep your tabs always open")
        start, end = always[0][0], max([always[0][1]] + [sentence.offset + to for _, to, _ in schedules])
        schedules = [(start - sentence.offset, end - sentence.offset, EVERY_HOUR)]
    for at, to, schedule in schedules:
        start, end = sentence.offset + at, sentence.offset + to
        if timed and (not schedule.times_given or reading.within("every_day", sentence, start, end + 1)):
            continue  # the days belong to the reply or delivery promise
        if schedule.times_given or reading.hits("whole_week", sentence):
            out.append(Found(start, end, ("availability",), schedule, index))
    return out


def _a_slot(reading: RecordReading, sentence: Sentence) -> bool:
    """Whether booking or delivery words make the sentence's clock times a slot, not opening hours. Not with
    every hour of the week ("24/7"), and a "between" alone ("any day between 8am and 8pm", "Monday to Friday
    between 9 and 5") makes no slot where the sentence names a run of days the hours hold on (one day is a
    slot's: "we'll call you between 9 and 11 on Monday")."""
    said = reading.hits("appointment", sentence)
    if not said or reading.shapes.all_week.search(sentence.text):
        return False
    if any(days.group("one") is None for days in reading.shapes.days.finditer(sentence.text)):
        said = [(s, e) for s, e in said if sentence.text[s - sentence.offset:e - sentence.offset].lower() != "between"]
    return bool(said)
