"""Offsets to 1-based line and column (code points), derived in one place."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps character offsets of a text to (line, column); ``\\r\\n`` counts as one break."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset``; the end of a line is its last column + 1."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r")
