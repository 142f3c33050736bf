"""Build a mask the structured way: start blank, reveal copy where it stands, decode escapes in place.

Readers of markup and string files know where the copy is; they reveal those ranges of the
source and leave the rest blank. An entity or escape is decoded into its first position and the
rest of it blanked (``&amp;`` -> ``&    ``), so the mask keeps the source's length.
"""

from __future__ import annotations

import html
import re

from cxlint.document import BLOCK_BREAK

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_BLANKS = frozenset(" \t\r\n\u00a0")


def blank(text: str) -> str:
    """``text`` with everything but line feeds turned into spaces (line by line: a substitution
    per character costs twenty times as much)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


class Mask:
    """A mutable mask over ``source``: blank until a reader reveals copy in it."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars = list(blank(source))

    def reveal(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` into the mask as it stands."""
        self.chars[start:end] = self.source[start:end]

    def reveal_entities(self, start: int, end: int) -> None:
        """Reveal ``[start, end)`` with HTML/XML character references decoded in place."""
        self.reveal(start, end)
        if "&" in self.source[start:end]:
            for match in ENTITY.finditer(self.source, start, end):
                self.write_entity(match.start(), match.end())

    def write_entity(self, start: int, end: int) -> None:
        """Decode the character reference at ``source[start:end]`` in place.

        Without its ``;`` a legacy name may stop short of the letters after it: ``&ampWe`` is ``&``
        then ``We``. Those letters keep their own positions, so a finding on them points at them.
        """
        raw = self.source[start:end]
        decoded = html.unescape(raw)
        kept = _common_suffix(raw, decoded)
        self.write(start, end - kept, decoded[: len(decoded) - kept])

    def write(self, start: int, end: int, decoded: str) -> None:
        """Put ``decoded`` (the meaning of ``source[start:end]``) at ``start``; blank the rest."""
        if len(decoded) > end - start:
            decoded = self.source[start:end]
        self.chars[start : start + len(decoded)] = decoded
        for index in range(start + len(decoded), end):
            self.chars[index] = "\n" if self.source[index] == "\n" else " "

    def blank(self, start: int, end: int) -> None:
        self.chars[start:end] = blank(self.source[start:end])

    def splice(self, start: int, mask: str) -> None:
        """Put a mask made for ``source[start:start + len(mask)]`` in place."""
        self.chars[start : start + len(mask)] = mask

    def block_break(self, position: int) -> None:
        """End a block at ``position`` when nothing visible stands there."""
        if 0 <= position < len(self.chars) and self.chars[position] in _BLANKS:
            self.chars[position] = BLOCK_BREAK

    def is_blank(self, position: int) -> bool:
        return self.chars[position] in _BLANKS

    def text(self) -> str:
        return "".join(self.chars)


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (index 0 is line 1)."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|hr)\b", re.IGNORECASE)


def reveal_markup_string(mask: Mask, start: int, end: int) -> None:
    """For strings that may hold inline HTML (locale files): blank the tags, decode entities."""
    source = mask.source
    if "<" in source[start:end]:
        for match in _TAG.finditer(source, start, end):
            mask.blank(match.start(), match.end())
            if _BLOCK_TAG.match(match.group(0)):
                mask.block_break(match.start())
    if "&" in source[start:end]:
        for match in ENTITY.finditer(source, start, end):
            if not mask.is_blank(match.start()):
                mask.write_entity(match.start(), match.end())


def _common_suffix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their ends."""
    size = 0
    while size < len(a) and size < len(b) and a[-1 - size] == b[-1 - size]:
        size += 1
    return size
