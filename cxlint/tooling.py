"""Files that configure tools, not copy for people (``package.json``, lockfiles, CI settings).

They are JSON, YAML or INI, formats cxlint reads, so a folder walk would lint them and
pre-commit would pass them to the hook; their strings are keys, versions and commands, and a
finding in them is noise. The list is data: ``cxlint/data/tooling-files.txt``, one glob a line
as in a ``.gitignore`` (read on every run that names or walks files, so it needs no YAML parser).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

TOOLING_FILES = Path(__file__).parent / "data" / "tooling-files.txt"


@lru_cache(maxsize=1)
def tooling_patterns() -> tuple[str, ...]:
    """The shipped list: globs over a file's name, or (with ``/``) over the end of its path."""
    lines = (line.strip() for line in TOOLING_FILES.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _tooling_regex() -> re.Pattern[str]:
    return re.compile("(?:^|/)(?:" + "|".join(_glob_regex(p.removeprefix("**/")) for p in tooling_patterns()) + ")$")


def _glob_regex(glob: str) -> str:
    """``*`` and ``?`` within a name, ``**`` across folders."""
    parts = re.split(r"(\*\*|\*|\?)", glob)
    return "".join({"**": ".*", "*": "[^/]*", "?": "[^/]"}.get(part, re.escape(part)) for part in parts)


def is_tooling_file(path: str) -> bool:
    """Whether ``path`` is a tool's configuration, manifest or lockfile rather than copy."""
    return _tooling_regex().search(path.replace(os.sep, "/")) is not None
