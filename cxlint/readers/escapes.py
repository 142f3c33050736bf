"""Numeric escapes to characters, never to a lone surrogate (spaCy cannot encode one).

``\\uD83D\\uDE00`` is how Java's native2ascii, Android Studio and JSON write one emoji: the pair
is read as one code point. A lone surrogate, or a number beyond Unicode, reads as U+FFFD.
"""

from __future__ import annotations

from cxlint.readers.decoding import REPLACEMENT

UTF16_ESCAPE = r"u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}"
"""Regex (after the backslash) of a ``\\uXXXX`` escape, a surrogate pair tried first so it matches as one."""


def character(code: int) -> str:
    """The character numbered ``code``; a surrogate or a number beyond Unicode is U+FFFD."""
    if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return chr(code)
    return REPLACEMENT


def utf16_escape(escape: str) -> str:
    """The character of ``\\uXXXX`` or of a ``\\uXXXX\\uXXXX`` surrogate pair (as ``UTF16_ESCAPE`` matches)."""
    high = int(escape[2:6], 16)
    if len(escape) == 12:
        low = int(escape[8:12], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return character(high)


_JS_SIMPLE = {"n": " ", "r": " ", "t": " ", "v": " ", "f": " ", "b": " ", "0": " ", "\n": "", "\r": ""}


def javascript_escape(escape: str) -> str:
    """What a JavaScript string escape (``\\n``, ``\\u2019``, ``\\u{1F600}``, ``\\xE9``, ``\\'``) shows in copy.

    Control escapes read as a space, a line continuation as nothing; a malformed escape as its letter.
    """
    body = escape[1:]
    if body[:2] == "u{" and body.endswith("}"):
        try:
            return character(int(body[2:-1], 16))
        except ValueError:
            return body[:1]
    if body[:1] == "u" and len(body) in (5, 11):
        try:
            return utf16_escape(escape)
        except ValueError:
            return "u"
    if body[:1] == "x" and len(body) == 3:
        try:
            return chr(int(body[1:], 16))
        except ValueError:
            return "x"
    if body.startswith("\r\n"):
        return ""
    return _JS_SIMPLE.get(body[:1], body[:1])
