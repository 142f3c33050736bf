"""Template syntax: merge fields become one placeholder token, control tags become blank.

Covers Jinja/Liquid/Twig/Nunjucks, Handlebars/Mustache, Mailchimp merge tags, Salesforce and
AMPscript ``%%…%%``, Fluent placeables, ICU/simple ``{name}``, Rails ``%{name}`` and printf.
"""

from __future__ import annotations

import re

from cxlint.document import PLACEHOLDER_FILL, Placeholder

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
  | (?P<fluent>\{\s*[$-][A-Za-z][\w-]*(?:\.[\w-]+)?\s*\}|\{\s*[A-Z]+\(\s*\$[\w-]+[^{}\n]*\)\s*\})
  | (?P<rails>%\{[A-Za-z_]\w*\})
  | (?P<simple>\{[A-Za-z_][\w.]*(?:,[^{}\n]{0,40})?\}|\{\d{1,2}\})
  | (?P<printf>%(?:\(\w+\)|\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdif@](?![A-Za-z]))
    """,
    re.VERBOSE | re.DOTALL,
)


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
    pieces: list[str] = []
    placeholders: list[Placeholder] = []
    last = 0
    for match in _SYNTAX.finditer(mask):
        kind = match.lastgroup or ""
        start, end = match.span()
        raw = source[start:end]
        pieces.append(mask[last:start])
        if kind in ("comment", "control"):
            pieces.append(_blank(raw))
        else:
            name = variable_name(raw, kind)
            placeholders.append(Placeholder(start, end, name, raw, kind))
            pieces.append(_fill(raw))
        last = end
    pieces.append(mask[last:])
    return "".join(pieces), tuple(placeholders)


def _blank(raw: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in raw)


def _fill(raw: str) -> str:
    # A newline inside a placeholder stays a newline so line structure is kept.
    return "".join("\n" if ch == "\n" else PLACEHOLDER_FILL for ch in raw)
