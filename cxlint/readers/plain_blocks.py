"""Markdown that is plain paragraphs only, read without the parser (and without importing it).

A text none of whose lines is indented or opens with a list marker, ``=``, ``#``, ``>`` or a digit
and a dot, and that holds none of ``*_`[]<|&\\~`` (nor a tab, a carriage return or another blank
but the space), can only be paragraphs whose text is their lines: markdown-it would reveal every
character of them and end each at its last one. (``#`` and ``>`` are markup only where a line
starts, ``!`` only before ``[``.) With markup anywhere the parser reads the whole text: a plain
paragraph among markup costs it little (its text is one regex step), and only the whole text
says whether a fence or an HTML block holds it.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[*_`\[\]<|&\\~\x00-\x09\x0b-\x1f\x7f]|[^\S \n]")
"""A character that may be markup, or a blank the parser trims, expands or ends a line at."""
_OPENER = re.compile(r"^(?:[-+=#>]|\d+[.)]| +[^ \n])", re.MULTILINE)
"""A line that may open something other than paragraph text (a list item, a heading, a quote, code)."""


def paragraph_ends(text: str) -> list[int] | None:
    """Where each paragraph of ``text`` ends (after its last visible character) when the text is
    nothing but plain paragraphs; None when any of it may be markup."""
    if _UNSAFE.search(text) is not None or _OPENER.search(text) is not None:
        return None
    ends: list[int] = []
    position = 0
    last = -1
    for line in text.split("\n"):
        visible = len(line.rstrip(" "))
        if visible:
            last = position + visible
        elif last >= 0:
            ends.append(last)
            last = -1
        position += len(line) + 1
    if last >= 0:
        ends.append(last)
    return ends
