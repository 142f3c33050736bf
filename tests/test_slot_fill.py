"""A slot's compiled fill test answers what asking each of its lexicons does (``Sentence.may_hold``)."""

from __future__ import annotations

from cxlint.engine.slot_fill import may_fill, slot_fill
from cxlint.engine.sentences import document_sentences
from cxlint.readers.snippet import read_snippet
from cxlint.testing import default_ruleset
from tests.sample_texts import example_and_case_texts

_RULESET = default_ruleset()


def test_every_slot_of_every_gate_is_fillable_where_one_of_its_lexicons_may_be_held() -> None:
    """On every sentence of every rule example and labelled case, each slot one of whose key words the
    sentence holds (the others hold no entry either way): the compiled test and the lexicons agree."""
    gates = [_RULESET.frame_gates, _RULESET.evidence_gates]
    fills = [[slot_fill(lexicons) for lexicons in gate.bit_lexicons] for gate in gates]
    asked = agreed_yes = 0
    met: set[str] = set()
    for text in example_and_case_texts(_RULESET):
        for part in read_snippet("<text>", text, None).documents():
            for sentence in document_sentences(part)[2]:
                if sentence.text in met:
                    continue
                met.add(sentence.text)
                words = sentence.word_set
                for gate, compiled in zip(gates, fills):
                    bits = 0
                    for word in words & frozenset(gate.word_bits):
                        bits |= gate.masks[gate.word_bits[word]]
                    while bits:
                        bit = bits & -bits
                        bits ^= bit
                        number = bit.bit_length() - 1
                        expected = any(sentence.may_hold(lexicon) for lexicon in gate.bit_lexicons[number])
                        assert may_fill(compiled[number], words) == expected, (sentence.text, number)
                        asked += 1
                        agreed_yes += expected
    assert asked > 10_000 and 0 < agreed_yes < asked
