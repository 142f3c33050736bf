"""Safe YAML loading that remembers the line of every mapping, for errors that name file:line."""

from __future__ import annotations

from typing import Any

import yaml

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LINE_KEY = "__line__"
MAX_YAML_BYTES = 5_000_000


class LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader (C-accelerated when available) whose mappings carry ``__line__``."""


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no Python objects) with line-tagged mappings."""
    return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader derives from SafeLoader


def line_of(node: Any) -> int:
    return node.get(LINE_KEY, 0) if isinstance(node, dict) else 0


def strip_lines(node: Any) -> Any:
    """A copy without the ``__line__`` keys, for data handed on (token patterns)."""
    if isinstance(node, dict):
        return {k: strip_lines(v) for k, v in node.items() if k != LINE_KEY}
    if isinstance(node, list):
        return [strip_lines(v) for v in node]
    return node
