"""User regexes run under limits, so a hostile pattern in a repo's pack is an error, not a hang or a crash.

Built-in packs are ours and reviewed: they keep stdlib ``re`` for speed. Packs read from a
repository are untrusted input: their patterns are checked before compiling (length, nesting,
and how far nested counted repeats multiply: ``(?:(?:a{1000}){1000}){1000}`` would need tens of
GB to compile), compiled with the ``regex`` package, and every match call carries ``timeout=``.
:class:`TimedPattern` offers the few methods the engine calls (``search``, ``finditer``, ...),
so the engine does not know which engine it has.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import re

import regex

from cxlint.errors import RuleError

USER_REGEX_TIMEOUT = 1.0
"""Seconds one match call of a user pattern may take before the rule is reported as broken."""
MAX_PATTERN_CHARS = 4_000
"""A user pattern as written (before ``<<list>>`` macros) may not be longer than this."""
MAX_EXPANDED_CHARS = 200_000
"""After ``<<list>>`` macros have put in their word lists."""
MAX_REPEAT_PRODUCT = 10_000
"""The counts of nested counted repeats, multiplied along the deepest chain (``(?:a{100}){100}``: 10,000)."""
MAX_GROUP_DEPTH = 30


class UnsafePattern(ValueError):
    """A user pattern refused before compiling; the message says why."""


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


def compile_untrusted(pattern: str, flags: int, where: str, written: str | None = None) -> TimedPattern:
    """Check, then compile with ``regex`` (stdlib ``re`` flag values are the same).

    ``written`` is the pattern as the pack wrote it, when ``pattern`` has macros expanded: the
    structure is checked on what the user wrote (our word-list tries nest as deep as their words
    are long). Raises :class:`UnsafePattern` or ``regex.error``, each with a non-empty reason.
    """
    problem = pattern_problem(pattern if written is None else written)
    if problem is None and len(pattern) > MAX_EXPANDED_CHARS:
        problem = f"longer than {MAX_EXPANDED_CHARS:,} characters once its <<lists>> are put in"
    if problem is not None:
        raise UnsafePattern(problem)
    try:
        return TimedPattern(regex.compile(pattern, flags), where)
    except (MemoryError, RecursionError) as exc:
        raise UnsafePattern(f"too large to compile ({type(exc).__name__})") from exc
    except regex.error as exc:
        if not str(exc):
            raise UnsafePattern("the regex module could not compile it") from exc
        raise


_COUNTED = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_BRACED_ESCAPE = re.compile(r"\\[pPNx]\{[^}]*\}|\\.", re.S)
_CLASS = re.compile(r"\[\^?\]?(?:\[:\^?\w+:\]|\\.|[^\]])*\]", re.S)


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is refused before compiling (too long, nested too deep, repeats that multiply), or None.

    A small scanner, not a full parser: escapes and character classes are single atoms, groups
    nest, and a counted repeat ``{m}``/``{m,n}``/``{m,}`` multiplies what it repeats by its
    largest number. Unbounded ``*`` and ``+`` loop rather than copy, so they count as 1.
    """
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"longer than {MAX_PATTERN_CHARS:,} characters; split it"
    groups: list[int] = [1]  # per open group: the largest product reached inside it
    last = 1  # the product inside the atom a quantifier would repeat
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            escape = _BRACED_ESCAPE.match(pattern, at)
            at = escape.end() if escape else at + 1
            last = 1
            continue
        if char == "[":
            found = _CLASS.match(pattern, at)
            at = found.end() if found else len(pattern)
            last = 1
            continue
        if pattern.startswith("(?#", at):
            end = pattern.find(")", at)
            at = len(pattern) if end == -1 else end + 1
            continue
        if char == "(":
            groups.append(1)
            if len(groups) - 1 > MAX_GROUP_DEPTH:
                return f"groups nested more than {MAX_GROUP_DEPTH} deep"
        elif char == ")" and len(groups) > 1:
            last = groups.pop()
            groups[-1] = max(groups[-1], last)
            at += 1
            continue
        elif char == "{" and (counted := _COUNTED.match(pattern, at)) and any(counted.groups()):
            count = max(int(n) for n in counted.groups() if n)
            last *= max(count, 1)
            groups[-1] = max(groups[-1], last)
            if groups[-1] > MAX_REPEAT_PRODUCT:
                return f"counted repeats would copy what they repeat more than {MAX_REPEAT_PRODUCT:,} times (nested {{n}} multiply)"
            at = counted.end()
            continue
        last = 1
        at += 1
    return None
