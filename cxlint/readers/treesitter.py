"""Tree-sitter parsers by grammar name, and the map from the byte offsets they report to characters.

Tree-sitter parses UTF-8 bytes and reports byte offsets; cxlint's positions count code points.
The map keeps only the multi-byte characters, so an ASCII file costs nothing and any other file
one entry per non-ASCII character. Grammars are imported on first use.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Parser, Tree

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _tsx() -> object:
    import tree_sitter_typescript

    return tree_sitter_typescript.language_tsx()


def _embedded_template() -> object:
    import tree_sitter_embedded_template

    return tree_sitter_embedded_template.language()


GRAMMARS: dict[str, Callable[[], object]] = {"tsx": _tsx, "embedded_template": _embedded_template}


@lru_cache(maxsize=None)
def _parser(grammar: str) -> Parser:
    from tree_sitter import Language, Parser

    return Parser(Language(GRAMMARS[grammar]()))


def parse(grammar: str, text: str) -> tuple[Tree, CharOffsets]:
    """The syntax tree of ``text`` (tree-sitter never refuses input: broken parts become ERROR nodes)."""
    offsets = CharOffsets(text)
    return _parser(grammar).parse(offsets.data), offsets


class CharOffsets:
    """Character offset of each UTF-8 byte offset of ``text``."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8", "surrogatepass")
        self._ends = array("q")  # byte offset just past each multi-byte character
        self._extra = array("q")  # bytes beyond one per character, up to and including it
        if len(self.data) == len(text):
            return
        extra = 0
        for match in _NON_ASCII.finditer(text):
            width = len(match.group().encode("utf-8", "surrogatepass")) - 1
            extra += width
            self._ends.append(match.start() + extra + 1)
            self._extra.append(extra)

    def __call__(self, byte: int) -> int:
        index = bisect_right(self._ends, byte)
        return byte - (self._extra[index - 1] if index else 0)
