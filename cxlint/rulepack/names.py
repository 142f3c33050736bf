"""Errors for unknown names that say which name was probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'barista'?)`` or, with no close name, the valid names when there are few."""
    choices = sorted(set(known))
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    if 0 < len(choices) <= 8:
        return f" (expected one of: {', '.join(choices)})"
    return ""
