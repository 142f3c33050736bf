"""What a service level is about and when it holds: its medium (email, chat, phone…) and its days.

"We reply to emails within 24 hours, weekends included" promises a reply time *for email* on
*every day*; the registry entry backs it only if it is about email (or names no medium) and
its scope covers every day. The same reading applies to copy and to registry entries (their
id, value and scope), so both sides are described in the same words.
"""

from __future__ import annotations

import re

from cxlint.promises import vocabulary
from cxlint.promises.hours import find_schedules

ALL_DAYS = frozenset(range(7))
_CLAUSE_JOIN = re.compile(r"[.;!?](?:\s|$)|\s[—–]\s|\b(?:and|but|plus|while)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|we[’'](?:re|ll|ve)|our|ours|us)\b", re.IGNORECASE)


def media_near(text: str, start: int, end: int) -> frozenset[str]:
    """The medium named nearest to ``text[start:end]`` (none when the text names none)."""
    best: tuple[int, str] | None = None
    for name, pattern in vocabulary.media().items():
        for match in pattern.finditer(text):
            distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
            if best is None or distance < best[0]:
                best = (distance, name)
    return frozenset({best[1]}) if best else frozenset()


def media_named(text: str) -> frozenset[str]:
    """Every medium ``text`` names (an entry's id and scope: "chat-first-reply", "live chat and phone")."""
    text = text.replace("-", " ")
    return frozenset(name for name, pattern in vocabulary.media().items() if pattern.search(text))


def channel_medium(channel: str | None) -> frozenset[str]:
    medium = vocabulary.channel_media().get(channel or "")
    return frozenset({medium}) if medium else frozenset()


def days_stated(text: str) -> frozenset[int] | None:
    """The weekdays a reply or delivery promise says it holds on; None when it says nothing about days.

    "every day", "weekends included", "24/7" are every day; "Monday to Friday", "weekdays"
    are those days. "during those hours" adds no days of its own (it keeps the entry's).
    """
    if vocabulary.words("every_day").search(text):
        return ALL_DAYS
    for _, _, schedule in find_schedules(text):
        if schedule.days_given:
            return frozenset(day for day, _, _ in schedule.slots)
    return None


def keeps_hours(text: str) -> bool:
    """True for "during those hours", "while we're open": the promise stays within stated hours."""
    return bool(vocabulary.words("within_hours").search(text))


def names_competitor(before: str, clause: str) -> bool:
    """True when a clause is about another company, not ours: a competitor cue in it or before it
    in the sentence ("unlike LeafCo, whose lines close at 5pm"), and no "we" or "our" in the clause
    itself ("unlike most providers, we reply within the hour" stays ours)."""
    if _FIRST_PERSON.search(clause):
        return False
    cues = vocabulary.words("competitor")
    return bool(cues.search(clause) or cues.search(before))


def widens_scope(entry_scope: str, copy: str, start: int = 0, end: int | None = None) -> str:
    """The words by which the promise at ``copy[start:end]`` claims to hold for everyone ("on every
    plan", "no minimum") when the entry's scope limits it ("annual plans only", "orders of $49 or
    more"); "" otherwise. Only the promise's own clause counts: in "15% off full-price gear and free
    gift wrapping on every order" the "every order" belongs to the gift wrapping."""
    if not vocabulary.words("scope_limits").search(entry_scope):
        return ""
    end = len(copy) if end is None else end
    left = max((m.end() for m in _CLAUSE_JOIN.finditer(copy, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_JOIN.finditer(copy, end)), len(copy))
    found = vocabulary.words("universal").search(copy, left, right)
    return found.group(0) if found else ""
