"""The frame indexes lose nothing: a frame they leave out of a sentence finds nothing there.

The gate index (rules, evidence, record readers) and the trigger indexes (modifiers, the records'
word classes) are checked against trying every frame on every sentence of every rule example and corpus case.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest

from cxlint.document import Document
from cxlint.engine.context import find_modifiers
from cxlint.engine.frame_match import Sentence, match_frame
from cxlint.engine.sentences import document_sentences
from cxlint.engine.triggers import TriggerIndex, trigger
from cxlint.rulepack.frames import Frame
from cxlint.rulepack.loader import builtin_sources, load_ruleset
from cxlint.rulepack.model import RuleSet
from cxlint.rulepack.records import reader_key
from tests.test_frames import _texts


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_ruleset(builtin_sources())


def _documents() -> Iterator[tuple[str, str, list[tuple[int, int]], list[Sentence]]]:
    for text in _texts():
        spans, plain, sentences = document_sentences(Document("case.txt", text, text))
        yield text, plain, spans, sentences


def _indexed_frames(ruleset: RuleSet) -> list[tuple[object, dict[tuple[str, int], Frame]]]:
    """Each gate index of the rule set with the frames it indexes, by the key it gives them (the rules' index
    holds the record readers' frames too)."""
    rules = {(rule.id, number): frame for rule in ruleset.rules for number, frame in enumerate(rule.frames)}
    evidence = {(str(position), number): frame for position, ev in enumerate(ruleset.evidence) for number, frame in enumerate(ev.frames)}
    if ruleset.records is not None:  # the readers' frames share the rules' index
        rules.update({
            (reader_key(index), number): frame
            for index, reader in enumerate(ruleset.records.readers)
            for number, frame in enumerate(reader.find)
        })
    indexed = [(ruleset.frame_gates, rules), (ruleset.evidence_gates, evidence)]
    return indexed


def test_every_frame_that_matches_a_sentence_is_one_the_gate_index_lets_through(ruleset: RuleSet) -> None:
    indexed = _indexed_frames(ruleset)
    matched = 0
    for text, plain, spans, sentences in _documents():
        for gates, frames in indexed:
            let_through = gates.candidates(plain, spans, sentences, [], {})
            for index, sentence in enumerate(sentences):
                tried = let_through.get(index, set())
                for key, frame in frames.items():
                    if match_frame(frame, sentence):
                        matched += 1
                        assert key in tried, (key, sentence.text, text[:80])
    assert matched > 1000


def test_the_modifier_index_finds_what_trying_every_trigger_finds(ruleset: RuleSet) -> None:
    triggers = ruleset.modifier_triggers
    found = 0
    for text, _plain, _spans, sentences in _documents():
        for sentence in sentences:
            hits = find_modifiers(sentence, ruleset.modifiers, triggers)
            assert hits == find_modifiers(sentence, ruleset.modifiers), (sentence.text, text[:80])
            found += len(hits)
    assert found > 100


def test_a_sentence_visits_the_frames_whose_trigger_it_holds_and_the_untriggered_in_order(ruleset: RuleSet) -> None:
    frame = next(f for modifier in ruleset.modifiers for f in modifier.triggers if trigger(f) is not None)
    untriggered = Frame(slots=(), report=("a", "a"))
    index = TriggerIndex.of([("late", untriggered), ("early", frame)])
    assert index.keys_in(frozenset()) == ["late"]
    word = next(iter(index.by_word))
    assert index.keys_in(frozenset({word})) == ["late", "early"]


def test_the_trigger_index_survives_the_compiled_pack_cache(ruleset: RuleSet) -> None:
    from cxlint.rulepack.cache import compact_pickle

    loaded = pickle.loads(compact_pickle(ruleset)).modifier_triggers
    assert (loaded.keys, loaded.untriggered, loaded.by_word) == (
        ruleset.modifier_triggers.keys,
        ruleset.modifier_triggers.untriggered,
        ruleset.modifier_triggers.by_word,
    )


def test_every_record_word_class_that_matches_a_sentence_holds_one_of_its_trigger_words(ruleset: RuleSet) -> None:
    assert ruleset.records is not None
    triggers, words = ruleset.record_triggers, ruleset.records.words
    matched = 0
    for _text, _plain, _spans, sentences in _documents():
        for sentence in sentences:
            for name, frames in words.items():
                if any(match_frame(frame, sentence) for frame in frames):
                    matched += 1
                    needed = triggers[name]
                    assert needed is None or not needed.isdisjoint(sentence.word_set), (name, sentence.text)
    assert matched > 1000

