"""Inflections of lexicon lemmas from lemminflect's tables.

The built-in lexicons' forms are precomputed into ``rules/lexicons/forms.generated.json`` by
``scripts/build_lexicon_forms.py`` (lemminflect takes about two seconds to load, more than a
whole pre-commit run); a word of a user's pack that the table lacks is inflected by lemminflect
when the pack loads.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from cxlint.text.tokens import CONTRACTION_HEADS

_UPOS = {"verb": "VERB", "noun": "NOUN"}


@lru_cache(maxsize=1)
def _generated() -> dict[str, Any]:
    from cxlint.rulepack.sources import pack_root

    path = pack_root() / "lexicons" / "forms.generated.json"
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {}


def _table() -> dict[str, dict[str, list[str]]]:
    return _generated().get("forms", {})


def word_forms(word: str, pos: str) -> tuple[str, ...]:
    """Every form of the lemma ``word`` as a ``pos`` ("verb" or "noun"), the lemma first."""
    known = _table().get(word, {}).get(pos)
    if known is not None:
        return tuple(known)
    return computed_forms(word, pos)


@lru_cache(maxsize=4096)
def computed_forms(word: str, pos: str) -> tuple[str, ...]:
    """Ask lemminflect (imported on first use) for the forms of ``word``."""
    from lemminflect import getAllInflections, getAllInflectionsOOV  # type: ignore[import-untyped]

    upos = _UPOS[pos]
    found = getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos)
    forms = [word]
    for values in found.values():
        for form in values:
            form = form.lower()
            if form not in forms:
                forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words too common in copy to make a good prefilter (spaCy's English stop words, precomputed)."""
    return frozenset(_generated().get("common_words", ()))


PUNCTUATION_ZIPF = 7.0
"""Punctuation is as common as the commonest words."""
UNKNOWN_ZIPF = 3.0
"""A word of a user's pack that the table lacks: assumed rare unless it is a stop word."""
COMMON_ZIPF = 6.5
CLITIC_ZIPF = 6.5
"""A contraction's or possessive's tail is as common as a stop word, whatever wordfreq says of it alone."""


def zipf(token: str) -> float:
    """How common ``token`` is in English (wordfreq's Zipf scale, precomputed for the built-in lexicons)."""
    if not any(char.isalnum() for char in token):
        return PUNCTUATION_ZIPF  # a lone apostrophe or dash: wordfreq has no figure, copy has plenty
    if token[0] == "'" or token == "n't" or token in CONTRACTION_HEADS:
        return CLITIC_ZIPF  # "'s", "'ve", "n't": split off every contraction and possessive
    known = _generated().get("frequencies", {}).get(token)
    if known is not None:
        return float(known)
    return COMMON_ZIPF if token in common_words() else UNKNOWN_ZIPF
