"""Read a config file into plain data plus a way to find the line of any key in it.

YAML is loaded with the hardened loader rule packs use (safe, no aliases, bounded nesting)
and every mapping remembers the lines of its keys; TOML
(``tomllib``, or ``tomli`` before Python 3.11) has no positions, so keys are found in the
text. Either way an error can name ``file:line``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from cxlint.errors import FatalError
from cxlint.rulepack.yamlio import LINE_KEY, key_line, load_yaml

KEY_LINES = LINE_KEY
"""The key a loaded mapping keeps its own line under: not a setting."""
MAX_CONFIG_BYTES = 1_000_000

Locate = Callable[[tuple[str, ...]], int]


def strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != KEY_LINES}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def read_yaml(path: str, text: str) -> tuple[Any, Locate]:
    data = load_yaml(text, path)

    def locate(keys: tuple[str, ...]) -> int:
        node, line = data, 1
        for key in keys:
            if not isinstance(node, dict):
                break
            line = key_line(node, key, line) if key in node else line
            node = node.get(key)
        return line

    return data, locate


_TOML_LINE = re.compile(r"at line (\d+)")


def read_pyproject(path: str, text: str) -> tuple[Any, Locate] | None:
    """The ``[tool.cxlint]`` table, or None when the file has none."""
    if sys.version_info >= (3, 11):  # imported here: a run with no pyproject.toml never pays for the TOML parser
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        where = f"{path}:{found.group(1)}" if found else path
        raise FatalError(f"{where}: invalid TOML: {exc}") from exc
    table = data.get("tool", {}).get("cxlint")
    if table is None:
        return None
    lines = text.splitlines()
    section = next((i for i, l in enumerate(lines) if re.match(r"\s*\[\s*tool\s*\.\s*cxlint\s*[\].]", l)), 0)

    def locate(keys: tuple[str, ...]) -> int:
        at = section
        for key in keys:
            probe = re.compile(r"""(^|[\s.\[{,])["']?""" + re.escape(key) + r"""["']?\s*(=|\]|\.)""")
            found = next((i for i in range(at, len(lines)) if probe.search(lines[i])), None)
            if found is None:
                break
            at = found
        return at + 1

    return table, locate
