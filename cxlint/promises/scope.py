"""What a registry entry is about and when it holds: its medium (email, chat, phone…), its days, its scope.

An entry's id and scope are read with the very words the engine reads copy with (the built-in
packs' ``records:`` section): "chat-first-reply" is about chat, "every day of the year" holds on
every day, "annual plans only" limits whom it is for. A promise about email replies is then backed
only by an entry about email (or one naming no medium), only on the days the entry holds, and not
for everyone ("on every plan") when its scope is limited.
"""

from __future__ import annotations

import re

from cxlint.engine.records.context import days_stated as _days_in
from cxlint.promises.phrases import content_words
from cxlint.promises.wording import hits, read_as_copy
from cxlint.text.normalize import normalize


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
    gift wrapping on every order" the "every order" belongs to the gift wrapping; a list after a dash
    ("- hosting, domains, everything") is what the promise before it covers."""
    if not hits(entry_scope, "scope_limit"):
        return ""
    end = len(copy) if end is None else end
    joins = hits(copy, "clause_join")
    left = max((e for s, e in joins if e <= start), default=0)
    after = [(s, e) for s, e in joins if s >= end]
    while after and _lists_what_it_covers(copy, after):
        after = after[1:]  # "Full refund within 30 days - hosting, domains, everything": the list is the promise's
    right = after[0][0] if after else len(copy)
    # a universal the scope states itself ("members, every order, excludes gift cards") is the entry's own
    # reach: copy repeating it ("5% off every order") claims no more than the entry
    stated = [content_words(entry_scope[s:e]) for s, e in hits(entry_scope, "universal")]
    found = [(s, e) for s, e in hits(copy, "universal")
             if left <= s and e <= right and not any(content_words(copy[s:e]) <= words for words in stated)
             and not _in_its_place(entry_scope, copy, e)]
    if not found:
        return ""
    first, last = min(found, key=lambda hit: (hit[0], -hit[1]))
    return copy[first:last]


_PLACE_NAMES = re.compile(r"\s+(?:the\s+)?([A-Z][\w'-]*(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w'-]*)*)")
"""Names after a place word: "Leeds", "Kent or Sussex", "Cairo, Giza and Alexandria"."""
_NEXT_WORD = re.compile(r"\s+(?:the\s+)?[\w'-]+")
"""The word after a scope's "the rest of", "outside", "except": the place it leaves out."""


def _in_its_place(entry_scope: str, copy: str, end: int) -> bool:
    """Whether a universal ending at ``end`` is bounded by places the entry's scope names ("anywhere in
    Leeds" against "Leeds addresses"): everywhere there claims no more than the entry. Every place named
    must be one: "anywhere in Kent or Sussex" is wider than "Kent only". A place is matched by its name
    alone, so a part of a place the scope names ("the Leeds ring road") is taken for the whole of it."""
    lead = next(((s, e) for s, e in hits(copy[end:end + 40], "place_within") if not copy[end:end + s].strip()), None)
    names = _PLACE_NAMES.match(copy, end + lead[1]) if lead else None
    if names is None:
        return False
    places = content_words(names.group(1)) - {"and", "or"}
    return bool(places) and places <= content_words(_places_held(entry_scope))


def _places_held(entry_scope: str) -> str:
    """The scope without the places it leaves out ("Pune only; the rest of India takes longer": not India)."""
    held = entry_scope
    for start, end in reversed(hits(entry_scope, "scope_left_out")):
        after = _NEXT_WORD.match(entry_scope, end)
        held = held[:start] + " " + held[after.end() if after else end:]
    return held


LIST_ITEM_WORDS = 3
"""Words an item of a list after a dash may have ("hosting, domains, everything")."""


def _lists_what_it_covers(copy: str, joins: list[tuple[int, int]]) -> bool:
    """True when the first of ``joins`` is a dash followed, up to the next join, by a list of short
    items: what the promise before it covers, not a second promise ("- and gift wrapping on every order")."""
    (start, end), rest = joins[0], joins[1:]
    if normalize(copy[start:end]).strip() != "-":
        return False
    items = copy[end : rest[0][0] if rest else len(copy)].split(",")
    return len(items) >= 2 and all(1 <= len(item.split()) <= LIST_ITEM_WORDS for item in items)


_LINKING_VERB = re.compile(r"\s*\b(?:is|are)$", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r",|\band\b|\bor\b|/", re.IGNORECASE)


def excluded_items(entry_scope: str) -> list[str]:
    """What an entry's scope leaves out, item by item: "labour" in "unused parts; labour is not
    refundable", "back-ordered parts" in "…; excludes back-ordered parts", "online marketplaces" and
    "US sellers" in "online marketplaces and US sellers excluded"."""
    items: list[str] = []
    for part in re.split(r"[;.]|\s-\s|\(|\)", entry_scope):
        for _, end in hits(part, "scope_excludes"):
            items += _ITEM_SPLIT.split(part[end:])
        for start, _ in hits(part, "scope_excluded"):
            items += _ITEM_SPLIT.split(part[:start])
        for piece in part.split(","):
            # "standard rentals; not Kestrel Flex", "breakdowns only, not bookings or billing": a piece of
            # the scope opened by a negation names what it leaves out
            for _, end in hits(piece.strip(), "negation")[:1]:
                items += _ITEM_SPLIT.split(piece.strip()[end:])
    items = [_LINKING_VERB.sub("", " ".join(item.split())) for item in items]
    return list(dict.fromkeys(item for item in items if item))


def names_excluded(entry_scope: str, copy: str) -> str:
    """The item an entry's scope leaves out that ``copy`` names as covered ("a full refund on parts and
    labour" against "labour is not refundable"); "" when it names none, or says an exclusion of its own."""
    if hits(copy, "scope_excludes") or hits(copy, "scope_excluded"):
        return ""
    have = content_words(copy)
    for item in excluded_items(entry_scope):
        words = content_words(item)
        if words and words <= have:
            return item
    return ""
