"""Compiled regular expressions kept between runs.

Python compiles a regex in Python code (parse, then generate the matcher's code), and a run of
cxlint compiles a hundred and more of them: its own, its packs', click's. On one small file that
was a sixth of the process. The compiled code is a list of integers that ``_sre.compile`` turns
back into a pattern at C speed, so it is kept in the user's cache folder and, at start-up, the
patterns rebuilt from it go into ``re``'s own cache: every ``re.compile`` of a known pattern then
finds it there, wherever it is written.

A stored pattern is rebuilt only when ``re`` first asks for it (``re``'s cache becomes a dict whose
misses look in the stored entries), so patterns an earlier release compiled and this one never asks
for cost nothing at start, and each run knows which entries it used: those move to the end of the
file when it is next written, and the least recently used fall off past ``MAX_ENTRIES``.

Nothing is trusted: an entry is stored only when the pattern rebuilt from it equals (flags,
pattern and code) the one ``re`` compiles; the file is keyed by the interpreter and the regex
engine's version; ``_sre`` validates any code it is given; an entry that fails is dropped and the
pattern compiles as it would have.
"""

from __future__ import annotations

import re
import sys
from array import array
from pathlib import Path
from typing import Any

import _sre

try:  # Python 3.11+
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

Key = tuple[type, Any, int]
"""How ``re`` keys its cache: the pattern's type, the pattern, the flags passed."""

MAX_ENTRIES = 400
"""Entries kept in the file, the most recently used last."""

_CODE_TYPE = "I" if _sre.CODESIZE == 4 else "H"
"""Code travels as an ``array`` of the engine's code units: one bytes object, not a list of ints."""


def file_name() -> str:
    return f"regexes-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.pickle"


class RegexCache:
    """The entries read at start-up; at exit, those compiled in this run are added."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[Key, tuple[Any, ...]] = {}
        self.used: set[Key] = set()

    def load(self) -> None:
        if not _usable():
            return
        self.entries = dict(list(_read(self.path).items())[-MAX_ENTRIES:])
        re._cache = _StoredPatterns(re._cache, self)  # type: ignore[attr-defined]

    def store(self) -> None:
        """Add the patterns compiled in this run that the file lacks; those used move to the end."""
        cache: dict[Key, Any] = getattr(re, "_cache", {})
        compiled = [key for key in list(cache) if _is_key(key) and not key[2] & re.DEBUG and key not in self.used]
        new = {key: args for key in compiled if key not in self.entries and (args := compiled_args(key[1], key[2])) is not None}
        if not new:
            return
        merged = {k: v for k, v in self.entries.items() if k not in self.used}
        merged.update({k: self.entries[k] for k in self.used if k in self.entries})
        merged.update(new)
        keep = dict(list(merged.items())[-MAX_ENTRIES:])
        import pickle

        from cxlint.atomic import write_bytes_atomically

        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(self.path, pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL))

    def rebuilt(self, key: Key) -> Any:
        """The stored pattern of ``key``, rebuilt and noted as used; KeyError when none is stored or it fails."""
        args = self.entries.get(key)
        if args is None:
            raise KeyError(key)
        try:
            pattern = rebuild(args)
        except Exception:  # noqa: BLE001 - code from a damaged file: compile as usual
            del self.entries[key]
            raise KeyError(key) from None
        self.used.add(key)
        return pattern


class _StoredPatterns(dict):  # type: ignore[type-arg]
    """``re``'s cache, whose misses are looked up in the stored entries before ``re`` compiles: a hit
    stays a plain dict lookup, and a stored pattern is rebuilt once, when first asked for."""

    def __init__(self, current: dict[Key, Any], stored: RegexCache) -> None:
        super().__init__(current)
        self._stored = stored

    def __missing__(self, key: Key) -> Any:
        pattern = self._stored.rebuilt(key)
        self[key] = pattern
        return pattern

    def pop(self, key: Key, *default: Any) -> Any:
        """Python 3.12's ``re`` takes a pattern out of this cache with ``pop`` (to move it to its small one)."""
        if key not in self:
            try:
                return self._stored.rebuilt(key)
            except KeyError:
                if default:
                    return default[0]
                raise
        return super().pop(key, *default)


def compiled_args(pattern: str | bytes, flags: int) -> tuple[Any, ...] | None:
    """What ``rebuild`` takes to give ``re.compile(pattern, flags)`` again, or None when it would
    not give the very same pattern on this interpreter."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = array(_CODE_TYPE, _compiler._code(parsed, flags))
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        args = (pattern, flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
        if rebuild(args) != re.compile(pattern, flags):
            return None
        return args
    except Exception:  # noqa: BLE001 - another interpreter's internals: no entry, nothing lost
        return None


def rebuild(args: tuple[Any, ...]) -> re.Pattern[Any]:
    pattern, flags, code, groups, groupindex, indexgroup = args
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _usable() -> bool:
    return isinstance(getattr(re, "_cache", None), dict) and hasattr(_sre, "compile") and hasattr(_compiler, "_code")


def _read(path: Path) -> dict[Key, tuple[Any, ...]]:
    import pickle

    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: start afresh
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if _is_key(k) and isinstance(v, tuple) and len(v) == 6}


def _is_key(key: object) -> bool:
    return (
        isinstance(key, tuple) and len(key) == 3 and key[0] in (str, bytes)
        and isinstance(key[1], key[0]) and isinstance(key[2], int)
    )
