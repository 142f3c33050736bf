"""``cxlint rules`` and ``cxlint rule ID``: read the packs, never the NLP."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from cxlint.commands import EXIT_ERROR, EXIT_OK
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.rulepack.model import Example, Rule
from cxlint.rulepack.names import closest


def run_rules(stream: TextIO, extra_packs: tuple[str, ...] = (), output_format: str = "text") -> int:
    ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in extra_packs])
    if output_format == "md":
        from cxlint.commands.rules_markdown import render_markdown

        stream.write(render_markdown(ruleset))
        return EXIT_OK
    listed = list(ruleset.rules)
    width = max((len(r.name) for r in listed), default=10)
    for rule in sorted(listed, key=lambda r: r.id):
        stream.write(f"{rule.id}  {rule.name:<{width}}  {rule.category:<8}  {rule.severity:<7}  {rule.message}\n")
    stream.write(f"{len(ruleset.rules)} rules in {len(ruleset.packs)} packs ({', '.join(ruleset.packs)})\n")
    return EXIT_OK


def run_rule(rule_id: str, stream: TextIO, err: TextIO, extra_packs: tuple[str, ...] = ()) -> int:
    """Explain the rule named by its id (``CX102``) or its name (``precise-time``)."""
    ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in extra_packs])
    rule = find_rule(ruleset.rules, rule_id)
    if rule is None:
        err.write(f"cxlint: unknown rule {rule_id!r}; {_closest(ruleset.rules, rule_id) or '`cxlint rules` lists them'}\n")
        return EXIT_ERROR
    stream.write(explain(rule))
    return EXIT_OK


def find_rule(rules: Iterable[Rule], wanted: str) -> Rule | None:
    """The rule whose id or name is ``wanted``, in any case, with ``_`` or spaces for ``-``."""
    key = _key(wanted)
    return next((r for r in rules if key in (r.id.lower(), r.name)), None)


def _key(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


def _closest(rules: Iterable[Rule], wanted: str) -> str:
    """``did you mean 'precise-time' (CX102)?`` for the nearest name or id, or nothing."""
    by_word = {r.name: r for r in rules} | {r.id.lower(): r for r in rules}
    hint = closest(_key(wanted), by_word)
    if hint is None:
        return ""
    rule = by_word[hint]
    return f"did you mean '{rule.name}' ({rule.id})?"


def explain(rule: Rule) -> str:
    lines = [
        f"{rule.id} {rule.name} ({rule.category}, {rule.severity}; pack {rule.pack})",
        "",
        rule.message,
        "",
        "Why: " + rule.rationale,
        "",
        "Suggestion: " + rule.suggestion,
    ]
    if rule.bad:
        lines += ["", "Flagged:"] + [f"  - {_show(e)}" for e in rule.bad]
    if rule.good:
        lines += ["", "Not flagged:"] + [f"  - {e.text}" for e in rule.good]
    return "\n".join(lines) + "\n"


def _show(example: Example) -> str:
    if example.span is None:
        return example.text
    start, end = example.span
    return f"{example.text[:start]}[[{example.text[start:end]}]]{example.text[end:]}"
