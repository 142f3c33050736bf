"""What character a regex match can start with, so a rare pattern is only searched where it could begin.

Python's ``re`` skips ahead with a literal prefix, but not past a leading lookbehind or a class
such as ``\\d``: a shape like ``(?<![\\w.]) \\d+ %`` is tried at every position of a document.
Reading the parsed pattern gives the set of characters a match can start with (``\\d``, ``£$€``,
``w``/``i``…); text without one of them cannot hold a match, and that test is one C-level search.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def leading_class(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A one-character regex matching every character a match of ``pattern`` can start with, or None
    when that cannot be told (the pattern can match the empty string, or starts with something exotic)."""
    try:
        parsed = _p.parse(pattern, flags)
    except Exception:
        return None
    parts = _first(list(parsed))
    if not parts:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or bool(parsed.state.flags & re.IGNORECASE)
    return re.compile("[" + "".join(sorted(set(parts))) + "]", re.IGNORECASE if ignore_case else 0)


def _first(items: list[Any]) -> list[str] | None:
    """Character-class fragments that can begin a match of the sequence ``items`` (None: unknown)."""
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op == _c.LITERAL:
            return [re.escape(chr(arg))]
        if op == _c.IN:
            return _in(arg)
        if op == _c.SUBPATTERN:
            inner = _first(list(arg[-1]))
            return inner
        if op == _c.BRANCH:
            out: list[str] = []
            for branch in arg[1]:
                part = _first(list(branch))
                if part is None:
                    return None
                out += part
            return out
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _, body = arg
            if low == 0:
                return None  # optional: the match may start with what follows
            return _first(list(body))
        return None
    return None


def _in(items: list[Any]) -> list[str] | None:
    out: list[str] = []
    for op, arg in items:
        if op == _c.LITERAL:
            out.append(re.escape(chr(arg)))
        elif op == _c.RANGE:
            out.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op == _c.CATEGORY and arg in _CATEGORIES:
            out.append(_CATEGORIES[arg])
        else:
            return None  # a negated class or an exotic category: anything may start it
    return out


_LETTERISH = re.compile(r"[A-Za-z]|\\w|\\s")


def rare_leading_class(pattern: str, flags: int = re.IGNORECASE) -> str | None:
    """``leading_class`` as a pattern string, only when the class holds no letter, ``\\w`` or space:
    digits and currency signs are rare enough in copy to be worth testing first."""
    lead = leading_class(pattern, flags)
    if lead is None or _LETTERISH.search(lead.pattern.replace("\\d", "")):
        return None
    return lead.pattern


DIGIT_CLASS = r"[\d]"
"""The class ``rare_leading_class`` gives a pattern whose matches start with a digit: also the class a
sentence is asked for (``Sentence.holds``) when a match needs a digit anywhere."""

ASCII_DIGIT_CLASS = "[0-9]"
"""``DIGIT_CLASS`` in a text of ASCII characters, where the only decimal digits are 0 to 9."""

_LEAD_REGEXES: dict[str, re.Pattern[str]] = {}


def lead_in(lead: str, text: str) -> str:
    """``lead`` as ``re`` tests it fastest in ``text``: in an ASCII text (known at once) a digit is a range,
    two comparisons a character, where ``\\d`` is a look-up in Unicode's tables at every character."""
    return ASCII_DIGIT_CLASS if lead == DIGIT_CLASS and text.isascii() else lead


def lead_regex(lead: str) -> re.Pattern[str]:
    """A class from ``rare_leading_class``, compiled once. It holds no letter, so it is compiled
    case-sensitively: matching digits or currency signs case-insensitively costs five times as much."""
    regex = _LEAD_REGEXES.get(lead)
    if regex is None:
        regex = _LEAD_REGEXES[lead] = re.compile(lead)
    return regex
