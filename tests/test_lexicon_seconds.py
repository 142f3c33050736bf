"""The second words a lexicon's key words need, packed with the compiled packs, are those its phrases give."""

from __future__ import annotations

import pickle

from cxlint.lexicon.lexicons import _second_words, build_lexicon
from cxlint.testing import default_ruleset


def test_every_lexicon_loaded_from_the_cache_needs_the_second_words_its_phrases_give() -> None:
    lexicons = default_ruleset().lexicons
    assert len(lexicons) > 500
    for lexicon in lexicons.values():
        assert lexicon.second_words == _second_words(lexicon.phrases, lexicon.key_words), lexicon.name


def test_second_words_travel_with_a_pickled_lexicon() -> None:
    lexicon = build_lexicon("sample", ["sign up now", "now", "cancel anytime", "cancel at any time"], "verb")
    copy = pickle.loads(pickle.dumps(lexicon))
    assert "_seconds" in copy.__dict__ and "seconds" not in copy._index
    assert copy.second_words == lexicon.second_words == _second_words(lexicon.phrases, lexicon.key_words)
    assert pickle.loads(pickle.dumps(copy)).second_words == lexicon.second_words  # packed again as loaded
    empty = pickle.loads(pickle.dumps(build_lexicon("alone", ["now"], None)))
    assert empty.second_words == {}
