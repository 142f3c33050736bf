"""Opening hours as a weekly schedule: "9am–5pm Mon–Fri", "8:00–20:00 Mon–Sat", "24/7".

A schedule maps each open weekday to (start, end) in minutes since midnight. "More hours" is
then plain set inclusion: a promise is within an entry when every day and time it promises is
open in the entry. Copy that names times but no days ("call us 8am–8pm") is compared on times
only; copy that names days but no times ("7 days a week") on days only. Copy that names one
edge of the day ("chat until 11pm", "phones open from 7am") promises the entry is open at that
time: it is kept as an instant, so an entry closing at 10pm does not cover "until 11pm". Times and
days are read from the named groups of the value shapes ``clock_range``, ``clock_edge``, ``days``
and ``all_week``; an edge counts only where the text speaks of a service that opens and closes
(the records' word classes ``opening_hours`` and ``deadline``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxlint.text.normalize import normalize

if TYPE_CHECKING:
    from cxlint.promises.value_shapes import ValueShapes

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ALL_DAYS = frozenset(range(7))
Holds = Callable[[str], bool]
"""Whether the text read holds a word class of the records (``opening_hours``, ``deadline``)."""


@dataclass(frozen=True)
class Schedule:
    """Open intervals per weekday (0 = Monday); ``days_given``/``times_given`` say what the text stated.

    ``edge`` is "until" or "from" when the text gave only the closing or the opening time: each
    slot is then that one instant (start == end).
    """

    slots: tuple[tuple[int, int, int], ...]
    days_given: bool = True
    times_given: bool = True
    edge: str = ""

    def by_day(self) -> dict[int, tuple[int, int]]:
        return {day: (start, end) for day, start, end in self.slots}

    def within(self, entry: Schedule) -> bool:
        """True when every promised day and time is open in ``entry``."""
        theirs = entry.by_day()
        for day, start, end in self.slots:
            if self.days_given and day not in theirs:
                return False
            if not self.times_given:
                continue
            options = [theirs[day]] if self.days_given else list(theirs.values())
            if not any(s <= start and end <= e for s, e in options):
                return False
        return True

    def agrees_with(self, other: Schedule) -> bool:
        """Equal, or one gives only an edge of the other's hours ("until 8pm" agrees with "9am–8pm")."""
        if self == other or not (self.edge or other.edge):
            return self == other
        if self.edge and other.edge:
            return False
        part, whole = (self, other) if self.edge else (other, self)
        theirs = whole.by_day()
        for day, instant, _ in part.slots:
            options = [theirs[day]] if part.days_given and whole.days_given and day in theirs else list(theirs.values())
            if part.days_given and whole.days_given and day not in theirs:
                return False
            if not any((end if part.edge == "until" else start) == instant for start, end in options):
                return False
        return True

    def __str__(self) -> str:
        if self.times_given and len(self.slots) == 7 and all(s == 0 and e == 1440 for _, s, e in self.slots):
            return "24/7"
        groups: list[tuple[list[int], tuple[int, int]]] = []
        for day, start, end in sorted(self.slots):
            if groups and groups[-1][1] == (start, end) and groups[-1][0][-1] == day - 1:
                groups[-1][0].append(day)
            else:
                groups.append(([day], (start, end)))
        parts = []
        for days, (start, end) in groups:
            when = f"{_clock(start)}–{_clock(end)}" if self.times_given else ""
            if self.edge:
                when = f"{self.edge} {_clock(start)}"
            names = "" if not self.days_given else (DAYS[days[0]] if len(days) == 1 else f"{DAYS[days[0]]}–{DAYS[days[-1]]}")
            parts.append(" ".join(p for p in (when, names) if p))
        return ", ".join(dict.fromkeys(parts))


EVERY_HOUR = Schedule(tuple((day, 0, 1440) for day in range(7)))
"""Open every hour of every day: "24/7", and "always on", "day and night" (the records' ``always_open``)."""


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_index(word: str) -> int:
    """A weekday's place in the week, Monday 0 to Sunday 6, from its name or abbreviation (Tues, wednesday)."""
    return [d.lower() for d in DAYS].index(word.lower()[:3])


def _days(match: re.Match[str], shapes: ValueShapes) -> list[int]:
    """The weekdays of a match of the ``days`` shape."""
    if match.group("span"):
        span = shapes.day_span.fullmatch(match.group("span"))
        assert span is not None  # the span matched day_span inside days
        first, last = day_index(span.group("a")), day_index(span.group("b"))
        return list(range(first, last + 1)) if first <= last else list(range(first, 7)) + list(range(0, last + 1))
    if match.group("every"):
        return list(range(7))
    if match.group("weekdays"):
        return list(range(5))
    if match.group("weekends"):
        return [5, 6]
    return [day_index(match.group("one"))]


def _suffix(said: str | None) -> str:
    """"am" or "pm" for a clock's suffix: "p.m.", "in the morning" (am), "in the evening", "at night" (pm)."""
    said = (said or "").lower().replace(".", "")
    if said.endswith("morning"):
        return "am"
    if said.endswith(("afternoon", "evening", "night")):
        return "pm"
    return said


def _minutes(clock: re.Match[str], other_suffix: str | None, is_end: bool) -> int:
    word = clock.group("w")
    if word:
        return 1440 if word.lower() == "midnight" and is_end else (0 if word.lower() == "midnight" else 720)
    hour, minute = int(clock.group("h")), int(clock.group("m") or 0)
    suffix = _suffix(clock.group("a") or other_suffix)
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    return min(hour * 60 + minute, 1440)


BARE_OPENS = range(6, 12)
"""Hours a bare range ("9-5", "8 to 6") may open at: the morning, so its lower closing hour is the afternoon's."""


def _working_day(opens: re.Match[str], closes: re.Match[str]) -> tuple[int, int] | None:
    """A bare range of whole hours that only a working day reads ("9-5 weekdays", "8 to 6, Mon-Sat"): opening
    in the morning and closing at a lower hour, which must be the afternoon's; None for any other ("3-5", "2-10")."""
    if opens.group("m") or closes.group("m"):
        return None
    start, end = int(opens.group("h")), int(closes.group("h"))
    if start not in BARE_OPENS or not 1 <= end < start:
        return None
    return start * 60, (end + 12) * 60


def _time_range(match: re.Match[str], shapes: ValueShapes, bare_allowed: bool = False) -> tuple[int, int] | None:
    """(start, end) of a match of ``clock_range``, or None when it is not clearly clock times ("3–5 days", "2-3");
    with ``bare_allowed`` (days named beside it), a working day's bare hours ("9-5 weekdays") are clock times."""
    opens, closes = shapes.clock.fullmatch(match.group("from")), shapes.clock.fullmatch(match.group("to"))
    assert opens is not None and closes is not None  # both matched clock inside clock_range
    clock = opens.group("a") or closes.group("a") or opens.group("w") or closes.group("w") or (opens.group("m") and closes.group("m"))
    if not clock:
        return None if not bare_allowed else _working_day(opens, closes)
    end = _minutes(closes, None, True)
    start = _minutes(opens, None, False)
    if not opens.group("a") and closes.group("a") and not opens.group("w"):
        start = _minutes(opens, closes.group("a"), False)
        if start >= end:
            flipped = "am" if _suffix(closes.group("a")) == "pm" else "pm"
            start = _minutes(opens, flipped, False)
    if end <= start and not (opens.group("a") or closes.group("a") or opens.group("w") or closes.group("w")):
        twelve_hour = not closes.group("h").startswith("0")  # "00:00", "02:00": a 24-hour clock's midnight and small hours
        if twelve_hour and start < 720 and end < 720 and end + 720 > start:
            return start, end + 720  # "8:30 to 5:30": hours with no am or pm that close lower close in the afternoon
    if end <= start:
        end = 1440
    return start, end


def _days_after_bare_hours(text: str, shapes: ValueShapes, days: list[tuple[int, int, list[int]]],
                           ranges: list[re.Match[str]]) -> list[tuple[int, int, list[int]]]:
    """"weekdays" right after a bare range of hours ("9-5 weekdays"), which the ``days`` shape leaves to a
    duration after a digit ("within 5 weekdays"): a clock range before it (one of ``ranges``, the text's) makes
    them the days it holds on."""
    out = []
    for match in ranges:
        if _time_range(match, shapes, True) is None:
            continue  # "3-5 business days": a duration, no hours
        rest = text[match.end():]
        after = shapes.days.match(rest.lstrip())
        at = match.end() + len(rest) - len(rest.lstrip())
        if after is not None and after.group("weekdays") and not any(s == at for s, _, _ in days):
            out.append((at, at + after.end(), _days(after, shapes)))
    return out


_LEFT_OUT_REACH = 40
"""How far before a day its leaving-out words may start ("but we do not deliver on Sundays" fits)."""


def _left_out(text: str, shapes: ValueShapes, named: list[tuple[int, int, list[int]]]) -> list[tuple[int, int, list[int]]]:
    """The days ``text`` names only to leave out ("every day except Sundays", "not Sundays or public holidays",
    "closed Saturdays and Sundays"): a day the ``days_left_out`` words end the text before, and a day joined
    to such a day by "and", "or" or a comma."""
    out: list[tuple[int, int, list[int]]] = []
    previous_end = None
    for day in sorted(named):
        before = text[max(0, day[0] - _LEFT_OUT_REACH):day[0]]
        joined = previous_end is not None and shapes.days_joined.search(text[previous_end:day[0]]) is not None
        if shapes.days_left_out.search(before) or joined:
            out.append(day)
            previous_end = day[1]
        else:
            previous_end = None
    return out


def find_schedules(text: str, shapes: ValueShapes | None = None, holds: Holds | None = None) -> list[tuple[int, int, Schedule]]:
    """Every schedule stated in ``text`` (normalised) as (start, end, schedule); one sentence gives at most one.

    ``holds`` says which word classes the text holds (the engine's reading of its sentence); by
    default the text is read with the built-in packs' words."""
    if shapes is None:
        from cxlint.promises.value_shapes import value_shapes

        shapes = value_shapes()
    every_hour = shapes.all_week.search(text)
    if every_hour:
        return [(every_hour.start(), every_hour.end(), Schedule(tuple((d, 0, 1440) for d in range(7))))]
    named = [(m.start(), m.end(), _days(m, shapes)) for m in shapes.days.finditer(text)]
    ranges = list(shapes.clock_range.finditer(text))  # read here and for the times below: one pass
    named += _days_after_bare_hours(text, shapes, named, ranges)
    left_out = _left_out(text, shapes, named)
    days = [d for d in named if d not in left_out]
    closed = {day for _, _, ds in left_out for day in ds}
    times = [(m.start(), m.end(), r) for m in ranges if (r := _time_range(m, shapes, bool(named)))]
    edge = ""
    other_edges: list[tuple[int, int]] = []
    if not times and (edges := _edges(text, shapes, holds)):
        kept = [e for e in edges if e[2] == edges[0][2]]
        times, edge = [(start, end, (instant, instant)) for start, end, _, instant in kept], edges[0][2]
        other_edges = [(start, end) for start, end, kind, _ in edges if kind != edge]
    if not times and not named:
        return []
    if not times:
        covered = sorted(({d for _, _, ds in days for d in ds} if days else set(range(7))) - closed)
        if not covered:
            return []
        start, end = named[0][0], named[-1][1]
        return [(start, end, Schedule(tuple((d, 0, 1440) for d in covered), True, False))]
    days_first = bool(days) and days[0][0] < times[0][0]
    slots: dict[int, tuple[int, int]] = {}
    for index, (t_start, t_end, (open_at, close_at)) in enumerate(times):
        low = times[index - 1][1] if index else 0
        high = times[index + 1][0] if index + 1 < len(times) else len(text)
        # a day named with an edge of the other kind ("reopens at 7:30 on Monday") is that edge's, not this time's
        low = max([low] + [e for s, e in other_edges if e <= t_start])
        high = min([high] + [s for s, e in other_edges if s >= t_end])
        if days_first:
            mine = [d for d in days if low <= d[0] < t_start]
        else:
            mine = [d for d in days if t_end <= d[0] < high]
        chosen = sorted(({d for _, _, ds in mine for d in ds} or (set(range(7)) if not days else set())) - closed)
        for day in chosen:
            slots[day] = (open_at, close_at)
    if not slots:
        return []
    span_start = min([t[0] for t in times] + [d[0] for d in named])
    span_end = max([t[1] for t in times] + [d[1] for d in named])
    schedule = Schedule(tuple((d, s, e) for d, (s, e) in sorted(slots.items())), bool(named), True, edge)
    return [(span_start, span_end, schedule)]


def _edges(text: str, shapes: ValueShapes, holds: Holds | None) -> list[tuple[int, int, str, int]]:
    """Closing or opening times stated alone ("until 11pm", "from 07:00", "reopens at 9am") as (start, end,
    edge, minute), only in text about opening hours and not about an offer's deadline ("offer valid until
    midnight"). A sentence's schedule keeps the kind of its first edge; the others bound its days."""
    found = []
    for match in shapes.clock_edge.finditer(text):
        clock = shapes.clock.fullmatch(match.group("at"))
        assert clock is not None  # "at" matched clock inside clock_edge
        if not (clock.group("a") or clock.group("w") or clock.group("m")):
            continue  # "until 11" is not clearly a clock time
        word = match.group("edge").lower()
        edge = "from" if word.startswith(("from", "open", "reopen")) else "until"
        found.append((match.start(), match.end(), edge, _minutes(clock, None, edge == "until")))
    if not found:
        return []
    if holds is None:
        from cxlint.promises.wording import holds as text_holds

        def holds(words: str) -> bool:
            return text_holds(text, words)

    if not holds("opening_hours") or holds("deadline"):
        return []
    return found


def parse_schedule(text: str) -> Schedule | None:
    """A registry value such as "09:00-17:00 Mon-Fri" or "24/7"; None when unreadable."""
    found = find_schedules(normalize(text))
    return found[0][2] if found else None
