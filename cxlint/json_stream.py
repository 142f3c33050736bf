"""Writing one JSON document a piece at a time, byte for byte what ``json.dumps(whole, indent=2)`` writes.

A report's findings array is written as each file is done, so the run never holds the whole
document: containers are opened, values written into them, containers closed, and the commas,
newlines and indentation come out exactly as the standard encoder would place them (an empty
container is ``[]`` or ``{}``, as there).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TextIO

ValueWriter = Callable[[Any, TextIO, "int | None", int], None]
"""Writes one value at a depth: ``(value, stream, indent, depth)``."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def write_exact(value: Any, stream: TextIO, indent: int | None = None, depth: int = 0) -> None:
    """``json.dump`` in UTF-8 that reads back to the same value: a lone surrogate (a file name's
    undecodable byte) is written as its ``\\udcff`` escape, which no UTF-8 encoder would refuse."""
    margin = "\n" + " " * ((indent or 0) * depth)
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(value):
        chunk = _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", chunk)
        stream.write(chunk.replace("\n", margin) if depth and indent is not None else chunk)  # a JSON string never holds a raw newline


class JsonWriter:
    """Open containers, write values into them, close them; ``key`` names a member of an open object."""

    def __init__(self, stream: TextIO, indent: int = 2, write_value: ValueWriter = write_exact) -> None:
        self.stream = stream
        self.indent = indent
        self.write_value = write_value
        self._open: list[list[Any]] = []  # per open container: its closing bracket, how many members so far

    def begin_object(self, key: str | None = None) -> None:
        self._begin("{", "}", key)

    def begin_array(self, key: str | None = None) -> None:
        self._begin("[", "]", key)

    def value(self, value: Any, key: str | None = None) -> None:
        self._lead(key)
        self.write_value(value, self.stream, self.indent, len(self._open))

    def end(self) -> None:
        """Close the innermost open container."""
        closer, members = self._open.pop()
        self.stream.write(f"\n{' ' * (self.indent * len(self._open))}{closer}" if members else closer)

    def _begin(self, opener: str, closer: str, key: str | None) -> None:
        self._lead(key)
        self.stream.write(opener)
        self._open.append([closer, 0])

    def _lead(self, key: str | None) -> None:
        if self._open:
            top = self._open[-1]
            self.stream.write(f"{',' if top[1] else ''}\n{' ' * (self.indent * len(self._open))}")
            top[1] += 1
        if key is not None:
            self.stream.write(json.dumps(key, ensure_ascii=False) + ": ")
