"""The learned second opinions (CX190 for barista, CX390 for pressure): the shipped linear models, and the stage
that reads blocks with them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from cxlint.learned import stage
from cxlint.learned.model import LinearModel, ModelError, WeightTable, compile_model
from cxlint.runner import parse_text
from cxlint.testing import default_ruleset, lint_text

RULESET = default_ruleset()
CREEPY = "Looks like you've been to the gym less lately. Need a boost?"
"""A block the rules leave clean and the shipped model scores over its threshold (it is CX190's first example)."""


def _model(weights: dict[str, float], bias: float = -1.0, threshold: float = 0.5) -> LinearModel:
    return LinearModel.from_dict({"format": 1, "category": "barista", "threshold": threshold, "bias": bias,
                                  "weights": weights})


def _only(rule_id: str, model: LinearModel):
    """A ``model_for`` that gives ``model`` to ``rule_id`` and, to every other learned rule, a model that never
    reports: a test of one rule is not also a test of the other's shipped weights."""
    never = _model({}, bias=-50.0)
    return lambda wanted: model if wanted == rule_id else never


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


# --- the model -------------------------------------------------------------------------------------

def test_a_score_is_the_sigmoid_of_the_bias_and_every_unigram_and_bigram_as_often_as_it_occurs() -> None:
    model = _model({"we": 0.5, "saw": 1.0, "we saw": 2.0, "you": 0.25})
    assert model.probability(["we", "saw", "you"]) == pytest.approx(_sigmoid(-1.0 + 0.5 + 1.0 + 2.0 + 0.25))
    assert model.probability(["we", "saw", "we", "saw"]) == pytest.approx(_sigmoid(-1.0 + 2 * (0.5 + 1.0 + 2.0)))
    assert model.probability(["saw", "we"]) == pytest.approx(_sigmoid(-1.0 + 1.5)), "a bigram is read in order"


def test_an_empty_text_scores_the_bias_and_unknown_words_add_nothing() -> None:
    model = _model({"saw": 3.0}, bias=-2.0)
    assert model.probability([]) == pytest.approx(_sigmoid(-2.0))
    assert model.probability(["teapot", "kettle"]) == pytest.approx(_sigmoid(-2.0))


def test_a_large_logit_neither_overflows_nor_loses_its_side() -> None:
    assert _model({"x": 1000.0}).probability(["x"]) == pytest.approx(1.0)
    assert _model({"x": -1000.0}).probability(["x"]) == pytest.approx(0.0)


@pytest.mark.parametrize("data", [
    {"format": 2, "category": "barista", "threshold": 0.7, "bias": 0.0, "weights": {}},
    {"format": 1, "category": "barista", "threshold": 0.7, "weights": {}},
    {"format": 1, "category": "barista", "threshold": 0.7, "bias": 0.0, "weights": {"a": "heavy"}},
    {"format": 1, "category": "barista", "threshold": 0.7, "bias": 0.0, "weights": ["a", 1.0]},
])
def test_a_model_that_is_not_this_format_is_refused_with_a_reason(data: dict) -> None:
    with pytest.raises(ModelError):
        LinearModel.from_dict(data)


def test_an_unreadable_model_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "barista.json"
    bad.write_bytes(b"{not json")
    with pytest.raises(ModelError, match="barista.json"):
        LinearModel.load(bad)


@pytest.mark.parametrize(("rule_id", "category", "threshold"), [("CX190", "barista", 0.7), ("CX390", "pressure", 0.9)])
def test_each_shipped_model_is_a_trained_model_with_its_provenance(rule_id: str, category: str, threshold: float) -> None:
    source = (stage.MODELS / stage.RULE_MODELS[rule_id]).with_suffix(".json")
    data = json.loads(source.read_text(encoding="utf-8"))
    model = LinearModel.from_dict(data)
    assert model.category == category and model.threshold == threshold
    assert stage.model_for(rule_id).category == category, "the compiled table is the same category's"
    assert len(data["weights"]) > 10_000
    assert all(key == key.strip() and key.count(" ") <= 1 for key in data["weights"]), "unigrams and bigrams only"
    provenance = data["provenance"]
    assert provenance["training"]["train_set"] and provenance["training"]["background"] > 0
    assert not any("holdout" in name or "blind" in name for name in provenance["training"]["train_set"])
    rules = {r.id: r for r in RULESET.rules}
    assert rules[rule_id].category == category


def test_no_two_weights_of_a_shipped_model_share_a_slot_key() -> None:
    """The compiled table keys by CRC-32 and would add two clashing n-grams' weights: the exporter leaves the
    lighter one out, and a shipped (or hand-edited) model must hold none."""
    from cxlint.learned.model import ngram_hash

    for source in sorted(stage.MODELS.glob("*.json")):
        weights = json.loads(source.read_text(encoding="utf-8"))["weights"]
        assert len({ngram_hash(key) for key in weights}) == len(weights), source.name


def test_the_exporter_leaves_out_the_lighter_of_two_clashing_ngrams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks" / "textcat"))
    from export import without_clashes

    weights = {"plumless": 0.5, "buckeroo": -0.75, "kettle": 0.2}  # the first two share a CRC-32
    assert without_clashes(weights) == ({"buckeroo": -0.75, "kettle": 0.2}, ["plumless"])


def test_every_compiled_model_is_what_its_json_compiles_to() -> None:
    """The .bin cxlint loads is generated (scripts/compile_learned_models.py): it must not drift from the JSON."""
    sources = sorted(stage.MODELS.glob("*.json"))
    assert sources and {s.with_suffix(".bin").name for s in sources} >= set(stage.RULE_MODELS.values())
    for source in sources:
        assert source.with_suffix(".bin").read_bytes() == compile_model(source), f"run scripts/compile_learned_models.py ({source.name})"


def test_the_compiled_table_scores_as_the_json_weights_do() -> None:
    weights = {"we": 0.5, "saw": 1.25, "we saw": 2.0, "you": -0.75}
    model = _model(weights)
    again = LinearModel.from_bytes(model.to_bytes())
    assert (again.category, again.threshold, again.bias) == ("barista", 0.5, -1.0)
    for words in (["we", "saw", "you"], ["you"], [], ["kettle", "we", "saw"]):
        assert again.probability(words) == pytest.approx(model.probability(words), abs=1e-6)
    table = WeightTable.build(weights)
    assert len(table.keys) >= 2 * len(weights) and table.get("we saw") == 2.0 and table.get("saw we") == 0.0


def test_a_compiled_model_file_is_read_in_place_and_scores_as_its_source(tmp_path: Path) -> None:
    model = _model({"we": 0.5, "saw": 1.25, "we saw": 2.0})
    path = tmp_path / "m.bin"
    path.write_bytes(model.to_bytes())
    loaded = LinearModel.load(path)
    assert isinstance(loaded.table.keys, memoryview), "mapped, not copied"
    assert loaded.probability(["we", "saw", "you"]) == pytest.approx(model.probability(["we", "saw", "you"]), abs=1e-6)
    assert loaded.to_bytes() == model.to_bytes()


@pytest.mark.parametrize("rule_id", sorted(stage.RULE_MODELS))
def test_a_mapped_model_survives_pickling_as_a_worker_would_receive_it(rule_id: str) -> None:
    import pickle

    model = stage.model_for(rule_id)
    again = pickle.loads(pickle.dumps(model))
    words = "you were so close , do n't throw it all away now".split()
    assert (again.category, again.threshold, again.bias) == (model.category, model.threshold, model.bias)
    assert again.logit(words) == model.logit(words)


@pytest.mark.parametrize("data", [b"", b"CXLM", b"XXXX" + bytes(40), _model({"a": 1.0}).to_bytes()[:-4]])
def test_a_truncated_empty_or_foreign_model_file_is_refused_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.bin"
    path.write_bytes(data)
    with pytest.raises(ModelError, match="broken.bin"):
        LinearModel.load(path)


@pytest.mark.parametrize("data", [b"", b"CXLM", b"XXXX" + bytes(40), _model({"a": 1.0}).to_bytes()[:-4]])
def test_a_truncated_or_foreign_compiled_model_is_refused(data: bytes) -> None:
    with pytest.raises(ModelError):
        LinearModel.from_bytes(data)


# --- the stage -------------------------------------------------------------------------------------

def test_blocks_are_runs_of_lines_between_blank_lines_trimmed() -> None:
    doc = parse_text("a.md", "  First line\nsame block\n\n\n  Second block  \n")
    assert [doc.mask[s:e] for s, e in stage.blocks(doc)] == ["First line\nsame block", "Second block"]


def test_a_structured_file_is_read_string_by_string() -> None:
    text = '{"a": "Your order has shipped.", "b": "Looks like you were at the gym less."}'
    doc = parse_text("strings.json", text)
    assert doc.segments, "the JSON reader marks each string"
    assert [doc.mask[s:e] for s, e in stage.blocks(doc)] == ["Your order has shipped.", "Looks like you were at the gym less."]


def test_a_block_the_model_scores_high_is_reported_whole_at_its_start() -> None:
    text = f"# Hello\n\n{CREEPY}\n"
    found = [f for f in lint_text(text, RULESET) if f.rule == "CX190"]
    assert [(f.line, f.column, f.text) for f in found] == [(3, 1, CREEPY)]
    assert found[0].category == "barista" and found[0].severity == "warning"
    assert "(score 0." in found[0].message and dict(found[0].extra)["score"] >= 0.7


def test_a_block_that_does_not_address_the_reader_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Creepy personalisation is about the reader: a block with no 'you' and no merge field is left alone."""
    monkeypatch.setattr(stage, "model_for", _only("CX190", _model({}, bias=5.0)))
    assert not [f for f in lint_text("The gym was quiet all week.", RULESET) if f.rule == "CX190"]
    assert [f for f in lint_text("The gym was quiet all week, you know.", RULESET) if f.rule == "CX190"]
    assert [f for f in lint_text("Hi {{first_name}}, the gym was quiet all week.", RULESET) if f.rule == "CX190"]


def test_a_block_a_rule_already_reported_is_not_reported_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stage, "model_for", _only("CX190", _model({}, bias=5.0)))
    findings = lint_text("We noticed you browsing sofas at 3:17 AM.", RULESET)
    assert any(f.category == "barista" and f.rule != "CX190" for f in findings)
    assert not [f for f in findings if f.rule == "CX190"]


def test_a_disabled_rule_reads_nothing_and_a_long_block_is_not_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    from cxlint.engine.linter import lint_document
    from cxlint.readers.snippet import read_snippet

    monkeypatch.setattr(stage, "model_for", lambda rule_id: _model({}, bias=5.0))
    doc = read_snippet("x.md", "You are here.")
    assert sorted(f.rule for f in lint_document(doc, RULESET)) == ["CX190", "CX390"], "each model reads the block"
    assert [f.rule for f in lint_document(doc, RULESET, disabled=frozenset({"CX190"}))] == ["CX390"]
    assert lint_document(doc, RULESET, disabled=frozenset({"CX190", "CX390"})) == []
    long_block = " ".join(["you"] * (stage.MAX_WORDS + 1))
    assert not [f for f in lint_text(long_block, RULESET) if f.rule in stage.RULE_MODELS]


def test_a_blocks_words_are_read_once_for_every_model_that_scores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two models read the same blocks: a block's words are taken once, not once per model."""
    calls: list[tuple[int, int]] = []
    taken = stage.block_words

    def counted(mask, scan, start, end):
        calls.append((start, end))
        return taken(mask, scan, start, end)

    monkeypatch.setattr(stage, "block_words", counted)
    monkeypatch.setattr(stage, "model_for", lambda rule_id: _model({}, bias=-5.0))
    stage._scores.clear()
    lint_text("You are here.\n\nAnd you are there.", RULESET)
    assert len(calls) == 2 and len(set(calls)) == 2


def test_a_pack_set_without_the_learned_rule_runs_no_model() -> None:
    from cxlint.rulepack.loader import builtin_sources, load_ruleset

    assert [r.id for r in stage.learned_rules(RULESET, frozenset())] == ["CX190", "CX390"]
    assert [r.id for r in stage.learned_rules(RULESET, frozenset({"CX190"}))] == ["CX390"]
    assert not stage.learned_rules(RULESET, frozenset({"CX190", "CX390"}))
    without_barista = load_ruleset([s for s in builtin_sources() if s.name != "rules/barista.yaml"])
    assert [r.id for r in stage.learned_rules(without_barista, frozenset())] == ["CX390"]
    assert not [f for f in lint_text(CREEPY, without_barista) if f.rule == "CX190"]


def test_a_pressure_block_the_rules_leave_clean_is_reported_as_pressure() -> None:
    """CX390's first example: no pressure rule names its wording, the pressure model does."""
    text = "You were so close. Don't throw it all away now."
    assert not [f for f in lint_text(text, RULESET) if f.category == "pressure" and f.rule != "CX390"]
    [found] = [f for f in lint_text(text, RULESET) if f.rule == "CX390"]
    assert found.category == "pressure" and dict(found.extra)["score"] >= 0.9 and found.text == text


def test_the_pressure_model_does_not_repeat_a_pressure_rule_but_reads_beside_a_barista_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second opinion keeps to its category: a block a pressure rule reported gets no CX390, and a block a
    barista rule reported is still read by the pressure model."""
    monkeypatch.setattr(stage, "model_for", _only("CX390", _model({}, bias=5.0)))
    stage._scores.clear()
    pressed = lint_text("Only 2 left in your size! Hurry, this deal ends tonight.", RULESET)
    assert any(f.category == "pressure" for f in pressed) and not [f for f in pressed if f.rule == "CX390"]
    creepy = lint_text("We noticed you browsing sofas at 3:17 AM.", RULESET)
    assert any(f.category == "barista" for f in creepy) and [f for f in creepy if f.rule == "CX390"]


def test_a_block_whose_rule_the_configuration_switched_off_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turning CX101 off means the category is quiet there: CX190 does not repeat it (test_config's --disable)."""
    from cxlint.engine.linter import lint_document
    from cxlint.readers.snippet import read_snippet

    monkeypatch.setattr(stage, "model_for", _only("CX190", _model({}, bias=5.0)))
    doc = read_snippet("x.md", "We noticed you browsing sofas at 3:17 AM.\n\nYou might like our new range.")
    rules = lambda off: [f.rule for f in lint_document(doc, RULESET, disabled=frozenset(off))]  # noqa: E731
    assert "CX101" in rules(()) and rules(()).count("CX190") == 1  # the second block only
    assert rules({"CX101", "CX102"}) == ["CX190"], "the first block stays quiet, the second is still read"
    assert "CX190" in rules({"CX302"}) and "CX101" in rules({"CX302"})


def test_the_words_that_weigh_most_are_named_heaviest_first_without_punctuation_or_plain_words() -> None:
    model = _model({"gym": 2.0, "lately": 1.0, "?": 3.0, "you": 4.0, "the gym": 1.5, "you lately": 0.5, "boost": -1.0})
    words = ["you", "the", "gym", "lately", "?", "boost"]
    assert model.drivers(words, frozenset({"you"})) == ["gym", "the gym", "lately"]
    assert model.drivers(["boost"], frozenset()) == [], "only n-grams that raise the score"


def test_a_finding_names_the_words_its_score_rests_on() -> None:
    [found] = [f for f in lint_text(CREEPY, RULESET) if f.rule == "CX190"]
    weighs = dict(found.extra)["weighs"]
    assert weighs and all(f"'{g}'" in found.message for g in weighs)
    assert all(g.split(" ")[0] in CREEPY.lower() for g in weighs)


# --- a block's words -------------------------------------------------------------------------------

_TRICKY_BLOCKS = [
    "Hi {{first_name}}, don't miss it.\n\nWe saw you check-in at 9 - 5 — twice.  You’re ΣΑΣ’s fan?",
    "- a list item\n- you, again\n\n1. first   2. second",
    "you" + "x" * 2500 + " and you",  # a line cut mid-word: its pieces do not tile the block
    "{\"a\": \"Your order has shipped.\", \"b\": \"You were at the gym.\"}",
]


def _case_texts() -> list[str]:
    from tests.sample_texts import example_and_case_texts

    return example_and_case_texts(RULESET) + _TRICKY_BLOCKS


def test_a_blocks_words_from_its_sentences_are_the_words_tokenizing_it_gives() -> None:
    """The stage takes a block's words from the sentences the rules already read; on every rule example,
    labelled case and awkward block they are what tokenizing the block itself gives, in order."""
    from cxlint.engine.sentences import DocumentScan
    from cxlint.learned.words import block_words
    from cxlint.text.tokens import tokenize

    for number, text in enumerate(_case_texts()):
        doc = parse_text("case.json" if text.startswith("{\"") else "case.md", text)
        scan = DocumentScan.of(doc)
        for index, sentence in enumerate(scan.sentences):  # some sentences tokenized by a frame first, some only gated
            _ = sentence.tokens if (number + index) % 3 == 0 else sentence.word_set
        for start, end in stage.blocks(doc):
            assert list(block_words(doc.mask, scan, start, end)) == list(tokenize(doc.mask[start:end]).words), text


def test_a_sentences_words_are_its_tokens_words() -> None:
    from cxlint.engine.frame_match import Sentence
    from cxlint.text.normalize import normalize

    for text in _TRICKY_BLOCKS + ["We can't — won't — say", "co-op", "Ƥ", ""]:
        assert list(Sentence.of(text, normalize(text), 0, len(text)).words) == list(Sentence.of(text, normalize(text), 0, len(text)).tokens.words)


def _logit_by_strings(model: LinearModel, words: list[str]) -> float:
    """The logit as the table defines it, every n-gram looked up by its string, in the text's order."""
    total = model.bias
    for at, word in enumerate(words):
        total += model.table.get(word)
        if at:
            total += model.table.get(f"{words[at - 1]} {word}")
    return total


@pytest.mark.parametrize("rule_id", sorted(stage.RULE_MODELS))
def test_the_remembered_weights_give_the_logit_the_table_gives_exactly(rule_id: str) -> None:
    """Unigrams remembered by word and bigrams by their pair of words: on every rule example, labelled case
    and awkward block, the logit is the one string lookups give, to the last bit, met once or again."""
    from cxlint.text.tokens import tokenize

    model = stage.model_for(rule_id)
    fresh = LinearModel(model.category, model.threshold, model.bias, model.table)
    for text in _case_texts():
        words = list(tokenize(text).words)
        expected = _logit_by_strings(model, words)
        assert fresh.logit(words) == expected, text
        assert fresh.logit(words) == expected, text


def test_a_blocks_remembered_score_is_the_score_of_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A block's score is remembered by its text for the run: on every rule example, labelled case and awkward
    block (each read twice, in turn), the findings are those of a run that remembers none."""
    texts = _case_texts()
    remembered = [lint_text(text, RULESET) for text in texts + texts]
    forgetting = []
    for text in texts + texts:
        stage._scores.clear()
        forgetting.append(lint_text(text, RULESET))
    assert [[(f.rule, f.start, f.end, f.message) for f in found] for found in remembered] == \
        [[(f.rule, f.start, f.end, f.message) for f in found] for found in forgetting]
