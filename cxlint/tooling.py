"""Files that configure tools, not copy for people (``package.json``, lockfiles, CI settings).

They are JSON, YAML or INI, formats cxlint reads, so a folder walk would lint them and
pre-commit would pass them to the hook; their strings are keys, versions and commands, and a
finding in them is noise. The list is data: ``cxlint/data/tooling-files.yaml``.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources

TOOLING_FILES = "tooling-files.yaml"


@lru_cache(maxsize=1)
def tooling_patterns() -> tuple[str, ...]:
    """The shipped list: globs over a file's name, or (with ``/``) over the end of its path."""
    import yaml  # only when a folder is walked

    text = resources.files("cxlint").joinpath("data").joinpath(TOOLING_FILES).read_text(encoding="utf-8")
    return tuple(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["names"])  # noqa: S506 - a safe loader


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
