"""Registry text and a record's context, read with the word classes of the built-in packs' records.

An entry's id, scope and phrase, and the words around a promise in the copy, are read with the very
words the engine reads copy with (``rules/records.yaml``): "chat-first-reply" is about chat, "annual
plans only" limits an entry's scope, "on every plan" claims a promise for everyone. The registry is
then judged in the words the copy was read in, and a CX lead changes them in one place.
"""

from __future__ import annotations

from functools import lru_cache

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.reading import RecordReading, Span
from cxlint.promises.value_shapes import ValueShapes
from cxlint.text.normalize import normalize


@lru_cache(maxsize=2048)
def read_as_copy(text: str) -> tuple[RecordReading, Sentence]:
    """``text`` read as one sentence of copy (the same text is read once: a registry's scopes recur)."""
    from cxlint.rulepack.loader import builtin_ruleset

    ruleset = builtin_ruleset()
    plain = normalize(text)
    sentence = Sentence.of(text, plain, 0, len(text))
    return RecordReading(text, plain, [(0, len(text))], [sentence], ruleset.records, ValueShapes.of(ruleset.shapes)), sentence


def hits(text: str, words: str) -> list[Span]:
    """Where the word class ``words`` (a name of ``records.words``) is found in ``text``, in order."""
    reading, sentence = read_as_copy(text)
    return reading.hits(words, sentence)


def holds(text: str, words: str) -> bool:
    """Whether ``text`` holds the word class ``words``."""
    return bool(hits(text, words))
