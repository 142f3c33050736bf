"""Template syntax: merge fields become one placeholder token, control tags become blank.

Covers Jinja/Liquid/Twig/Nunjucks, Handlebars/Mustache, Mailchimp merge tags, Salesforce and
AMPscript ``%%…%%``, Fluent placeables, ICU/simple ``{name}``, Rails ``%{name}`` and printf.
Branching syntax keeps every branch as copy: ICU ``plural``/``select`` and Fluent select
expressions leave each variant's text in place (a block break between variants), and an
``{% else %}`` starts a new block so the two branches never read as one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL, Placeholder

_IDENT = re.compile(r"[A-Za-z_$@-][\w.$@-]*")

# Order matters: the first alternative that matches at a position wins.
_SYNTAX = re.compile(
    r"""
    (?P<comment>\{\#.*?\#\}|\{\{!--.*?--\}\}|\{\{![^}]*\}\})
  | (?P<control>\{%-?.*?-?%\}|\{\{\s*[\#/^>~]?\s*(?:else|if|unless|each|with|end\w*|/\w+)\b[^}]*\}\}
      |\{\{[\#/^>][^}]*\}\}|\*\|(?:IF|ELSEIF|ELSE|END|INTERESTED|IFNOT):?[^|]*\|\*|%%\[.*?\]%%)
  | (?P<triple>\{\{\{\s*[^{}]+?\s*\}\}\})
  | (?P<double>\{\{-?\s*[^{}]+?\s*-?\}\})
  | (?P<mailchimp>\*\|[A-Z0-9_:]+\|\*)
  | (?P<ampscript>%%=?[^%\s][^%\n]{0,80}?=?%%)
  | (?P<fluent>\{\s*[$-][A-Za-z][\w-]*(?:\.[\w-]+)?\s*\}|\{[ \t]+[A-Za-z][\w-]*(?:\.[\w-]+)?[ \t]+\}|\{\s*[A-Z]+\(\s*\$[\w-]+[^{}\n]*\)\s*\})
  | (?P<rails>%\{[A-Za-z_]\w*\})
  | (?P<simple>\{[A-Za-z_][\w.]*(?:,[^{}\n]{0,40})?\}|\{\d{1,2}\})
  | (?P<printf>%(?:\(\w+\)|\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdif@](?![A-Za-z]))
    """,
    re.VERBOSE | re.DOTALL,
)


_ELSE = re.compile(r"[{%*|\s\[~#/^-]*(?:else|elif|elsif|elseif|when)\b", re.IGNORECASE)
_ICU_HEAD = re.compile(r"\{\s*([A-Za-z_][\w.]*)\s*,\s*(plural|selectordinal|select)\s*,")
_ICU_KEY = re.compile(r"\s*(offset:\s*\d+\s*)?(=?[\w-]+)\s*(?=\{)")
_FLUENT_SELECT = re.compile(r"\{\s*(\$[\w-]+|-[\w.-]+|[A-Z]+\([^{}()]*\))\s*->")
_FLUENT_KEY = re.compile(r"\s*\*?\[\s*[\w.-]+\s*\]")


def variable_name(raw: str, syntax: str) -> str:
    """The variable a placeholder stands for: ``{{ last_viewed_at | date }}`` -> ``last_viewed_at``."""
    inner = raw
    if syntax == "ampscript":
        match = re.search(r"@(\w+)", raw) or re.search(r"%%=?\s*([\w.]+)", raw)
        return match.group(1) if match else ""
    inner = inner.strip("{}*|%=")
    inner = inner.split("|", 1)[0].strip(" -$")
    match = _IDENT.search(inner)
    return match.group(0).strip("$@-") if match else inner.strip()


def mask_templates(source: str, mask: str) -> tuple[str, tuple[Placeholder, ...]]:
    """Return ``mask`` with template syntax replaced, and the placeholders found in it.

    Only text still visible in ``mask`` is scanned, so syntax inside code spans that a reader
    already blanked is left alone. Lengths never change.
    """
    if "{" not in mask and "%" not in mask and "*|" not in mask:
        return mask, ()
    placeholders: list[Placeholder] = []
    if "->" in mask or "plural" in mask or "select" in mask:
        mask = _mask_branches(source, mask, placeholders)
    pieces: list[str] = []
    last = 0
    for match in _syntax_matches(mask):
        kind = match.lastgroup or ""
        start, end = match.span()
        raw = source[start:end]
        pieces.append(mask[last:start])
        if kind in ("comment", "control"):
            blanked = _blank(raw)
            if kind == "control" and _ELSE.match(raw):
                blanked = BLOCK_BREAK + blanked[1:]
            pieces.append(blanked)
        else:
            name = variable_name(raw, kind)
            placeholders.append(Placeholder(start, end, name, raw, kind))
            pieces.append(_fill(raw))
        last = end
    pieces.append(mask[last:])
    return "".join(pieces), tuple(sorted(placeholders, key=lambda p: p.start))


_SYNTAX_START = re.compile(r"[{*%]")


def _syntax_matches(mask: str) -> Iterator[re.Match[str]]:
    """What ``_SYNTAX.finditer`` finds, trying the big alternation only where template syntax can start.

    Every alternative begins with ``{``, ``*`` or ``%``; jumping between those characters is an
    order of magnitude faster than letting the alternation fail at every other position.
    """
    pos = 0
    while True:
        start = _SYNTAX_START.search(mask, pos)
        if start is None:
            return
        match = _SYNTAX.match(mask, start.start())
        if match is None:
            pos = start.start() + 1
        else:
            yield match
            pos = match.end()


def _mask_branches(source: str, mask: str, placeholders: list[Placeholder]) -> str:
    """Blank the scaffolding of ICU and Fluent select expressions, keeping each variant's text."""
    chars = list(mask)
    pairs = _brace_pairs(mask)
    for match in _ICU_HEAD.finditer(mask):
        name, kind = match.group(1), match.group(2)
        variants = _icu_variants(mask, match.end(), pairs)
        if variants is None:
            continue
        close, bodies = variants
        _blank_range(chars, source, match.start(), match.end())
        _blank_range(chars, source, close, close + 1)
        previous = match.end()
        for index, (key_start, body_start, body_end) in enumerate(bodies):
            _blank_range(chars, source, previous, body_start)  # the key and the opening brace
            _blank_range(chars, source, body_end, body_end + 1)
            if index:
                chars[key_start] = BLOCK_BREAK
            if kind != "select":
                for hash_at in _top_level(mask, "#", body_start, body_end):
                    chars[hash_at] = PLACEHOLDER_FILL
                    placeholders.append(Placeholder(hash_at, hash_at + 1, name, "#", "icu"))
            previous = body_end + 1
    for match in _FLUENT_SELECT.finditer(mask):
        fluent = _fluent_variants(mask, match.start(), match.end(), pairs)
        if fluent is None:
            continue
        close, keys = fluent
        _blank_range(chars, source, match.start(), match.end())
        _blank_range(chars, source, close, close + 1)
        for index, (key_start, key_end) in enumerate(keys):
            _blank_range(chars, source, key_start, key_end)
            if index:
                chars[key_start] = BLOCK_BREAK
    return "".join(chars)


def _icu_variants(mask: str, pos: int, pairs: dict[int, int]) -> tuple[int, list[tuple[int, int, int]]] | None:
    """``(closing brace, [(key start, body start, body end)])`` of the ICU branches after a header."""
    bodies: list[tuple[int, int, int]] = []
    while True:
        key = _ICU_KEY.match(mask, pos)
        if key is None:
            close = pos + len(mask[pos : pos + 256]) - len(mask[pos : pos + 256].lstrip())
            if close < len(mask) and mask[close] == "}" and bodies:
                return close, bodies
            return None
        body_start = key.end() + 1
        body_end = pairs.get(key.end())
        if body_end is None:
            return None
        bodies.append((key.start(2), body_start, body_end))
        pos = body_end + 1


def _fluent_variants(mask: str, open_at: int, pos: int, pairs: dict[int, int]) -> tuple[int, list[tuple[int, int]]] | None:
    """``(closing brace, [(key start, key end)])`` of a Fluent select expression's variants.

    A select whose brace never closes is given up at once (the pairs are found in one pass), so
    a file of unclosed selects costs one pass, not one pass per select.
    """
    close = pairs.get(open_at)
    if close is None:
        return None
    keys: list[tuple[int, int]] = []
    depth = 0
    index = pos
    while index < close:
        char = mask[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char in "[*":
            key = _FLUENT_KEY.match(mask, index)
            if key is not None and (not keys or mask.rfind("\n", keys[-1][1], index) != -1):
                keys.append((index, key.end()))
                index = key.end()
                continue
        index += 1
    return (close, keys) if keys else None


def _brace_pairs(mask: str) -> dict[int, int]:
    """Each ``{`` that is closed, mapped to its ``}``, in one pass (a stray ``}`` closes nothing)."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACE.finditer(mask):
        if match.group() == "{":
            opened.append(match.start())
        elif opened:
            pairs[opened.pop()] = match.start()
    return pairs


_BRACE = re.compile(r"[{}]")


def _top_level(mask: str, char: str, start: int, end: int) -> list[int]:
    found, depth = [], 0
    for index in range(start, end):
        if mask[index] == "{":
            depth += 1
        elif mask[index] == "}":
            depth -= 1
        elif depth == 0 and mask[index] == char:
            found.append(index)
    return found


def _blank_range(chars: list[str], source: str, start: int, end: int) -> None:
    for index in range(start, end):
        chars[index] = "\n" if source[index] == "\n" else " "


def _blank(raw: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in raw)


def _fill(raw: str) -> str:
    # A newline inside a placeholder stays a newline so line structure is kept.
    return "".join("\n" if ch == "\n" else PLACEHOLDER_FILL for ch in raw)
