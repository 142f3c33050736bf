"""Every finding's ``text`` is the exact source slice at its reported line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from cxlint.engine.linter import lint_document
from cxlint.findings import Finding
from cxlint.readers import markdown, plaintext, reader_for
from cxlint.rulepack.model import RuleSet
from cxlint.testing import default_ruleset
REPO = Path(__file__).resolve().parent.parent


def slice_at(source: str, finding: Finding) -> str:
    """Cut the source by (line, column) exactly as an editor would: lines split on \\n, columns in code points."""
    lines = source.split("\n")
    start = sum(len(line) + 1 for line in lines[: finding.line - 1]) + finding.column - 1
    end = sum(len(line) + 1 for line in lines[: finding.end_line - 1]) + finding.end_column - 1
    return source[start:end]


_RULESET = default_ruleset()  # hypothesis tests cannot take pytest fixtures


def check_all(source: str, ruleset: RuleSet) -> list[Finding]:
    found = []
    for reader in (plaintext.read, markdown.read):
        for finding in lint_document(reader("x", source), ruleset):
            assert finding.text == source[finding.start : finding.end]
            assert slice_at(source, finding) == finding.text, finding
            found.append(finding)
    return found


def variants(text: str) -> list[str]:
    return [text, text.replace("\n", "\r\n"), "Überschrift — ☕ 🎉\n\n" + text, "\t" + text.replace(" ", "\t", 2)]


def test_positions_over_rule_examples(ruleset: RuleSet) -> None:
    total = 0
    for rule in ruleset.rules:
        for example in rule.bad + rule.good:
            for text in variants(example.text):
                total += len(check_all(text, ruleset))
    assert total > 100


def test_positions_over_corpora(ruleset: RuleSet) -> None:
    total = 0
    for line in (REPO / "corpora" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        for text in variants(json.loads(line)["text"]):
            total += len(check_all(text, ruleset))
    assert total > 300


def test_crlf_columns_do_not_count_the_carriage_return(ruleset: RuleSet) -> None:
    source = "Hello.\r\nWe noticed you paused the video at 2:14 AM.\r\n"
    [time] = [f for f in lint_document(plaintext.read("x", source), ruleset) if f.rule == "CX102"]
    column = "We noticed you paused the video at 2:14 AM.".index("at 2:14") + 1
    assert (time.line, time.column, time.end_line, time.end_column) == (2, column, 2, column + len("at 2:14 AM"))
    assert time.text == "at 2:14 AM"


def test_columns_count_code_points_not_bytes(ruleset: RuleSet) -> None:
    source = "Café ☕ 🎉 — we noticed you browsed jackets at 3:05 AM."
    [time] = [f for f in lint_document(plaintext.read("x", source), ruleset) if f.rule == "CX102"]
    assert time.column == source.index("at 3:05") + 1


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    suffix=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    example=st.sampled_from(
        [
            "We noticed you paused the trailer at 1:52 AM.",
            "Hi {{ first_name }}, you've viewed this {{view_count}} times.",
            "**Free delivery** on every order, guaranteed.",
            "<b>Real people</b> on the phone 24/7 &amp; no hidden fees, ever.",
        ]
    ),
)
def test_positions_hold_around_arbitrary_text(prefix: str, suffix: str, example: str) -> None:
    check_all(prefix + "\n" + example + "\n" + suffix, _RULESET)


# --- component and server templates: the same findings, at the file's own characters ---------

TEMPLATES = {
    "email.tsx": "import {{ Text }} from '@react-email/components';\nexport const E = () => (\n  <Text className=\"x\">\n    {}\n  </Text>\n);\n",
    "email.html.erb": "<% if @user %>\n<p>\n  {}\n</p>\n<% end %>\n",
    "email.svelte": "<script>let a = '{{';</script>\n<p class=\"x\">\n  {}\n</p>\n",
    "email.vue": "<script setup>const a = 1</script>\n<template>\n  <p :class=\"a\">\n    {}\n  </p>\n</template>\n",
}
_MARKUP_FREE = re.compile(r"^[^{}<>&%@$`\\]*$")


def _in_template(name: str, text: str) -> tuple[str, int]:
    """``text`` as the copy of a template of that format, and where it starts."""
    wrapper = TEMPLATES[name]
    source = wrapper.replace("{{", "\x00").replace("{}", text, 1).replace("\x00", "{{") if "{{" in wrapper else wrapper.format(text)
    return source, source.index(text)


def _rule_texts(findings: list[Finding], shift: int) -> list[tuple[str, int, int]]:
    return sorted((f.rule, f.start - shift, f.end - shift) for f in findings)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_rule_examples_inside_component_templates_find_the_same_spans(ruleset: RuleSet, name: str) -> None:
    """Each rule example, as the copy of a JSX/ERB/Svelte/Vue template, gives what it gives as plain text."""
    reader = reader_for(name)
    assert reader is not None
    checked = 0
    for rule in ruleset.rules:
        for example in rule.bad + rule.good:
            if not _MARKUP_FREE.match(example.text) or "\n" in example.text:
                continue
            source, at = _in_template(name, example.text)
            found = lint_document(reader(name, source), ruleset)
            for finding in found:
                assert slice_at(source, finding) == finding.text == source[finding.start : finding.end], (name, finding)
            plain = lint_document(plaintext.read("x", example.text), ruleset)
            assert _rule_texts(found, at) == _rule_texts(plain, 0), (name, example.text)
            checked += len(found)
    assert checked > 100
