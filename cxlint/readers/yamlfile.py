"""YAML string files: chatbot flows, Rails-style locale files, Rasa domains, CMS exports.

Scalars are found with PyYAML's composer, which gives each node's source marks without building
Python objects. Aliases point at nodes already seen, so each node is visited once: a "billion
laughs" file costs what it weighs. Rasa files are read for their ``responses`` only (training
examples are the user's words, not copy).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from cxlint.document import Document, Segment
from cxlint.errors import InputError
from cxlint.readers.decoding import without_lone_surrogates
from cxlint.readers.escapes import UTF16_ESCAPE, character, utf16_escape
from cxlint.readers.masking import Mask
from cxlint.readers.structured import NOT_COPY_KEYS, is_copy, json_pointer
from cxlint.text.placeholders import mask_templates

MAX_NODES = 2_000_000
_STR_TAG = "tag:yaml.org,2002:str"
_RASA_KEYS = frozenset({"nlu", "stories", "rules", "responses", "intents", "slots", "forms", "actions", "session_config"})
_ESCAPE = re.compile(rf"\\(?:x[0-9a-fA-F]{{2}}|{UTF16_ESCAPE}|U[0-9a-fA-F]{{8}}|\r?\n[ \t]*|.)")
_SIMPLE = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": " ", "a": " ", "b": " ", "e": " ", "f": " ",
           "r": " ", "v": " ", " ": " ", "N": "\u0085", "_": "\u00a0", "L": "\u2028", "P": "\u2029"}


def read(path: str, text: str, skip_keys: frozenset[str] = NOT_COPY_KEYS) -> Document:
    mask = Mask(text)
    segments = reveal_scalars(path, text, mask, skip_keys)
    masked, placeholders = mask_templates(text, mask.text())
    channel = "chatbot" if any(s.pointer.startswith("/responses/") for s in segments) else None
    return Document(path=path, source=text, mask=masked, placeholders=placeholders, segments=tuple(segments), channel=channel)


def reveal_scalars(
    path: str, text: str, mask: Mask, skip_keys: frozenset[str] = NOT_COPY_KEYS, keys: frozenset[str] | None = None, offset: int = 0
) -> list[Segment]:
    """Reveal the copy scalars of ``text`` (placed at ``offset`` in ``mask``).

    ``keys``, when given, keeps only strings whose own key (the nearest named one) is in it.
    """
    segments: list[Segment] = []
    node: Any
    for parts, node in _string_nodes(path, text):
        if keys is not None and _own_key(parts) not in keys:
            continue
        start, end = _content_span(text, node)
        if start >= end or not is_copy(parts, node.value, skip_keys):
            continue
        _reveal(mask, node.style, start + offset, end + offset)
        mask.block_break(start + offset - 1)
        mask.block_break(end + offset)
        segments.append(Segment(start + offset, end + offset, json_pointer(parts)))
    segments.sort(key=lambda s: s.start)
    return segments


def _string_nodes(path: str, text: str) -> Iterator[tuple[list[str], object]]:
    import yaml  # only when a YAML file is read

    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(path, f"invalid YAML: {exc.problem or exc.context}", line) from exc
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {exc}") from exc
    except (ValueError, OverflowError) as exc:  # PyYAML's scanner calls chr() on "\U0011FFFF" or "\U80000000" unchecked
        raise InputError(path, f"invalid YAML: an escape that is no Unicode character ({exc})") from exc
    except RecursionError as exc:  # raised here, so front matter that nests too deeply is skipped, not the file
        raise InputError(path, "YAML nested too deeply to read") from exc
    seen: set[int] = set()
    for root in documents:
        if root is None:
            continue
        rasa = isinstance(root, yaml.MappingNode) and _is_rasa(root)
        stack: list[tuple[list[str], object]] = [([], root)]
        while stack:
            parts, node = stack.pop()
            if id(node) in seen:
                continue  # an alias: read once, where its anchor stands
            seen.add(id(node))
            if len(seen) > MAX_NODES:
                raise InputError(path, f"more than {MAX_NODES} YAML nodes; refused")
            if isinstance(node, yaml.ScalarNode):
                if node.tag == _STR_TAG and parts:
                    yield parts, node
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((parts + [str(i)], child) for i, child in reversed(list(enumerate(node.value))))
            elif isinstance(node, yaml.MappingNode):
                children = []
                for key, value in node.value:
                    name = without_lone_surrogates(str(key.value)) if isinstance(key, yaml.ScalarNode) else "?"
                    if rasa and not parts and name != "responses":
                        continue
                    children.append((parts + [name], value))
                stack.extend(reversed(children))


def _own_key(parts: list[str]) -> str:
    return next((p.lower() for p in reversed(parts) if not p.isdigit()), "")


def _is_rasa(root: object) -> bool:
    keys = {str(k.value) for k, _ in getattr(root, "value", []) if hasattr(k, "value") and isinstance(k.value, str)}
    return len(keys & _RASA_KEYS) >= 1 and ("version" in keys or "responses" in keys or "nlu" in keys)


def _content_span(text: str, node: object) -> tuple[int, int]:
    start: int = node.start_mark.index  # type: ignore[attr-defined]
    end: int = node.end_mark.index  # type: ignore[attr-defined]
    style = node.style  # type: ignore[attr-defined]
    if style in ("'", '"'):
        return start + 1, end - 1
    if style in ("|", ">"):
        newline = text.find("\n", start, end)
        start = end if newline == -1 else newline + 1
        while end > start and text[end - 1] in " \t\r\n":
            end -= 1
    return start, end


def _reveal(mask: Mask, style: str | None, start: int, end: int) -> None:
    source = mask.source
    mask.reveal(start, end)
    if style == "'" and "''" in source[start:end]:
        index = source.find("''", start, end)
        while index != -1:
            mask.write(index, index + 2, "'")
            index = source.find("''", index + 2, end)
    elif style == '"' and "\\" in source[start:end]:
        for match in _ESCAPE.finditer(source, start, end):
            mask.write(match.start(), match.end(), _unescape(match.group(0)))
    if style in (None, ">", '"', "'"):
        _fold(mask, start, end)


def _fold(mask: Mask, start: int, end: int) -> None:
    """A single line break in a folded scalar is a space: keep the sentence whole."""
    index = mask.source.find("\n", start, end)
    while index != -1:
        after = mask.source[index + 1 : end].lstrip(" \t")
        if after and after[0] not in "\r\n":
            mask.chars[index] = " "
        index = mask.source.find("\n", index + 1, end)


def _unescape(escape: str) -> str:
    kind = escape[1]
    if kind == "u" and len(escape) > 2:
        return utf16_escape(escape)
    if kind in "xU" and len(escape) > 2:
        return character(int(escape[2:], 16))
    if kind in "\r\n":
        return " "
    return _SIMPLE.get(kind, kind)
