"""The one YAML loader for the files a repository hands cxlint: rule packs, promise registries, configs.

These files are untrusted input, so the loader is hardened as well as safe:

- only plain data (PyYAML's safe loader, C-accelerated when available);
- no aliases: ``*name`` lets a few lines stand for a billion nodes (the "billion laughs"), and
  nothing cxlint reads needs one. The first alias is refused with its file:line before anything
  is built, so the refusal costs one pass over the parser's events and no memory;
- nesting at most :data:`MAX_YAML_DEPTH` deep (libyaml's composer recurses in C: a file of
  100,000 ``[`` takes the process down with it);
- no key twice in one mapping: YAML keeps the last, so a second lexicon or rule of the same
  name would silently replace the first.

Every mapping remembers its own line and the line of each key, every list the line of each
item, so errors can name the exact place (``pack.yaml:11: rule HR101: 'cancel' must be …``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cxlint.errors import FatalError

LINE_KEY = "__line__"
MAX_YAML_BYTES = 5_000_000
MAX_YAML_DEPTH = 50
"""Mappings and lists nested deeper than this are refused (the built-in packs need about 10)."""


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping with the 1-based line of each key (``key_lines``); its own line is under ``__line__``."""

    key_lines: dict[str, int] = {}


class YamlList(list):  # type: ignore[type-arg]
    """A list with the 1-based line of each item."""

    item_lines: list[int] = []


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """SafeLoader whose mappings and lists carry lines (PyYAML imported on first use: a cached run never needs it)."""
    import yaml

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def mapping(loader: Any, node: Any) -> YamlMap:
        seen: dict[str, int] = {}
        for key, _ in node.value:  # YAML keeps the last of two equal keys: a rule or lexicon silently replaced
            line = key.start_mark.line + 1
            if str(key.value) in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key.value!r} is defined twice in one mapping (first on line {seen[str(key.value)]})", key.start_mark
                )
            seen[str(key.value)] = line
        result = YamlMap(loader.construct_mapping(node, deep=True))
        result.key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
        result[LINE_KEY] = node.start_mark.line + 1
        return result

    def sequence(loader: Any, node: Any) -> YamlList:
        result = YamlList(loader.construct_sequence(node, deep=True))
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
    return LineLoader


def load_yaml(text: str, name: str) -> Any:
    """Parse ``text`` (shown as ``name`` in errors) into line-tagged plain data; FatalError names file:line."""
    import yaml

    loader = _line_loader()
    try:
        _screen(yaml, text, name, loader)
        return yaml.load(text, Loader=loader)  # noqa: S506 - the loader derives from SafeLoader
    except FatalError:
        raise
    except Exception as exc:  # yaml.YAMLError, and what constructors raise (a date that does not exist)
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise FatalError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc


def _screen(yaml: Any, text: str, name: str, loader: type) -> None:
    """Refuse aliases and deep nesting from the event stream, before any node is composed."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise FatalError(
                f"{name}:{event.start_mark.line + 1}: YAML alias *{event.anchor} refused: aliases can multiply "
                "a file's size beyond any limit, so cxlint does not read them; write the value out"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise FatalError(f"{name}:{event.start_mark.line + 1}: YAML nested more than {MAX_YAML_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def line_of(node: Any) -> int:
    return node.get(LINE_KEY, 0) if isinstance(node, dict) else 0


def key_line(node: Any, key: str, default: int = 0) -> int:
    """The line of ``key`` in a loaded mapping (else the mapping's own line, else ``default``)."""
    lines = getattr(node, "key_lines", None) or {}
    return lines.get(str(key)) or line_of(node) or default


def item_line(items: Any, index: int, default: int = 0) -> int:
    """The line of item ``index`` of a loaded list (else ``default``)."""
    lines = getattr(items, "item_lines", None) or []
    return lines[index] if index < len(lines) else default


def strip_lines(node: Any) -> Any:
    """A plain copy without line tags, for data handed on (token patterns)."""
    if isinstance(node, dict):
        return {k: strip_lines(v) for k, v in node.items() if k != LINE_KEY}
    if isinstance(node, list):
        return [strip_lines(v) for v in node]
    return node
