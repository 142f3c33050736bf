"""Records kept on disk until the end of a run, for what must be written after something known only then.

A JUnit report states its counts before its cases, SARIF lists the rules used before the results
that point into that list, and a baseline is sorted by path: each of them learns what it needs
only when the last file is done. Holding every record until then would make memory grow with
the findings, so they wait in an anonymous temporary file (gone with the process, however it
ends), one JSON line each, and are read back in order or from where they were written.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Any


class Spill:
    """An append-only file of JSON records; ``add`` says where a record starts, ``at`` reads it back."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+b")
        self._end = 0

    def add(self, record: Any) -> int:
        """Keep ``record`` (JSON data: tuples come back as lists); its offset, for ``at``."""
        line = json.dumps(record, separators=(",", ":")).encode("ascii") + b"\n"  # ASCII: lone surrogates travel as \u escapes
        offset = self._end
        self._file.seek(offset)
        self._file.write(line)
        self._end += len(line)
        return offset

    def at(self, offset: int) -> Any:
        """The record that starts at ``offset``."""
        self._file.seek(offset)
        return json.loads(self._file.readline())

    def __iter__(self) -> Iterator[Any]:
        """Every record, in the order they were added."""
        self._file.seek(0)
        for line in iter(self._file.readline, b""):
            yield json.loads(line)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
