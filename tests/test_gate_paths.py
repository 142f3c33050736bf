"""The derived gates' shortcuts let through exactly the frames the sentence-by-sentence gate does.

A regex gate searches only where one of its frames' other slots can be filled, finds the
sentences holding a digit from one pass over the text, and searches from a few sentences'
starts instead of over the whole text. Each is checked against the plain path on every rule
example and every case of the labelled corpora.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cxlint.engine import gate
from cxlint.engine.frame_match import Sentence
from cxlint.engine.gate import GateIndex, _holding, _sentences_hit, _sentences_hit_among
from cxlint.engine.sentences import document_sentences
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import example_list
from cxlint.testing import default_ruleset
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.leading import lead_regex

_RULESET = default_ruleset()
_ROOT = Path(__file__).resolve().parent.parent
_CORPORA = ("corpora/cases.jsonl", "corpora/v2/round1/tune.jsonl", "corpora/v2/registry10/cases.jsonl")


def _texts() -> list[tuple[str, str | None]]:
    texts = [(example.text, example.channel) for rule in _RULESET.rules for _, example in example_list(rule)]
    for name in _CORPORA:
        for line in (_ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts.append((case["text"], case.get("channel")))
    return texts


_TEXTS = _texts()


def _plain_path(gates: GateIndex) -> GateIndex:
    """The same gate without the owner shortcut: every regex gate searched wherever its match can be."""
    plain = GateIndex(**{name: value for name, value in vars(gates).items() if name != "_groups"})
    plain.regex_needs = [None] * len(gates.by_regex)
    return plain


def _holding_by_sentence(lead: str, mask: str, starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    sentences = [Sentence.of(mask, mask, start, end) for start, end in spans]
    return [i for i, sentence in enumerate(sentences) if sentence.holds(lead)] if lead_regex(lead).search(mask) else []


def _documents() -> list:
    """Every rule example and corpus case, split into sentences as the gates see them."""
    return [document_sentences(part) for text, channel in _TEXTS for part in read_snippet("<text>", text, channel).documents()]


def test_every_example_and_case_gets_the_same_frames_through_the_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents()
    for gates in (_RULESET.frame_gates, _RULESET.evidence_gates):
        fast = [gates.candidates(plain, spans, sentences) for spans, plain, sentences in documents]
        with monkeypatch.context() as patched:
            patched.setattr(gate, "_holding", _holding_by_sentence)
            slow = [_plain_path(gates).candidates(plain, spans, sentences) for spans, plain, sentences in documents]
        assert fast == slow


def test_sentences_asked_about_among_the_others_get_what_they_get_when_all_are_asked() -> None:
    for spans, plain, sentences in _documents():
        for gates in (_RULESET.frame_gates, _RULESET.evidence_gates):
            whole = gates.candidates(plain, spans, sentences)
            for among in (set(range(0, len(sentences), 2)), set(range(1, len(sentences), 3)), {len(sentences) - 1}, set()):
                among = {index for index in among if index >= 0}
                assert gates.candidates(plain, spans, sentences, among=among) == {i: f for i, f in whole.items() if i in among}


def test_a_gate_that_met_the_same_words_before_lets_through_what_it_did_then() -> None:
    """Every example and case, read by a gate that has met none of their sentences, then by one that met them all
    (in the other order, so a sentence is answered from what another document's sentence of the same words got)."""
    documents = _documents()
    for gates in (_RULESET.frame_gates, _RULESET.evidence_gates):
        gate._seen.clear()
        cold = [gates.candidates(plain, spans, sentences) for spans, plain, sentences in documents]
        assert len(gate._verdicts(gates)) > 0
        fresh = _documents()[::-1]  # new sentence objects: nothing they found out before is in them
        warm = [gates.candidates(plain, spans, sentences) for spans, plain, sentences in fresh][::-1]
        assert warm == cold
        among = [gates.candidates(plain, spans, sentences, among=set(range(1, len(sentences), 2)))
                 for spans, plain, sentences in _documents()]
        assert among == [{i: f for i, f in whole.items() if i % 2} for whole in cold]


def _without_first_words(gates: GateIndex) -> GateIndex:
    """The same gate with no slot turned away for lacking its entries' first words (each key word begins every slot)."""
    plain = GateIndex(**{name: value for name, value in vars(gates).items() if name != "_groups"})
    plain.masks = [*gates.masks, (1 << len(gates.bit_lexicons)) - 1]
    plain.first_bits = dict.fromkeys(gates.word_bits, len(plain.masks) - 1)
    plain.slot_words = frozenset(gates.word_bits)
    return plain


def test_the_first_words_of_a_slots_entries_turn_away_only_frames_the_lexicon_test_would() -> None:
    documents = _documents()
    for gates in (_RULESET.frame_gates, _RULESET.evidence_gates):
        fast = [gates.candidates(plain, spans, sentences) for spans, plain, sentences in documents]
        slow = [_without_first_words(gates).candidates(plain, spans, sentences) for spans, plain, sentences in documents]
        assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        "Call 0800 123 456. Open 9-5.\nNo digits here. 24/7 support 12",
        "7up",
        "one. two 3.4 five",
        "",
        "£5 off. Save $10 today. ¥",
    ],
)
def test_the_sentences_holding_a_character_class_come_from_one_pass(text: str) -> None:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+[.\n]?", text)]
    starts = [s for s, _ in spans]
    for lead in (r"[\d]", r"[23]", r"[\$\d£¥€₹]"):
        assert _holding(lead, text, starts, spans) == _holding_by_sentence(lead, text, starts, spans)


def test_searching_from_a_few_sentence_starts_names_what_the_whole_text_pass_does() -> None:
    text = "Hello there. we said Hi. nothing.Then More words here and. last One"
    spans = [(0, 12), (13, 24), (25, 33), (33, 58), (59, len(text))]
    starts = [s for s, _ in spans]
    capitalised = LazyRegex(r"(?<![\w'-])[A-Z][a-z]+")
    everything = _sentences_hit(capitalised, text, starts, spans)
    for among in ([0, 1, 2, 3, 4], [1, 2], [2, 4], [4], [], [0, 3]):
        assert _sentences_hit_among(capitalised, text, spans, among) == [i for i in everything if i in among]
    assert _sentences_hit_among(LazyRegex(r"\bzebra\b"), text, spans, [0, 1, 2]) == []
