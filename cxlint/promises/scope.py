"""What a registry entry is about and when it holds: its medium (email, chat, phone…) and its days.

An entry's id and scope are read with the very words the engine reads copy with (the built-in
packs' ``records:`` section): "chat-first-reply" is about chat, "every day of the year" holds on
every day. A promise about email replies is then backed only by an entry about email (or one
naming no medium), and only on the days the entry holds.
"""

from __future__ import annotations

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.context import days_stated as _days_in
from cxlint.engine.records.reading import RecordReading
from cxlint.promises.value_shapes import ValueShapes
from cxlint.text.normalize import normalize


def _reading(text: str) -> tuple[RecordReading, Sentence]:
    """``text`` (an entry's id or scope) read as one sentence of copy."""
    from cxlint.rulepack.loader import builtin_ruleset

    ruleset = builtin_ruleset()
    plain = normalize(text)
    sentence = Sentence.of(text, plain, 0, len(text))
    return RecordReading(text, plain, [(0, len(text))], [sentence], ruleset.records, ValueShapes.of(ruleset.shapes)), sentence


def media_named(text: str) -> frozenset[str]:
    """Every medium ``text`` names (an entry's id and scope: "chat-first-reply", "live chat and phone")."""
    reading, sentence = _reading(text.replace("-", " "))
    return frozenset(name for name, words in reading.spec.media if reading.hits(words, sentence))


def days_stated(text: str) -> frozenset[int] | None:
    """The weekdays an entry's scope says it holds on ("every day", "Monday to Friday"); None when it does not say."""
    reading, sentence = _reading(text)
    return _days_in(reading, sentence)
