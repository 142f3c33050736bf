"""Shapes: named short regexes for what is not a word, and shapes built from other shapes.

A shape may use another by name, ``(?&clock)``: the used shape's regex stands there in a group
of its own (its named groups dropped, its ``(?x)`` kept to it), so a long form such as a range of
clock times reads as two uses of ``clock`` instead of one 300-character regex. Each shape is
limited in size as written; a name it uses that no pack defines, or shapes that use each other in
a circle, stop the load with the file and line.

A shape may instead be a table of words, each with the value it reads as (``words: {kr: SEK}``):
data, not a regex, so it has no size limit; it matches any of its words (the longest first, with
``case: sensitive`` as written) and ``Shape.values`` gives a match its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cxlint.errors import FatalError
from cxlint.rulepack import schema
from cxlint.rulepack.frames import MAX_REGEX_CHARS, Shape, regex_size
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.yamlio import LINE_KEY, key_line
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.literals import needs_digit
from cxlint.text.wordlists import trie_regex

USE = re.compile(r"\(\?&(\w+)\)")
"""``(?&name)``: the regex of shape ``name`` at this place."""
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
_VERBOSE = re.compile(r"^\s*\(\?x\)")


@dataclass(frozen=True)
class WrittenShape:
    """A shape as its pack wrote it, before the shapes it uses are put in."""

    name: str
    pattern: str
    about: str
    source: str
    line: int
    values: tuple[tuple[str, str], ...] = ()


def written_shapes(documents: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, WrittenShape]:
    """Every ``shapes:`` entry of the packs ``(source name, parsed pack)``, checked as written."""
    shapes: dict[str, WrittenShape] = {}
    for source, doc in documents:
        for name, spec in (doc.get("shapes") or {}).items():
            if name == LINE_KEY:
                continue
            line = key_line(doc["shapes"], name)
            if isinstance(spec, dict):
                schema.check(spec, schema.SHAPE, source, f"shape {name!r}")
            values: tuple[tuple[str, str], ...] = ()
            if isinstance(spec, dict) and "words" in spec:
                values = _word_values(spec, source, name, line)
                pattern = _words_regex([word for word, _ in values], spec.get("case"), source, name, line)
            else:
                pattern = _written_regex(spec.get("regex") if isinstance(spec, dict) else spec, source, name, line)
            if str(name) in shapes:
                raise FatalError(f"{source}:{line}: shape {name!r} is already defined in {shapes[str(name)].source}")
            about = str(spec.get("about") or "") if isinstance(spec, dict) else ""
            shapes[str(name)] = WrittenShape(str(name), pattern.strip(), about, source, line, values)
    return shapes


def _written_regex(pattern: Any, source: str, name: str, line: int) -> str:
    """A shape's regex as its pack wrote it: a non-empty string within the size limit."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise FatalError(f"{source}:{line}: shape {name!r} needs a regex")
    if regex_size(pattern) > MAX_REGEX_CHARS:
        raise FatalError(f"{source}:{line}: shape {name!r} is longer than {MAX_REGEX_CHARS} characters; split it")
    return pattern


def _word_values(spec: dict[str, Any], source: str, name: str, line: int) -> tuple[tuple[str, str], ...]:
    """A word shape's table: each word (as written) and its value, both non-empty strings."""
    words = spec["words"]
    if spec.get("regex") is not None:
        raise FatalError(f"{source}:{line}: shape {name!r} has both 'regex' and 'words'; keep one")
    pairs = [(str(word), str(value)) for word, value in words.items() if word != LINE_KEY and value is not None]
    if not pairs or any(not word.strip() or not value.strip() for word, value in pairs):
        raise FatalError(f"{source}:{line}: shape {name!r}: 'words' must map each word to the value it reads as")
    return tuple(pairs)


def _words_regex(words: list[str], case: Any, source: str, name: str, line: int) -> str:
    """Any of ``words``, factored as a trie (the longest match first, so "NZ$" wins over "$"), as written
    when the shape is case-sensitive."""
    if case not in (None, "sensitive", "insensitive"):
        raise FatalError(f"{source}:{line}: shape {name!r}: case must be 'sensitive' or 'insensitive', not {case!r}")
    sensitive = case == "sensitive"
    body = trie_regex(words, fold=not sensitive)
    return f"(?-i:{body})" if sensitive else body


def expand(name: str, shapes: dict[str, WrittenShape], trail: tuple[str, ...] = ()) -> str:
    """The regex of shape ``name`` with every shape it uses put in."""
    shape = shapes[name]
    if name in trail:
        raise FatalError(f"{shape.source}:{shape.line}: shape {name!r} uses itself ({' -> '.join(trail + (name,))})")

    def put_in(match: re.Match[str]) -> str:
        used = match.group(1)
        if used not in shapes:
            raise FatalError(f"{shape.source}:{shape.line}: shape {name!r} uses unknown shape {used!r}{did_you_mean(used, shapes)}")
        inner = expand(used, shapes, trail + (name,))
        verbose = bool(_VERBOSE.match(inner))
        body = _NAMED_GROUP.sub("(?:", _VERBOSE.sub("", inner, count=1))
        return f"(?x:{body})" if verbose else f"(?-x:{body})"

    return USE.sub(put_in, shape.pattern)


def compile_shapes(shapes: dict[str, WrittenShape], lazy: Callable[[WrittenShape, str], LazyRegex]) -> dict[str, Shape]:
    """Every shape, compiled (``lazy`` compiles a pattern for the pack that wrote it)."""
    out: dict[str, Shape] = {}
    for name, written in shapes.items():
        pattern = expand(name, shapes)
        regex = lazy(written, pattern)
        digit = regex.stdlib and needs_digit(pattern, regex.flags)
        out[name] = Shape(name, pattern, regex, written.about, written.source, written.line, written.values, digit)
    return out
