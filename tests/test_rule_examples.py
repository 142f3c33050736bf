"""Every rule's examples are tests (LanguageTool's discipline): one test id per example."""

from __future__ import annotations

import re

import pytest

from cxlint.findings import Finding
from cxlint.rulepack.loader import example_list
from cxlint.rulepack.model import Example, Rule
from cxlint.testing import assert_flags, default_ruleset, example_problem, lint_text

_RULESET = default_ruleset()
_CASES = [(rule, example) for rule in _RULESET.rules for _, example in example_list(rule)]
_IDS = [test_id for rule in _RULESET.rules for test_id, _ in example_list(rule)]


@pytest.mark.parametrize(("rule", "example"), _CASES, ids=_IDS)
def test_example(rule: Rule, example: Example) -> None:
    problem = example_problem(rule, example, _RULESET)
    assert problem is None, problem


_FRAMED = [rule for rule in _RULESET.rules if rule.detector is None]
"""Rules that cxlint's own code raises (``detector: builtin``) are tested where that code is."""


@pytest.mark.parametrize("rule", _FRAMED, ids=[r.id for r in _FRAMED])
def test_rule_has_bad_and_good_examples_and_a_fix(rule: Rule) -> None:
    assert len(rule.bad) >= 2, f"{rule.id} needs at least two bad examples"
    assert len(rule.good) >= 2, f"{rule.id} needs at least two good examples"
    assert any(e.fixed is not None for e in rule.bad), f"{rule.id} needs a bad example with a fix"


@pytest.mark.parametrize("rule", _RULESET.rules, ids=[r.id for r in _RULESET.rules])
def test_rule_texts_are_complete(rule: Rule) -> None:
    """A '#' in an unquoted YAML scalar silently cuts the text: parentheses and quotes must balance."""
    for text in (rule.message, rule.rationale, rule.suggestion):
        assert text.count("(") == text.count(")"), text
        assert text.count('"') % 2 == 0, text


def _rule_findings(rule: Rule, text: str) -> list[Finding]:
    from cxlint.engine.linter import lint_document
    from cxlint.runner import parse_text

    return [f for f in lint_document(parse_text("example.md", text), _RULESET) if f.rule == rule.id]


_WITH_REPLACEMENT = sorted({rule.id for rule in _RULESET.rules for frame in rule.frames if frame.replacement})


@pytest.mark.parametrize("rule_id", _WITH_REPLACEMENT)
def test_a_replacement_applied_does_not_trigger_the_rule_again(rule_id: str) -> None:
    """A frame's ``replacement`` is a fix an editor applies unseen: it must clear the finding, and only
    whole-sentence reports carry one (elsewhere the rest of the sentence would no longer read)."""
    rule = _RULESET.by_id()[rule_id]
    replaced = 0
    for example in rule.bad:
        text = example.text.replace("[[", "").replace("]]", "")
        [finding] = _rule_findings(rule, text)
        if finding.replacement is None:  # a frame without a replacement slot (no decline word to keep)
            continue
        assert text.strip(" .!?") == finding.text, f"{rule_id}: a replacement on part of a sentence: {text!r}"
        fixed = text[: finding.start] + finding.replacement + text[finding.end :]
        assert _rule_findings(rule, fixed) == [], fixed
        replaced += 1
    assert replaced >= 2, f"{rule_id}: fewer than two bad examples show the replacement"


def test_assert_flags_helper_checks_rule_and_span() -> None:
    from cxlint.testing import assert_flags

    assert_flags("CX102", "You paused the film at 1:52 AM.", "at 1:52 AM", _RULESET)
    assert_flags("CX102", "Your order left the depot at 1:52 AM.", None, _RULESET)
    with pytest.raises(AssertionError):
        assert_flags("CX102", "You paused the film at 1:52 AM.", "1:52 AM", _RULESET)
    with pytest.raises(AssertionError):
        assert_flags("CX102", "You paused the film at 1:52 AM.", None, _RULESET)


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    r"""A span whose first (last) character is a word character with another word character before (after) it."""
    word = re.compile(r"\w")
    starts_inside = start > 0 and bool(word.match(text[start])) and bool(word.match(text[start - 1]))
    ends_inside = end < len(text) and bool(word.match(text[end - 1])) and bool(word.match(text[end]))
    return starts_inside or ends_inside


_TEXTS = sorted({t for r in _RULESET.rules for _, e in example_list(r) for t in (e.text, e.fixed) if t})


def test_no_finding_on_any_rule_example_starts_or_ends_inside_a_word() -> None:
    """Every rule runs on every example's text (and fixed text): no span may cut a word in two."""
    cut = [
        (f.rule, f.text, text)
        for text in _TEXTS
        for f in lint_text(text, _RULESET)
        if _cuts_a_word(text, f.start, f.end)
    ]
    assert not cut, cut


@pytest.mark.parametrize(
    ("rule_id", "text", "span"),
    [
        ("CX206", "Your score will rise by 20pts.", "will rise by 20pts"),
        ("CX206", "Switch today and save £300pa.", "save £300pa"),
        ("CX206", "Gain 5kg of muscle.", "Gain 5kg of muscle"),
    ],
)
def test_a_number_glued_to_letters_is_reported_whole(rule_id: str, text: str, span: str) -> None:
    """Tokens split digits from letters (a number and its unit): a frame ending on the number still reports the word."""
    assert_flags(rule_id, text, span, _RULESET)
