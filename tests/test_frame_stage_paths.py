"""The frame stage's shortcuts give exactly what the plain path gives, on every rule example and corpus case."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cxlint.engine.context import document_categories
from cxlint.engine.frame_match import Sentence, match_frame
from cxlint.engine.linter import lint_document
from cxlint.engine.records.stage import find_promises
from cxlint.engine.sentences import DocumentScan
from cxlint.readers.snippet import read_snippet
from cxlint.runner import read_document
from cxlint.rulepack.loader import example_list
from cxlint.testing import default_ruleset
from cxlint.text.literals import needs_digit

_RULESET = default_ruleset()
_CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _texts() -> list[tuple[str, str | None]]:
    """Every rule example, and every case of the labelled corpora, with its channel."""
    texts = [(example.text, example.channel) for rule in _RULESET.rules for _, example in example_list(rule)]
    for path in (_CORPORA / "cases.jsonl", _CORPORA / "v2" / "round1" / "tune.jsonl", _CORPORA / "v2" / "round15" / "tune.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts.append((case["text"], case.get("channel")))
    return texts


_MERGE_FIELDS = [
    ("Hi {{ first_name }}, your {{plan_name}} renews on {{ renewal_date }}. Reply to {{support_email}}.", "email"),
    ("{{ first_name }}, only {{ seats_left }} seats left! {{ count }} people viewed this today.", "landing"),
    ("Dear {{customer.name}}, {{ view_count }} shoppers are looking at {{product}} right now.", "email"),
    ("Hello %%FIRSTNAME%%, we miss you. *|FNAME|*, come back for {{discount}} off.", "email"),
]
_TEXTS = _texts() + _MERGE_FIELDS
_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _read_all() -> list[tuple[list[tuple[str, int, int, str]], list[str]]]:
    """Findings and promise targets of every text, as comparable tuples."""
    out = []
    for text, channel in _TEXTS:
        doc = read_snippet("<text>", text, channel)
        findings = lint_document(doc, _RULESET)
        promises = find_promises(doc, _RULESET, findings)
        found = [repr((t.start, t.end, t.kinds, t.value)) for t in promises.found] if promises is not None else []
        out.append(([(f.rule, f.start, f.end, f.severity) for f in findings], found))
    return out


@pytest.mark.parametrize(
    ("pattern", "digit"),
    [(r"\d+ %", True), (r"(?<!\w) [£$] \s? \d", True), (r"\d* x", False), (r"a | \d", False), (r"(?: \d | x ) y", False), (r"(?: 1 | 2 ) x", True)],
)
def test_a_pattern_needs_a_digit_only_when_every_match_holds_one(pattern: str, digit: bool) -> None:
    assert needs_digit(pattern, re.VERBOSE) is digit


def test_money_is_searched_only_where_a_digit_is() -> None:
    shapes = _RULESET.shapes
    assert shapes["money"].digit and shapes["percentage"].digit and shapes["number"].digit
    assert not shapes["money_word"].digit  # "a tenner" holds none
    sentence = Sentence("Save big on every order today", 0, "Save big on every order today")
    assert not sentence.may_hold_shape(shapes["money"])


def test_the_digit_gate_of_shapes_changes_no_finding_and_no_promise(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _read_all()
    monkeypatch.setattr(Sentence, "may_hold_shape", lambda self, shape: True)
    monkeypatch.setattr(Sentence, "holds", lambda self, lead: True)  # the value readers' amounts, searched everywhere
    assert _read_all() == gated


def test_a_merge_field_slot_is_turned_away_by_the_fields_names_only_where_it_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _read_all()
    monkeypatch.setattr(Sentence, "_may_name", lambda self, names: True)
    assert _read_all() == gated


def _merge_field_sentences() -> list[Sentence]:
    sentences = []
    for text, channel in _MERGE_FIELDS:
        for part in read_snippet("<text>", text, channel).documents():
            sentences += DocumentScan.of(part).sentences
    return sentences


def test_the_merge_field_names_test_says_no_only_where_no_merge_field_slot_is_filled() -> None:
    slots = {slot.matcher.key: slot.matcher for rule in _RULESET.rules for frame in rule.frames for slot in frame.slots
             if slot.matcher.kind == "placeholder" and slot.matcher.names is not None}
    assert slots
    told = 0
    for sentence in _merge_field_sentences():
        for matcher in slots.values():
            if not sentence.may_fill(matcher):
                told += 1
                assert sentence.spans(matcher) == []
    assert told


def _every_document() -> list:
    documents = [part for text, channel in _TEXTS for part in read_snippet("<text>", text, channel).documents()]
    documents += [part for path in sorted(_EXAMPLES.rglob("*.*")) for part in read_document(str(path)).documents()]
    return documents


def test_document_modifiers_pass_over_only_the_sentences_their_frames_cannot_match() -> None:
    modifiers = _RULESET.modifiers
    for part in _every_document():
        sentences = DocumentScan.of(part).sentences
        plain = {m.category for m in modifiers if m.document and any(match_frame(f, s) for s in sentences for f in m.triggers)}
        assert document_categories(sentences, modifiers) == plain
