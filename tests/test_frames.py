"""Rules v2: tokens, lexicons with inflections, shapes, frames, the compiler's checks and the derived gate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.errors import FatalError
from cxlint.rulepack.loader import PackSource, builtin_sources, load_ruleset
from cxlint.rulepack.model import RuleSet
from cxlint.text.normalize import normalize
from cxlint.text.tokens import tokenize

REPO = Path(__file__).resolve().parent.parent

PACK = """\
pack: house
category: barista
lexicons:
  house_watch_verb:
    pos: verb
    words: [notice, pick up, clock]
  house_gadget:
    pos: noun
    words: [doorbell camera, smart speaker]
scoring:
  signals: {house-watch: 2.0}
rules:
  - id: HS101
    name: gadget-watches-you
    signal: house-watch
    message: m
    rationale: r
    suggestion: s
    frames:
      - gadget: {lexicon: house_gadget}
        act: {lexicon: house_watch_verb, after: gadget, within: 1}
        reader: {lexicon: reader, after: act, within: 1}
        report: gadget..reader
"""


def house(extra: str = "") -> RuleSet:
    return load_ruleset(builtin_sources() + [PackSource("house.yaml", PACK + extra)])


def findings(ruleset: RuleSet, text: str, rule: str = "HS101") -> list[str]:
    doc = Document("copy.txt", text, text)
    return [f.text for f in lint_document(doc, ruleset) if f.rule == rule]


def test_tokens_split_contractions_and_hyphens_and_keep_positions() -> None:
    text = "You\u2019ve checked-in\u2014don't worry: 2,000 {x}"
    tokens = tokenize(text)
    assert tokens.words[:6] == ("you", "'ve", "checked", "in", "-", "do")
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)][:2] == ["You", "\u2019ve"]
    assert "2,000" in tokens.words


def test_normalize_keeps_length() -> None:
    text = "\u201cIt\u2019s\u201d \u2014 now\u00a0\u2013 then"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "\"It's\" - now - then"


def test_normalize_plain_text_and_every_typographic_character() -> None:
    """The fast paths (plain ASCII, only the changed characters visited) agree with a per-character map."""
    assert normalize("Don`t wait") == "Don't wait"
    plain = "nothing to change here"
    assert normalize(plain) is plain
    marks = "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`\u201c\u201d\u201e\u201f\u2033\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00a0\u202f\u2009"
    text = "caf\u00e9 " + " x ".join(marks) + " \u00fcber"
    expected = "".join("'" if c in marks[:8] else '"' if c in marks[8:13] else "-" if c in marks[13:20] else " " if c in marks[20:] else c for c in text)
    assert normalize(text) == expected


def test_frame_matches_inflections_and_reports_its_span() -> None:
    ruleset = house()
    assert findings(ruleset, "Your doorbell cameras picked up you leaving at dawn.") == ["doorbell cameras picked up you"]
    assert findings(ruleset, "Our smart speaker clocked you singing.") == ["smart speaker clocked you"]


def test_frame_needs_every_slot_in_place() -> None:
    ruleset = house()
    assert findings(ruleset, "You picked up a smart speaker.") == []
    assert findings(ruleset, "Your smart speaker is on sale; we noticed prices drop.") == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("category: barista", "category: barsita"), "unknown category 'barsita' (did you mean 'barista'?)"),
        (("{lexicon: house_gadget}", "{lexicon: house_gadgets}"), "unknown lexicon 'house_gadgets' (did you mean 'house_gadget'?)"),
        (("after: gadget", "after: gadet"), "refers to unknown slot 'gadet' (did you mean 'gadget'?)"),
        (("signal: house-watch", "signal: house-wacth"), "unknown signal 'house-wacth' (did you mean 'house-watch'?)"),
        (("    frames:", "    cancel: [NEGATD]\n    frames:"), "unknown modifier category 'NEGATD' (did you mean 'NEGATED'?)"),
        (("    frames:", "    kind: guarentee\n    frames:"), "unknown promise kind 'guarentee' (did you mean 'guarantee'?)"),
        (("    frames:", "    requires: [behavior]\n    frames:"), "requires unknown evidence or signal 'behavior'"),
        (("report: gadget..reader", "report: gadget..redaer"), "report names unknown slot 'redaer'"),
        (("report: gadget..reader", "report: gadget..reader\n        replacement: gadet"), "replacement names unknown slot 'gadet' (did you mean 'gadget'?)"),
        (("pos: noun", "pos: nuon"), "pos must be one of verb, noun, any"),
        (("[notice, pick up, clock]", "['notic(e|ed)']"), "looks like a regex"),
        (("after: gadget, within: 1}", "after: reader, within: 1}"), "refer to each other in a circle"),
    ],
)
def test_compiler_rejects_unknown_names_with_file_line_and_closest(change: tuple[str, str], message: str) -> None:
    with pytest.raises(FatalError) as error:
        load_ruleset(builtin_sources() + [PackSource("house.yaml", PACK.replace(*change))])
    assert message in str(error.value)
    assert "house.yaml:" in str(error.value)


PRICE_PACK = """\
pack: shelf
category: promise
lexicons:
  shelf_was: {words: [tagged]}
  shelf_now: {words: [rings up at]}
rules:
  - id: SH201
    name: shelf-saving
    kind: price
    message: m
    rationale: r
    suggestion: s
    frames:
      - was: {lexicon: shelf_was}
        old: {shape: money, after: was}
        now: {lexicon: shelf_now, after: old, within: 1}
        new: {shape: money, after: now}
        below: [new, old]
"""


def test_below_keeps_a_match_only_when_the_first_amount_is_the_smaller() -> None:
    ruleset = load_ruleset(builtin_sources() + [PackSource("shelf.yaml", PRICE_PACK)])
    assert findings(ruleset, "The lamp tagged £40 rings up at £25.", "SH201") == ["tagged £40 rings up at £25"]
    assert findings(ruleset, "The lamp tagged €1.250,00 rings up at €999,00.", "SH201") == ["tagged €1.250,00 rings up at €999,00"]
    assert findings(ruleset, "The lamp tagged £25 rings up at £40.", "SH201") == []  # a rise is no saving
    assert findings(ruleset, "The lamp tagged £25 rings up at £25.", "SH201") == []  # nor is the same price


@pytest.mark.parametrize(
    ("below", "message"),
    [("[new, olde]", "below names unknown slot 'olde' (did you mean 'old'?)"), ("[new]", "'below' names two slots"), ("[now, old]", "must be a shape slot")],
)
def test_below_names_two_shape_slots(below: str, message: str) -> None:
    with pytest.raises(FatalError, match=re.escape(message)):
        load_ruleset(builtin_sources() + [PackSource("shelf.yaml", PRICE_PACK.replace("below: [new, old]", f"below: {below}"))])


def test_a_long_regex_slot_is_refused() -> None:
    pack = PACK.replace("{lexicon: house_gadget}", "{regex: '" + "a|" * 120 + "b'}")
    with pytest.raises(FatalError, match="longer than 200 characters"):
        load_ruleset(builtin_sources() + [PackSource("house.yaml", pack)])


def test_regex_slots_are_for_user_packs_only() -> None:
    pack = PACK.replace("{lexicon: house_gadget}", "{regex: 'smart\\s+speaker'}")
    assert load_ruleset(builtin_sources() + [PackSource("house.yaml", pack)]).by_id()["HS101"].frames
    with pytest.raises(FatalError, match="built-in rules use lexicons and shapes"):
        load_ruleset(builtin_sources() + [PackSource("rules/house.yaml", pack, trusted=True)])


def test_scoring_is_declared_by_the_pack_not_the_category() -> None:
    ruleset = house()
    doc = Document("copy.txt", "Your smart speaker noticed you coughing.", "Your smart speaker noticed you coughing.")
    finding = next(f for f in lint_document(doc, ruleset) if f.rule == "HS101")
    assert finding.signals == ("house-watch",)
    assert finding.score == pytest.approx(2.0)


def test_builtin_forms_table_is_current() -> None:
    pytest.importorskip("lemminflect")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_lexicon_forms.py"), "--check"], cwd=REPO)
    assert done.returncode == 0, "run scripts/build_lexicon_forms.py and commit rules/lexicons/forms.generated.json"


def _texts() -> list[str]:
    texts = []
    for rule in load_ruleset(builtin_sources()).rules:
        texts += [e.text for e in rule.bad + rule.good]
    for path in sorted((REPO / "corpora").rglob("*.jsonl")):
        if path.name.startswith("writer-"):
            continue  # the same cases as tune.jsonl and holdout.jsonl
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_the_derived_gate_loses_nothing() -> None:
    """Every rule example and every corpus case: identical findings with and without the prefilter."""
    ruleset = load_ruleset(builtin_sources())
    for text in _texts():
        doc = Document("case.txt", text, text)
        gated = [(f.rule, f.start, f.end, f.severity) for f in lint_document(doc, ruleset)]
        ungated = [(f.rule, f.start, f.end, f.severity) for f in lint_document(doc, ruleset, gated=False)]
        assert gated == ungated, text[:80]


def test_the_evidence_gate_loses_nothing_and_spares_most_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evidence frames go through their own derived gate: the same evidence in every sentence of
    every case, for a fraction of the frames tried."""
    from cxlint.engine import linter
    from cxlint.engine.sentences import document_sentences

    ruleset = load_ruleset(builtin_sources())
    tried = {True: 0, False: 0}
    match = linter.match_frame
    gated_now = [True]

    def counting(frame, sentence):  # type: ignore[no-untyped-def]
        tried[gated_now[0]] += 1
        return match(frame, sentence)

    monkeypatch.setattr(linter, "match_frame", counting)
    for text in _texts()[:1500]:
        doc = Document("case.txt", text, text)
        spans, plain, sentences = document_sentences(doc)
        every = set(range(len(spans)))
        found = {}
        for gated in (True, False):
            gated_now[0] = gated
            found[gated] = linter._evidence(text, plain, spans, sentences, every, ruleset, gated)
        assert found[True] == found[False], text[:80]
    assert any(ruleset.evidence_gates.by_word.values())
    assert tried[True] * 4 < tried[False]


def test_fast_tokenizer_path_equals_the_reference() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cxlint.text.tokens import _tokenize_slow, normalize, tokenize

    alphabet = st.sampled_from(list("abcXYZ019 ,.;:!?%£$#/()\n\t\u00e9\u00df\u0130\u03a3\u2019\u2014\u201c"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(text: str) -> None:
        assert tokenize(text) == _tokenize_slow(text, normalize(text))

    check()


def test_builtin_packs_are_frames_over_lexicons() -> None:
    """No hand-written anchors, no regex patterns, no word lists typed into regexes in the shipped packs."""
    import re

    import yaml

    from cxlint.rulepack.frames import regex_size

    for path in sorted((REPO / "rules").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert "lists" not in doc, path.name
        for rule in doc.get("rules") or []:
            assert "patterns" not in rule and "anchors" not in rule, f"{path.name}: {rule['id']}"
            assert rule.get("frames") or rule.get("detector") == "builtin", f"{path.name}: {rule['id']}"
    for path in sorted((REPO / "rules").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\[[^\]]*[\u2019\u2018][^\]]*\]", text), f"{path.name}: an apostrophe class"
        assert not re.search(r"\[[^\]]*[\u2013\u2014][^\]]*\]", text), f"{path.name}: a dash class"
        doc = yaml.safe_load(text) or {}
        for name, spec in (doc.get("shapes") or {}).items():
            if isinstance(spec, dict) and "words" in spec:
                assert all(isinstance(value, str) and value for value in spec["words"].values()), f"{path.name}: shape {name}"
                continue  # a table of words is data, not a regex
            pattern = spec["regex"] if isinstance(spec, dict) else spec
            assert regex_size(pattern) <= 200, f"{path.name}: shape {name}"


def test_a_repeated_promise_is_one_finding_naming_the_other_lines() -> None:
    ruleset = load_ruleset(builtin_sources())
    text = "Plans include unlimited storage.\n\nCompare: unlimited storage.\n\nEvery plan: Unlimited storage.\n"
    found = [f for f in lint_document(Document("p.md", text, text), ruleset) if f.rule == "CX210"]
    assert len(found) == 1
    assert found[0].line == 1 and dict(found[0].extra)["repeats"] == (3, 5)
    assert "Repeated on lines 3, 5." in found[0].message


def test_leading_class_of_a_pattern() -> None:
    import re

    from cxlint.text.leading import leading_class

    digit = leading_class(r"(?x) (?<![\w.]) \d+ (?: \. \d+ )? \s? %", re.IGNORECASE)
    assert digit is not None and digit.search("7") and not digit.search("seven")
    money = leading_class(r"(?x) [£$€] \s? \d+ | \b \d+ \s? usd", re.IGNORECASE)
    assert money is not None and money.search("£") and money.search("9") and not money.search("x")
    assert leading_class(r"a?b") is None  # may start with a or b: unknown is never wrong
    assert leading_class(r"[^x]y") is None


def test_a_regex_gate_searches_only_the_sentences_that_can_hold_a_match() -> None:
    """A gate whose matches need a digit, or one of a few literals, is searched sentence by
    sentence where one is present; past the cap of places, over the whole text."""
    import re

    from cxlint.engine.frame_match import Sentence
    from cxlint.engine.gate import _MAX_LITERAL_HITS, _narrowed
    from cxlint.text.literals import literal_gate

    parts = ["We reply in 2 hours.", " Thanks for asking.", " Ranked number one by readers.", " See you soon."]
    text = "".join(parts)
    starts, spans, at = [], [], 0
    for part in parts:
        starts.append(at)
        spans.append((at, at + len(part)))
        at += len(part)
    digit = literal_gate(re.compile(r"(?x) \b in \s+ \d+", re.IGNORECASE))
    assert digit.digit
    assert _narrowed(None, digit, text, text.casefold(), starts, spans, {}) == [0]
    words = literal_gate(re.compile(r"(?x) \b number \s one \b | \# \s? 1 \b", re.IGNORECASE))
    assert not words.digit and words.literals is not None
    assert _narrowed(None, words, text, text.casefold(), starts, spans, {}) == [2]
    crowded = " ".join(["number"] * (_MAX_LITERAL_HITS + 1))
    assert _narrowed(None, words, crowded, crowded.casefold(), [0], [(0, len(crowded))], {}) is None


def test_a_whole_text_regex_gate_names_each_sentence_holding_a_match_once() -> None:
    """A gate searched over the whole text goes on from the end of each sentence it hits: every
    sentence with a match is named once, in order, however many matches it holds, and a match
    outside every sentence names none."""
    from cxlint.engine.gate import _sentences_hit
    from cxlint.text.lazyregex import LazyRegex

    parts = ["Ask Priya, Tom or Ana.", " nothing here.", " Meet Leeds today.", "\n\nOslo\n", " then Rome."]
    text = "".join(parts)
    spans, at = [], 0
    for part in parts:
        spans.append((at, at + len(part)))
        at += len(part)
    spans.pop(3)  # the line holding "Oslo" is in no sentence
    capitalised = LazyRegex(r"\b[A-Z][a-z]+\b")
    assert _sentences_hit(capitalised, text, [s for s, _ in spans], spans) == [0, 2, 3]
    assert _sentences_hit(LazyRegex(r"\bzebra\b"), text, [s for s, _ in spans], spans) == []


def test_a_lexicon_turns_away_a_sentence_with_its_key_word_but_no_second_word() -> None:
    """An entry of common words ("if you leave now") has a common key word: without a second word
    of the entry the sentence cannot hold it, and is not tokenized to find that out."""
    from cxlint.lexicon.lexicons import build_lexicon
    from cxlint.text.tokens import word_set

    lexicon = build_lexicon("leaving", ["if you leave now", "goodbye"], None)
    assert not lexicon.may_occur(word_set("If it rains, we close early."))
    assert lexicon.may_occur(word_set("If you leave now, you lose it."))
    assert lexicon.may_occur(word_set("Goodbye for now."))  # a one-word entry needs nothing more


def test_no_builtin_lexicon_turns_away_a_sentence_holding_one_of_its_entries() -> None:
    """The check only grows with the words a sentence holds, so passing on each entry's own words
    proves it never loses a sentence that holds the entry (inflections included)."""
    ruleset = load_ruleset(builtin_sources())
    frames = [f for rule in ruleset.rules for f in rule.frames] + [f for m in ruleset.modifiers for f in m.triggers]
    frames += [f for ev in ruleset.evidence for f in ev.frames]
    matchers = [slot.matcher for frame in frames for slot in frame.slots]
    lexicons = {id(lx): lx for lx in ruleset.lexicons.values()}
    while matchers:
        matcher = matchers.pop()
        lexicons.update((id(lx), lx) for lx in matcher.lexicons)
        matchers += matcher.options
    assert len(lexicons) > len(ruleset.lexicons)  # slots hold lexicons of their own too
    lost = [(lx.name, phrase) for lx in lexicons.values() for phrase in lx.phrases if not lx.may_occur(frozenset(phrase))]
    assert lost == []


def test_a_slot_told_unfillable_without_tokens_has_no_spans() -> None:
    """``may_fill`` turns a frame away before tokenizing only where ``spans`` would find nothing:
    every slot of every built-in frame, on its rule's own examples (where its slots do fill)."""
    from cxlint.engine.frame_match import Sentence
    from cxlint.text.sentences import split_sentences

    ruleset = load_ruleset(builtin_sources())
    told_no = filled = 0
    for rule in ruleset.rules:
        matchers = {slot.matcher.key: slot.matcher for frame in rule.frames for slot in frame.slots}
        for example in rule.bad + rule.good:
            text = example.text
            plain = normalize(text)
            for start, end in split_sentences(text):
                for matcher in matchers.values():
                    spans = Sentence.of(text, plain, start, end).spans(matcher)
                    if Sentence.of(text, plain, start, end).may_fill(matcher):
                        filled += bool(spans)
                    else:
                        told_no += 1
                        assert spans == [], (rule.id, matcher.key, text[start:end])
    assert told_no > 1000 and filled > 500  # both ways are exercised
