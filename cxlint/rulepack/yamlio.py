"""Safe YAML loading that remembers the line of every mapping, for errors that name file:line."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LINE_KEY = "__line__"
MAX_YAML_BYTES = 5_000_000


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """SafeLoader (C-accelerated when available) whose mappings carry ``__line__``.

    PyYAML is imported on first use: a run whose packs come from the cache never needs it.
    """
    import yaml

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def mapping_with_line(loader: Any, node: Any) -> dict[str, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_with_line)
    return LineLoader


def load_yaml(text: str) -> Any:
    """Parse YAML safely (no Python objects) with line-tagged mappings."""
    import yaml

    return yaml.load(text, Loader=_line_loader())  # noqa: S506 - the loader derives from SafeLoader


def line_of(node: Any) -> int:
    return node.get(LINE_KEY, 0) if isinstance(node, dict) else 0


def strip_lines(node: Any) -> Any:
    """A copy without the ``__line__`` keys, for data handed on (token patterns)."""
    if isinstance(node, dict):
        return {k: strip_lines(v) for k, v in node.items() if k != LINE_KEY}
    if isinstance(node, list):
        return [strip_lines(v) for v in node]
    return node
