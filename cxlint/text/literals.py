"""Literal text a regex match must contain, read from the parsed pattern, so a search over a
long text can be skipped at C speed when none of it is there.

Python's ``re`` only skips ahead by a literal prefix; an alternation of ``\\b``-led words is tried
at every position. If every match must hold one of a few literal strings (``unsubscribe``,
``mso-``, ``<mjml``…), ``str.__contains__`` over the text decides first whether the search can
succeed at all. Derived from the pattern, never written beside it, so the two cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cxlint.text.leading import DIGIT_CLASS, lead_in, lead_regex

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_LITERAL = 3
"""Shorter runs of letters are too common to rule a text out; a shorter literal holding a sign
(``#``, ``£``, ``%``) is rare enough."""


@dataclass(frozen=True)
class LiteralGate:
    """A regex and the literals one of which every match holds (case-folded when it ignores case:
    full case folding maps at least everything the regex's own folding would)."""

    regex: re.Pattern[str]
    literals: tuple[str, ...] | None
    ignore_case: bool
    digit: bool = False
    """Every match holds a digit."""
    digit_or: tuple[str, ...] | None = None
    """When ``literals`` is None: literals one of which every match holds unless it holds a digit
    (``twice|\\d+ x``): the text must hold one of them or a digit."""

    def may_match(self, text: str, folded: str | None = None, digit: bool | None = None) -> bool:
        """False when ``text`` cannot hold a match: none of the literals, or no digit where one is
        needed. ``folded`` is ``text.casefold()`` and ``digit`` whether it holds a digit, when the caller has them."""
        if self.digit and not (digit if digit is not None else holds_digit(text)):
            return False
        wanted = self.literals if self.literals is not None else self.digit_or
        if wanted is None:
            return True
        probe = (folded if folded is not None else text.casefold()) if self.ignore_case else text
        if any(literal in probe for literal in wanted):
            return True
        return self.literals is None and (digit if digit is not None else holds_digit(text))

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """``regex.search(text)``, skipped when ``text`` cannot hold a match."""
        return self.regex.search(text) if self.may_match(text, folded) else None


def holds_digit(text: str) -> bool:
    """Whether ``text`` holds a digit: what a gate whose matches need one asks first."""
    return lead_regex(lead_in(DIGIT_CLASS, text)).search(text) is not None


def literal_gate(regex: re.Pattern[str], rarest: bool = False) -> LiteralGate:
    """The literals every match of ``regex`` holds. With ``rarest``, a part of a sequence that holds
    longer words (``(?:responses|intents):``) is preferred to a short run of its own (``:``): for a
    test of a whole file's head, where a sign is in nearly every text and a word is not."""
    try:
        parsed = _p.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - it compiled, so it parses
        return LiteralGate(regex, None, False)
    ignore_case = bool((regex.flags | parsed.state.flags) & re.IGNORECASE)
    items = list(parsed)
    digit = _needs_digit(items)
    found = _needed(items, rarest=rarest)
    if found is None:
        either = None if digit else _needed(items, digits=True)
        if either is None:
            return LiteralGate(regex, None, ignore_case, digit)
        return LiteralGate(regex, None, ignore_case, digit, _folded({f for f in either if f is not None}, ignore_case))
    return LiteralGate(regex, _folded(set(found), ignore_case), ignore_case, digit)


def needs_digit(pattern: str, flags: int) -> bool:
    """Whether every match of ``pattern`` holds a digit (False when that cannot be told)."""
    try:
        return _needs_digit(list(_p.parse(pattern, flags)))
    except Exception:  # not a pattern ``re`` reads: nothing is promised
        return False


def _folded(found: set[str], ignore_case: bool) -> tuple[str, ...]:
    return tuple(sorted({f.casefold() for f in found} if ignore_case else found))


def needed_literals(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of ``regex`` holds, or None when that cannot be told."""
    return literal_gate(regex).literals


def _needed(items: list[Any], digits: bool = False, rarest: bool = False) -> list[Any] | None:
    """For a sequence: its longest run of literal characters, else what one of its required parts needs
    (with ``rarest``, whichever of those has the longest shortest literal).

    With ``digits``, a branch with no literal but a required digit gives None in the list (any digit will do).
    """
    run: list[str] = []
    best = ""
    for op, arg in items:
        if op == _c.LITERAL:
            run.append(chr(arg))
            if len(run) > len(best):
                best = "".join(run)
        else:
            run = []
    worth = len(best) >= MIN_LITERAL or bool(best and not best.replace(" ", "").isalnum() and best.strip())
    if worth and not rarest:
        return [best]
    options: list[list[Any]] = [[best]] if worth else []
    for op, arg in items:
        part = _required_part(op, arg, digits, rarest)
        if part is not None:
            options.append(part)
    if not options:
        return None
    return max(options, key=lambda found: min(len(f) if f is not None else 1 for f in found))


def _needs_digit(items: list[Any]) -> bool:
    """Whether every match of the sequence holds a digit (a required ``\\d``, or ``[0-9]``)."""
    for op, arg in items:
        if op == _c.IN and _only_digits(arg):
            return True
        if op == _c.SUBPATTERN and _needs_digit(list(arg[-1])):
            return True
        if op == _c.BRANCH and all(_needs_digit(list(branch)) for branch in arg[1]):
            return True
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1 and _needs_digit(list(arg[2])):
            return True
        if op == _c.LITERAL and chr(arg).isdigit():
            return True
    return False


def _only_digits(items: list[Any]) -> bool:
    """A character class that matches nothing but digits."""
    if not items:
        return False
    for op, arg in items:
        if op == _c.CATEGORY and arg == _c.CATEGORY_DIGIT:
            continue
        if op == _c.RANGE and chr(arg[0]).isdigit() and chr(arg[1]).isdigit():
            continue
        if op == _c.LITERAL and chr(arg).isdigit():
            continue
        return False
    return True


def _required_part(op: Any, arg: Any, digits: bool, rarest: bool = False) -> list[Any] | None:
    if op == _c.SUBPATTERN:
        return _needed(list(arg[-1]), digits, rarest)
    if op == _c.BRANCH:
        out: list[Any] = []
        for branch in arg[1]:
            found = _needed(list(branch), digits, rarest)
            if found is None:
                if not (digits and _needs_digit(list(branch))):
                    return None
                found = [None]
            out += found
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1:
        return _needed(list(arg[2]), digits, rarest)
    return None
