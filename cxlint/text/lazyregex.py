"""A regex compiled on first use: most rules never see a candidate in a given run."""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyRegex:
    """Quacks like the parts of ``re.Pattern`` the engine uses; compiles once, when first needed."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled

    def __getstate__(self) -> tuple[str, int, object]:
        """Pickled without a stdlib compiled pattern (it compiles again on first use, as at load)."""
        compiled = self._compiled
        return (self.pattern, self.flags, None if isinstance(compiled, re.Pattern) else compiled)

    def __setstate__(self, state: tuple[str, int, object]) -> None:
        self.pattern, self.flags, self._compiled = state  # type: ignore[assignment]

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    @property
    def stdlib(self) -> bool:
        """Whether ``re`` compiles it (a built-in pack's): what ``re``'s parser reads of it holds for its matches."""
        return self._compiled is None or isinstance(self._compiled, re.Pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "lazy"
        return f"LazyRegex({self.pattern[:40]!r}, {state})"
