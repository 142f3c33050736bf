"""Source offsets (code points) to LSP positions: 0-based lines split as LSP splits them, and
characters counted in the code units the client and server agreed on (UTF-16 unless the client offers
another: an emoji is one code point, two UTF-16 units, four UTF-8 bytes)."""

from __future__ import annotations

import bisect
import re

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""LSP's line breaks: ``\\r\\n``, ``\\r`` and ``\\n`` (cxlint's own lines break at ``\\n`` only)."""


def code_units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes (a lone surrogate counts as it would be sent)."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    raise ValueError(f"unknown position encoding {encoding!r}; expected one of {', '.join(ENCODINGS)}")


class EditorPositions:
    """Maps offsets of one text to ``(line, character)`` as an LSP client counts them."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        code_units("", encoding)  # refuse an unknown encoding here, not at the first finding
        self._text = text
        self._encoding = encoding
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based line and the code-unit character of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line, code_units(self._text[self._starts[line] : offset], self._encoding)

    def line_end(self, line: int) -> int:
        """The offset where 0-based ``line`` ends, before its line break."""
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
        text = self._text
        while end > self._starts[line] and text[end - 1] in "\r\n":
            end -= 1
        return end
