"""What each level of a rule pack or promises registry may hold: key -> expected type (and range).

One table per level, checked in one place, so an unknown key at any level and a value of the
wrong type are reported the same way, at the key's own line, with the closest valid key:
``pack.yaml:11: rule HR101: 'cancel' must be a list of strings``. Checking types before use
also means a string is never iterated as if it were a list of characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cxlint.errors import FatalError
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.yamlio import LINE_KEY, key_line


@dataclass(frozen=True)
class Kind:
    """An expected type: ``expected`` completes "'key' must be …"."""

    expected: str
    accepts: Callable[[Any], bool]

    def __or__(self, other: Kind) -> Kind:
        return Kind(f"{self.expected} or {other.expected}", lambda v: self.accepts(v) or other.accepts(v))


def _is_word(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


TEXT = Kind("a string", lambda v: isinstance(v, str))
WORD = Kind("a word or phrase", _is_word)
NUMBER = Kind("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
FLAG = Kind("true or false", lambda v: isinstance(v, bool))
MAPPING = Kind("a mapping", lambda v: isinstance(v, dict))
LIST = Kind("a list", lambda v: isinstance(v, list))
MAPPINGS = Kind("a list of mappings", lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v))
STRINGS = Kind("a list of strings", lambda v: isinstance(v, list) and all(_is_word(i) for i in v))
DATE = Kind("a date YYYY-MM-DD", lambda v: isinstance(v, (dt.date, str)))


def whole(low: int, high: int) -> Kind:
    return Kind(
        f"a whole number from {low} to {high}",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high,
    )


def number(low: float, high: float) -> Kind:
    return Kind(f"a number from {low:g} to {high:g}", lambda v: NUMBER.accepts(v) and low <= v <= high)


Schema = Mapping[str, Kind]

MAX_REACH = 10
"""Sentences before and after a rule may look for evidence: the engine walks that range per target."""

PACK: Schema = {
    "pack": TEXT, "category": TEXT, "categories": STRINGS, "lists": MAPPING, "lexicons": MAPPING,
    "shapes": MAPPING, "signals": MAPPING, "scoring": MAPPING, "evidence": MAPPING,
    "modifiers": MAPPINGS, "rules": MAPPINGS, "records": MAPPING, "spellings": MAPPING,
}
RULE: Schema = {
    "id": TEXT, "name": TEXT, "category": TEXT, "severity": TEXT, "message": TEXT, "rationale": TEXT,
    "suggestion": TEXT, "patterns": MAPPINGS, "anchors": STRINGS, "signal": TEXT, "requires": STRINGS,
    "cancel": STRINGS, "soften": STRINGS, "kind": TEXT, "channels": STRINGS, "replacement": TEXT,
    "examples": MAPPING, "reach": whole(0, MAX_REACH), "channel_reach": MAPPING, "frames": LIST, "detector": TEXT,
}
PATTERN: Schema = {"regex": TEXT, "kind": TEXT, "placeholder": TEXT, "phrases": STRINGS, "tokens": MAPPINGS}
EXAMPLES: Schema = {"bad": LIST, "good": LIST}
EXAMPLE: Schema = {"text": TEXT, "channel": TEXT, "fix": TEXT, "fixed": TEXT}
MODIFIER: Schema = {
    "name": TEXT, "category": TEXT, "phrases": STRINGS, "regex": TEXT, "trigger": MAPPING, "frames": LIST,
    "direction": TEXT, "max_scope": whole(0, 200), "terminators": TEXT | STRINGS, "pseudo": TEXT | STRINGS,
    "document": FLAG,
}
LEXICON: Schema = {"words": LIST, "pos": TEXT, "about": TEXT, "include": STRINGS}
WORD_LIST: Schema = {"words": STRINGS, "inflect": TEXT}
SHAPE: Schema = {"regex": TEXT, "about": TEXT, "words": MAPPING, "case": TEXT}
EVIDENCE: Schema = {"frames": LIST, "regex": TEXT}
SCORING: Schema = {"signals": MAPPING, "error_at": number(0, 1000), "info_below": number(0, 1000)}
FRAME_KEYS: Schema = {"report": TEXT, "value": TEXT, "kind": TEXT, "replacement": TEXT, "below": STRINGS}
RULE_FRAME_KEYS: Schema = {"requires": STRINGS, "cancel": STRINGS}
"""Frame keys only a rule's frames take: what this frame's matches need, and what cancels them."""
MATCHER: Schema = {
    "lexicon": TEXT | STRINGS, "word": WORD, "shape": TEXT, "placeholder": TEXT | FLAG, "any": MAPPINGS, "regex": TEXT,
}
SLOT: Schema = {
    **MATCHER, "after": TEXT, "before": TEXT, "within": whole(0, 50), "at": TEXT, "unless_next": TEXT | STRINGS, "unless_prev": TEXT | STRINGS,
}

RECORDS: Schema = {"readers": LIST, "words": MAPPING, "media": MAPPING, "channel_media": MAPPING, "subjects": MAPPING}
RECORD_READER: Schema = {"read": TEXT, "find": MAPPING | LIST, "kinds": MAPPING, "subject": TEXT}
RECORD_SUBJECT: Schema = {"label": TEXT, "words": MAPPING | LIST, "names": MAPPING}

REGISTRY: Schema = {"promises": LIST}
REGISTRY_ENTRY: Schema = {
    "id": TEXT, "kind": TEXT, "value": TEXT | NUMBER, "text": TEXT, "evidence": TEXT, "owner": TEXT,
    "reviewed": DATE, "expires": DATE, "channels": STRINGS, "scope": TEXT,
}


def problems(
    node: Mapping[str, Any], schema: Schema, source: str, label: str = "", level: str = "", noun: str = "key", open_ended: bool = False
) -> Iterator[str]:
    """Each unknown key and each value of the wrong type in ``node``, as ``source:line: label: …``.

    A key set to nothing (``cancel:``) counts as not given. ``level`` qualifies unknown keys
    ("top-level"); ``noun`` names them ("field" in the registry). ``open_ended``: other keys are
    allowed and left to the caller (a frame's slot names).
    """
    prefix = f"{label}: " if label else ""
    qualifier = f"{level} " if level else ""
    for key, value in node.items():
        if key == LINE_KEY:
            continue
        where = f"{source}:{key_line(node, key)}: {prefix}"
        if not isinstance(key, str) or key not in schema:
            if open_ended:
                continue
            yield f"{where}unknown {qualifier}{noun} {key!r}{did_you_mean(str(key), schema)}"
        elif value is not None and not schema[key].accepts(value):
            hint = " (YAML reads on, off, yes and no as true/false: quote them)" if _holds_bool(value) else ""
            yield f"{where}{key!r} must be {schema[key].expected}{hint}"


def check(node: Mapping[str, Any], schema: Schema, source: str, label: str = "", level: str = "", open_ended: bool = False) -> None:
    """Raise the first of :func:`problems` as a FatalError."""
    for problem in problems(node, schema, source, label, level, open_ended=open_ended):
        raise FatalError(problem)


def _holds_bool(value: Any) -> bool:
    return isinstance(value, bool) or (isinstance(value, list) and any(isinstance(v, bool) for v in value))
