"""A regex compiled on first use: most rules never see a candidate in a given run."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cxlint.text.plain_ascii import plain_ascii


_NON_ASCII_ESCAPE = re.compile(r"\\(?:[uUN]|x[89a-fA-F]|[23][0-7]{2})")
"""An escape in a pattern that may stand for a character beyond ASCII (``\\u212a``, the Kelvin sign, matches
"k" when case is ignored, but not in the pattern's ASCII form). An escaped backslash before one errs on the safe side."""


class LazyRegex:
    """Quacks like the parts of ``re.Pattern`` the engine uses; compiles once, when first needed."""

    __slots__ = ("pattern", "flags", "_compiled", "_ascii")

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled
        self._ascii: re.Pattern[str] | bool | None = None

    def __getstate__(self) -> tuple[str, int, object]:
        """Pickled without a stdlib compiled pattern (it compiles again on first use, as at load)."""
        compiled = self._compiled
        return (self.pattern, self.flags, None if isinstance(compiled, re.Pattern) else compiled)

    def __setstate__(self, state: tuple[str, int, object]) -> None:
        self.pattern, self.flags, self._compiled = state  # type: ignore[assignment]
        self._ascii = None

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
        return self.compiled_for(text).finditer(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled_for(text).search(text, pos)

    def compiled_for(self, text: str) -> re.Pattern[str]:
        """The compiled form to match ``text`` with: for a text ``plain_ascii`` lets through, the pattern's ASCII
        form, which finds the same matches there without Unicode's tables (when the pattern is ASCII and ``re``'s)."""
        if plain_ascii(text):
            ascii_form = self._ascii
            if ascii_form is None:
                ascii_form = self._ascii = self._ascii_form()
            if ascii_form is not False:
                return ascii_form  # type: ignore[return-value]
        return self.compiled

    def _ascii_form(self) -> re.Pattern[str] | bool:
        if not isinstance(self.compiled, re.Pattern) or not self.pattern.isascii() or _NON_ASCII_ESCAPE.search(self.pattern):
            return False  # a non-ASCII letter, written or escaped, may match an ASCII one when case is ignored (K, k)
        try:
            return re.compile(self.pattern, self.flags | re.ASCII)
        except (re.error, ValueError):  # a pattern that asks for Unicode itself
            return False

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "lazy"
        return f"LazyRegex({self.pattern[:40]!r}, {state})"
