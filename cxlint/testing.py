"""Helpers for testing rule packs, ours and users' own: lint a string, check a rule's examples."""

from __future__ import annotations

from cxlint.engine.linter import lint_document
from cxlint.findings import Finding
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.rulepack.model import Example, Rule, RuleSet


def default_ruleset(*extra_packs: str) -> RuleSet:
    """The built-in packs plus any pack files given."""
    return load_ruleset(builtin_sources() + [source_from_path(p) for p in extra_packs])


def lint_text(text: str, ruleset: RuleSet, channel: str | None = None) -> list[Finding]:
    """Findings for a piece of copy (read as Markdown, which also blanks HTML tags)."""
    return lint_document(read_snippet("<text>", text, channel), ruleset)


def example_problem(rule: Rule, example: Example, ruleset: RuleSet) -> str | None:
    """Why an example fails its rule, or None when it holds.

    Bad: exactly one finding of the rule, exactly at the marked span, and the fixed text
    (when given) yields none. Good: no finding of the rule.
    """
    mine = [f for f in lint_text(example.text, ruleset, example.channel) if f.rule == rule.id]
    if example.span is None:
        if mine:
            return f"good example flagged at {[f.text for f in mine]}"
        return None
    if len(mine) != 1:
        return f"expected 1 finding, got {len(mine)}: {[f.text for f in mine]}"
    found = (mine[0].start, mine[0].end)
    if found != example.span:
        want = example.text[example.span[0] : example.span[1]]
        return f"span {mine[0].text!r}, expected {want!r}"
    if example.fixed is not None:
        again = [f for f in lint_text(example.fixed, ruleset, example.channel) if f.rule == rule.id]
        if again:
            return f"fixed text still flagged: {[f.text for f in again]}"
    return None


def assert_flags(rule_id: str, text: str, span: str | None, ruleset: RuleSet | None = None) -> None:
    """Assert ``rule_id`` flags ``text`` exactly at the substring ``span`` (None: not at all)."""
    ruleset = ruleset or default_ruleset()
    mine = [f for f in lint_text(text, ruleset) if f.rule == rule_id]
    if span is None:
        assert not mine, f"{rule_id} flagged {[f.text for f in mine]} in {text!r}"
        return
    assert [f.text for f in mine] == [span], f"{rule_id} flagged {[f.text for f in mine]}, expected [{span!r}] in {text!r}"
