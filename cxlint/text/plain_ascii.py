"""Whether a text can be matched by a pattern's ASCII form (``re.ASCII``) with the same result.

``re`` tests ``\\w``, ``\\d``, ``\\s`` and ignored case at a character by a look-up in Unicode's tables;
in ASCII mode, by a table of 128. In an ASCII text they mean the same, save four separators.
"""

from __future__ import annotations


def plain_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII (known at once) without the four separators U+001C to U+001F, which
    Unicode counts as white space and ASCII does not."""
    return text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text
