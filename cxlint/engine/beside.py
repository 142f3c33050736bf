"""What a run remembers for a rule set, a gate or a model, kept beside it rather than in it.

Copy repeats across files, so several stages remember what they worked out per text for the run. The
memory is kept in a table of the stage's own, keyed by the owner's identity and holding the owner, so a
copy of the owner (the tests' other paths) or another rule set starts with none, and a server that
reloads its packs does not keep the old ones' memories for ever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

OWNERS = 8
"""Owners a table keeps memories for before it starts again (rule sets no longer used)."""


def kept_beside(table: dict[int, tuple[object, T]], owner: object, make: Callable[[], T]) -> T:
    """The memory ``table`` keeps for ``owner``, made with ``make`` the first time it is asked for."""
    entry = table.get(id(owner))
    if entry is None or entry[0] is not owner:
        if len(table) > OWNERS:
            table.clear()
        entry = table[id(owner)] = (owner, make())
    return entry[1]
