"""Typographic normalisation of the mask: curly quotes, primes and dashes made plain, same length.

Rules and lexicons then spell an apostrophe, a quote or a dash one way only, and every offset
into the normalised text is still an offset into the source.
"""

from __future__ import annotations

import re

_PLAIN = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "\u00b4": "'", "\u0060": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(_PLAIN)) + "]")


def _plain(match: re.Match[str]) -> str:
    return _PLAIN[match.group()]


def normalize(text: str) -> str:
    """``text`` with typographic apostrophes, quotes, dashes and odd spaces made plain (same length).

    Only the characters to change are visited: ``str.translate`` looks every character of the
    text up in its table, which cost more than the rest of reading a page.
    """
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    return _TYPOGRAPHIC.sub(_plain, text)
