"""Where two equal-length strings differ, found fast when the differences are few (template spans in a file)."""

from __future__ import annotations

from collections.abc import Iterator

_BLOCK = 256


def changed_positions(a: str, b: str) -> Iterator[int]:
    """Indices where ``a`` and ``b`` (same length) differ: blocks compared in C, characters only in differing blocks."""
    for block in range(0, len(a), _BLOCK):
        end = block + _BLOCK
        if a[block:end] != b[block:end]:
            for index in range(block, min(end, len(a))):
                if a[index] != b[index]:
                    yield index
