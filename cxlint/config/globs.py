"""Glob patterns as users know them from .gitignore and ruff: ``*``, ``?``, ``**``, and bare names.

A pattern without ``/`` matches a file or folder name anywhere (``drafts``, ``*.tmp.md``); a
pattern with ``/`` matches the path from the config's folder (``docs/legal/**``). A pattern
that matches a folder matches everything under it.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out))


def matches(pattern: str, path: str) -> bool:
    """Whether ``path`` (relative, with ``/``) or one of its parent folders matches ``pattern``."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if not pattern:
        return False
    parts = path.split("/")
    compiled = _compile(pattern)
    if "/" not in pattern:
        return any(compiled.fullmatch(part) for part in parts)
    return any(compiled.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def matches_any(patterns: tuple[str, ...] | list[str], path: str) -> bool:
    return any(matches(p, path) for p in patterns)
