"""The validated configuration: frozen, with paths already resolved against the config's folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from cxlint.config.globs import matches_any


@dataclass(frozen=True)
class Override:
    """Settings for files matching ``patterns`` (as ruff's per-file-ignores, plus severity and channel)."""

    patterns: tuple[str, ...]
    line: int = 0
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    channel: str | None = None


@dataclass(frozen=True)
class Config:
    """Everything a project can set. ``path`` is None when no file was found (all defaults)."""

    path: str | None = None
    root: str = "."
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    """Empty means every rule."""
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    per_file: tuple[Override, ...] = ()
    packs: tuple[str, ...] = ()
    promises: str | None = None
    """Path of the promises registry; carried for the registry checks, which read it."""
    fail_on: str | None = None
    format: str | None = None
    channel: str | None = None
    allow_words: tuple[str, ...] = ()
    skip_strings: tuple[str, ...] = ()
    """Globs over the JSON Pointers of structured files' strings that are not copy (``intents/**``, ``payload``)."""
    require_reason: bool = True
    max_file_size: int | None = None
    """Bytes; a larger file is reported (CX000) and not read. None: the built-in limit (10 MiB)."""
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Line of each top-level key in the file, for errors found after validation."""

    def where(self, key: str) -> str:
        """``file:line`` of a key, for error messages."""
        if self.path is None:
            return "<command line>"
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else self.path

    def relative(self, path: str) -> str:
        """A linted path relative to the config's folder, with forward slashes, for glob matching."""
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        return rel.replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        return bool(self.exclude) and matches_any(self.exclude, self.relative(path))

    def is_included(self, path: str) -> bool:
        return not self.include or matches_any(self.include, self.relative(path))

    def overrides_for(self, path: str) -> list[Override]:
        if not self.per_file:
            return []  # no globs to match: no path to make relative
        rel = self.relative(path)
        return [o for o in self.per_file if matches_any(o.patterns, rel)]

    def channel_for(self, path: str) -> str | None:
        """The channel a per-glob override (the last that matches) or the top level sets, else None."""
        for override in reversed(self.overrides_for(path)):
            if override.channel:
                return override.channel
        return self.channel
