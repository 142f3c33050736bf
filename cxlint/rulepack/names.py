"""Errors for unknown names that say which name was probably meant."""

from __future__ import annotations

from collections.abc import Iterable


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name ``name`` most probably misspells, if one is close enough."""
    import difflib  # only when a name is wrong: a clean run never loads it

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'barista'?)`` or, with no close name, the valid names when there are few."""
    choices = sorted(set(known))
    close = closest(name, choices)
    if close:
        return f" (did you mean {close!r}?)"
    if 0 < len(choices) <= 8:
        return f" (expected one of: {', '.join(choices)})"
    return ""
