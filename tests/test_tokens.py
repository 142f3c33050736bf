"""The tokenizer's fast path gives exactly the tokens of the careful one, and the gate's word
frequencies never make a contraction's piece look rare."""

from __future__ import annotations

import pytest

from cxlint.lexicon.forms import COMMON_ZIPF, zipf
from cxlint.text.normalize import normalize
from cxlint.text.tokens import _tokenize_slow, tokenize

TRICKY = [
    "We noticed you checked-in at 9-5 — don't worry.",
    "Co-op’s re-entry -- x - y: it's a 3-day, 24-7 e-mail.",
    "rock'n'roll can't won't shan't ain't y'all",
    "-starts with a hyphen, ends with one-",
    "a\u2010b a\u2011b a\u2013b a\u2014b",
    "İstanbul and STRASSE and ΣΑΣ",
    "",
    "   ",
    "'quoted' ‘curly’ “double” 'tis",
    "5kg 20pts 3.5% £1,200.50 #1",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_fast_path_tokenizes_like_the_careful_one(text: str) -> None:
    assert tokenize(text) == _tokenize_slow(text, normalize(text))


def test_a_hyphen_inside_a_word_is_dropped_and_a_dash_between_words_is_kept() -> None:
    assert tokenize("check-in at 9 - 5").words == ("check", "in", "at", "9", "-", "5")


@pytest.mark.parametrize("piece", ["'", "'s", "'ve", "'re", "n't", "ca", "wo"])
def test_contraction_pieces_are_never_taken_for_rare_words(piece: str) -> None:
    """wordfreq rates a lone apostrophe 0 and "ca" as rare; as tokens they are everywhere, and a
    lexicon that gated on them let thousands of sentences through."""
    assert zipf(piece) >= COMMON_ZIPF


@pytest.mark.parametrize("text", TRICKY)
def test_the_prefilter_word_set_holds_every_token(text: str) -> None:
    """The gate tests a sentence's word set before tokenizing it; a token missing there is a lost match."""
    from cxlint.text.tokens import word_set

    assert set(tokenize(text).words) <= word_set(text)


def _copy_texts() -> list[str]:
    """Every rule example and labelled case: the copy the tokenizer's fast paths must read exactly as before."""
    from cxlint.testing import default_ruleset
    from tests.sample_texts import example_and_case_texts

    return example_and_case_texts(default_ruleset())


def test_text_without_a_contraction_is_tokenized_alike_by_both_token_patterns() -> None:
    """Without "n't" the contraction branches cannot match, so the shorter pattern finds the same tokens."""
    from cxlint.text.tokens import _LOWER_TOKEN, _LOWER_TOKEN_UNCONTRACTED

    checked = 0
    for text in _copy_texts() + TRICKY:
        lowered = normalize(text).lower()
        if "n't" not in lowered:
            assert _LOWER_TOKEN_UNCONTRACTED.findall(lowered) == _LOWER_TOKEN.findall(lowered), text
            checked += 1
    assert checked > 1000


def test_a_sentence_tokenized_after_its_word_set_gets_the_tokens_of_tokenize() -> None:
    """A sentence whose word-set pass gave its words exactly finds only their spans later
    (``tokens_of_words``): on every sentence of every rule example and labelled case, and the tricky
    texts, those tokens are ``tokenize``'s, whichever of the two was asked for first."""
    from cxlint.engine.frame_match import Sentence
    from cxlint.text.sentences import split_sentences

    from_words = 0
    for text in _copy_texts() + TRICKY:
        plain = normalize(text)
        for start, end in split_sentences(text):
            sentence = Sentence.of(text, plain, start, end)
            sentence.word_set
            from_words += sentence._words is not None
            assert sentence.tokens == tokenize(text[start:end]), text[start:end]
            assert Sentence.of(text, plain, start, end).tokens == sentence.tokens
    assert from_words > 1000
