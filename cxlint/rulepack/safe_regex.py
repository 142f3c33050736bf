"""User regexes run under a time limit, so a catastrophic pattern in a repo's pack is an error, not a hang.

Built-in packs are ours and reviewed: they keep stdlib ``re`` for speed. Packs read from a
repository are untrusted input: their patterns are compiled with the ``regex`` package and
every match call carries ``timeout=``. :class:`TimedPattern` offers the few methods the
engine calls (``search``, ``finditer``, ...), so the engine does not know which engine it has.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from cxlint.errors import RuleError

USER_REGEX_TIMEOUT = 1.0
"""Seconds one match call of a user pattern may take before the rule is reported as broken."""


class TimedPattern:
    """A ``regex`` pattern whose every call is bounded by ``timeout`` seconds."""

    __slots__ = ("_compiled", "where", "timeout")

    def __init__(self, compiled: Any, where: str, timeout: float = USER_REGEX_TIMEOUT) -> None:
        self._compiled = compiled
        self.where = where
        self.timeout = timeout

    @property
    def pattern(self) -> str:
        return str(self._compiled.pattern)

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self._compiled.groupindex)

    @property
    def flags(self) -> int:
        return int(self._compiled.flags)

    def _timed_out(self) -> RuleError:
        return RuleError(self.where, f"regex took longer than {self.timeout:g}s (catastrophic backtracking?); rule skipped")

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self._compiled.search(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._timed_out() from exc

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self._compiled.match(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._timed_out() from exc

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self._compiled.fullmatch(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._timed_out() from exc

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        try:
            yield from self._compiled.finditer(string, pos, endpos, timeout=self.timeout)
        except TimeoutError as exc:
            raise self._timed_out() from exc

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return [m.group(0) if not self._compiled.groups else m.groups() for m in self.finditer(string, pos, endpos)]


def compile_untrusted(pattern: str, flags: int, where: str) -> TimedPattern:
    """Compile with ``regex`` (stdlib ``re`` flag values are the same); raises ``regex.error`` when invalid."""
    return TimedPattern(regex.compile(pattern, flags), where)
