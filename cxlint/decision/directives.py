"""Parse inline suppressions in each format's own comment syntax.

Markdown, HTML and plain text (ESLint's vocabulary)::

    <!-- cxlint-disable CX101, CX102 -- reason -->   ... <!-- cxlint-enable -->
    <!-- cxlint-disable-next-line CX101 -- reason -->
    <!-- cxlint-disable-line CX101 -- reason -->
    <!-- cxlint-disable-file CX101 -- reason -->

YAML, PO, Fluent and other ``#``-comment formats (ruff's ``noqa`` put in brackets)::

    key: "We noticed you..."  # cxlint: ignore[CX101] -- reason     (this line)
    # cxlint: ignore[CX101] -- reason                                (the next line of copy)
    # cxlint: ignore-file[CX101] -- reason
    # cxlint: disable[CX101] -- reason   ...   # cxlint: enable

No rule list means every rule. The reason follows `` -- ``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HASH_SUFFIXES = frozenset({".yaml", ".yml", ".po", ".pot", ".ftl", ".properties", ".toml"})

_HTML = re.compile(r"<!--\s*cxlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(.*?)-->", re.S)
_HASH = re.compile(
    r"#\.?[ \t]*cxlint:[ \t]*(ignore-file|ignore|disable|enable)(?![\w-])[ \t]*(?:\[([^\]\n]*)\])?([^\n]*)"
)
_HTML_KINDS = {"disable-next-line": "next-line", "disable-line": "line", "disable-file": "file", "disable": "disable", "enable": "enable"}


@dataclass(frozen=True)
class Directive:
    """One suppression comment at ``source[start:end]``.

    ``kind`` is ``disable``, ``enable``, ``next-line``, ``line`` or ``file``; ``selectors`` is
    empty for "every rule"; ``reason`` is None when none is given.
    """

    kind: str
    selectors: tuple[str, ...]
    reason: str | None
    start: int
    end: int


def syntax_for(path: str) -> str:
    dot = path.rfind(".")
    return "hash" if dot != -1 and path[dot:].lower() in HASH_SUFFIXES else "html"


def parse_directives(path: str, source: str) -> list[Directive]:
    """Every suppression comment of ``source``, in order, in the syntax of ``path``'s format."""
    if "cxlint" not in source:
        return []
    if syntax_for(path) == "hash":
        return [_hash(m) for m in _HASH.finditer(source)]
    return [_html(m) for m in _HTML.finditer(source)]


def _split(body: str) -> tuple[tuple[str, ...], str | None]:
    rules, sep, reason = body.partition("--")
    selectors = tuple(s for s in re.split(r"[\s,]+", rules.strip()) if s)
    text = reason.strip() if sep else ""
    return selectors, (text or None)


def _html(match: re.Match[str]) -> Directive:
    selectors, reason = _split(match.group(2))
    return Directive(_HTML_KINDS[match.group(1)], selectors, reason, match.start(), match.end())


def _hash(match: re.Match[str]) -> Directive:
    word = match.group(1)
    selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2) or "") if s)
    _, reason = _split(match.group(3) or "")
    kind = {"ignore-file": "file", "ignore": "ignore", "disable": "disable", "enable": "enable"}[word]
    return Directive(kind, selectors, reason, match.start(), match.end())
