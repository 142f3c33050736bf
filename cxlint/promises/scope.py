"""What a registry entry is about and when it holds: its medium (email, chat, phone…), its days, its scope.

An entry's id and scope are read with the very words the engine reads copy with (the built-in
packs' ``records:`` section): "chat-first-reply" is about chat, "every day of the year" holds on
every day, "annual plans only" limits whom it is for. A promise about email replies is then backed
only by an entry about email (or one naming no medium), only on the days the entry holds, and not
for everyone ("on every plan") when its scope is limited.
"""

from __future__ import annotations

from cxlint.engine.records.context import days_stated as _days_in
from cxlint.promises.wording import hits, read_as_copy


def media_named(text: str) -> frozenset[str]:
    """Every medium ``text`` names (an entry's id and scope: "chat-first-reply", "live chat and phone")."""
    reading, sentence = read_as_copy(text.replace("-", " "))
    return frozenset(name for name, words in reading.spec.media if reading.hits(words, sentence))


def channel_medium(channel: str | None) -> frozenset[str]:
    """The medium copy of ``channel`` speaks through when it names none (a chatbot's is chat)."""
    from cxlint.rulepack.loader import builtin_ruleset

    medium = builtin_ruleset().records.channel_media.get(channel or "")
    return frozenset({medium}) if medium else frozenset()


def days_stated(text: str) -> frozenset[int] | None:
    """The weekdays an entry's scope says it holds on ("every day", "Monday to Friday"); None when it does not say."""
    reading, sentence = read_as_copy(text)
    return _days_in(reading, sentence)


def widens_scope(entry_scope: str, copy: str, start: int = 0, end: int | None = None) -> str:
    """The words by which the promise at ``copy[start:end]`` claims to hold for everyone ("on every
    plan", "no minimum") when the entry's scope limits it ("annual plans only", "orders of $49 or
    more"); "" otherwise. Only the promise's own clause counts: in "15% off full-price gear and free
    gift wrapping on every order" the "every order" belongs to the gift wrapping."""
    if not hits(entry_scope, "scope_limit"):
        return ""
    end = len(copy) if end is None else end
    joins = hits(copy, "clause_join")
    left = max((e for s, e in joins if e <= start), default=0)
    right = min((s for s, e in joins if s >= end), default=len(copy))
    found = [(s, e) for s, e in hits(copy, "universal") if left <= s and e <= right]
    if not found:
        return ""
    first, last = min(found, key=lambda hit: (hit[0], -hit[1]))
    return copy[first:last]
