"""Frames: a rule's slots (lexicons, shapes, merge fields) and how they stand to each other.

This module holds the compiled form and its compiler. The compiler resolves every name a
frame uses (lexicon, shape, slot) and reports what it cannot resolve with the file, the line and
the closest valid name. Matching lives in ``cxlint.engine.frame_match``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cxlint.errors import FatalError
from cxlint.lexicon.forms import zipf
from cxlint.lexicon.lexicons import Lexicon, build_lexicon
from cxlint.lexicon.spellings import Spellings
from cxlint.text.tokens import phrase_tokens
from cxlint.rulepack import schema
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.yamlio import item_line, key_line, line_of
from cxlint.text.lazyregex import LazyRegex

MAX_REGEX_CHARS = 200
"""A shape or regex slot longer than this (insignificant whitespace and comments aside) is refused."""

_FRAME_KEYS = frozenset(schema.FRAME_KEYS) | frozenset(schema.RULE_FRAME_KEYS) | {"__line__"}
_AT = ("start", "end")
_MATCHER_KEYS = ("lexicon", "word", "shape", "placeholder", "any", "regex")


@dataclass(frozen=True)
class Shape:
    """A named regex for a form that is not a word (a clock time, an amount of money)."""

    name: str
    pattern: str
    regex: LazyRegex
    about: str = ""
    source: str = ""
    line: int = 0
    values: tuple[tuple[str, str], ...] = ()
    """A shape of words: each word and the value it reads as ("kr" -> "DKK NOK SEK"), for the readers of its matches."""
    digit: bool = False
    """Every match holds a digit: a sentence without one is not searched (a currency code may start a
    match of ``money``, so its first character does not rule out a sentence; its amount does)."""


@dataclass(frozen=True)
class Matcher:
    """What fills a slot. ``key`` names it for the per-sentence cache."""

    kind: str
    key: str
    lexicons: tuple[Lexicon, ...] = ()
    shape: Shape | None = None
    names: Lexicon | None = None
    """For a placeholder matcher: the words its variable name must hold (None: any merge field)."""
    options: tuple[Matcher, ...] = ()


@dataclass(frozen=True)
class Slot:
    """One slot of a frame: what fills it, and where it must stand relative to another slot."""

    name: str
    matcher: Matcher
    after: str | None = None
    before: str | None = None
    within: int = 0
    at: str | None = None
    unless_next: Lexicon | None = None
    unless_prev: Lexicon | None = None


@dataclass(frozen=True)
class Gate:
    """The derived prefilter of a frame, from one of its slots: a sentence is tried when it holds one
    of ``words``, matches one of ``regexes``, or (``placeholder``) holds a merge field."""

    words: frozenset[str] = frozenset()
    regexes: tuple[LazyRegex, ...] = ()
    placeholder: bool = False
    every: tuple[frozenset[str], ...] = ()
    """Key words of every word-only slot: a sentence missing all of one slot's cannot match (checked before tokenizing)."""
    leads: tuple[str, ...] = ()
    """For each shape slot whose matches start with a rare character (a digit, a currency sign), that
    character class: a sentence without one cannot match either."""

    @property
    def always(self) -> bool:
        return not (self.words or self.regexes or self.placeholder)


@dataclass(frozen=True)
class Frame:
    """A rule's structure: its slots, which of them is reported, and the gate derived from them."""

    slots: tuple[Slot, ...]
    """In solving order: a slot comes after the slot its ``after``/``before`` names."""
    report: tuple[str, str]
    value: tuple[str, str] | None = None
    kind: str | None = None
    gate: Gate = Gate()
    line: int = 0
    replacement: str | None = None
    """The slot whose own text can replace the report, when the report is its whole sentence (a decline
    button's "No thanks" without the shaming after it); elsewhere the rest of the sentence would not read."""
    requires: tuple[str, ...] | None = None
    """What this frame's matches need around them instead of the rule's ``requires`` (None: the rule's;
    empty: nothing). A bare word of a risky class can ask for more than the rule's phrases do."""
    cancel: frozenset[str] | None = None
    """The modifier categories that cancel this frame's matches instead of the rule's ``cancel`` (None: the rule's)."""
    below: tuple[str, str] | None = None
    """Two slots holding amounts of money: a match counts only when the first amount is below the second, in
    one currency ("was £49, now £29" is a saving; "was £29, now £49" a rise and "was £29, now £29" nothing)."""


@dataclass
class FrameContext:
    """What a frame may refer to, and how to compile a regex of the pack it comes from."""

    source: str
    lexicons: Mapping[str, Lexicon]
    shapes: Mapping[str, Shape]
    compile_regex: Callable[[str, str, int], LazyRegex]
    allow_regex: bool = True
    kinds: frozenset[str] | None = None
    max_regex: int | None = MAX_REGEX_CHARS
    spellings: Spellings = ()
    """The packs' other spellings of words (``lexicon.spellings``): a ``word:`` slot takes them as a lexicon does."""


def regex_size(pattern: str) -> int:
    """Characters that count against the limit: verbose whitespace and comments aside."""
    if pattern.lstrip().startswith("(?x)"):
        pattern = re.sub(r"(?m)(?<!\\)#.*$", "", pattern)
        pattern = re.sub(r"(?<!\\)\s+", "", pattern)
    return len(pattern)


def compile_frames(specs: Any, ctx: FrameContext, where: str, line: int, of_rule: bool = False) -> tuple[Frame, ...]:
    """A list of frames. ``of_rule``: the frames of a rule, which may say their own ``requires`` and ``cancel``."""
    if not isinstance(specs, list) or not specs:
        raise FatalError(f"{ctx.source}:{line}: {where}: 'frames' must be a non-empty list of frames")
    return tuple(compile_frame(spec, ctx, where, item_line(specs, number, line), of_rule) for number, spec in enumerate(specs))


def compile_frame(spec: Any, ctx: FrameContext, where: str, line: int, of_rule: bool = False) -> Frame:
    line = line_of(spec) or line
    if not isinstance(spec, dict):
        raise FatalError(f"{ctx.source}:{line}: {where}: a frame is a mapping of slot names to slots")
    for key in schema.RULE_FRAME_KEYS:
        if key not in spec:
            continue
        at = key_line(spec, key, line)
        if isinstance(spec[key], dict):
            raise FatalError(f"{ctx.source}:{at}: {where}: {key!r} is a frame key (a list of names), not a slot: rename the slot")
        if not of_rule:
            raise FatalError(f"{ctx.source}:{at}: {where}: {key!r} is only for a rule's frames")
    schema.check(spec, {**schema.FRAME_KEYS, **schema.RULE_FRAME_KEYS}, ctx.source, where, open_ended=True)
    slots: dict[str, Slot] = {}
    for name, slot_spec in spec.items():
        if name in _FRAME_KEYS:
            continue
        if not isinstance(name, str):
            raise FatalError(f"{ctx.source}:{line}: {where}: slot name {name!r} is not a name (YAML reads on, off, yes and no as true/false)")
        slots[str(name)] = _slot(str(name), slot_spec, ctx, where, key_line(spec, name, line))
    if not slots:
        raise FatalError(f"{ctx.source}:{line}: {where}: a frame needs at least one slot")
    for slot in slots.values():
        for ref in (slot.after, slot.before):
            if ref is not None and (ref not in slots or ref == slot.name):
                raise FatalError(f"{ctx.source}:{line}: {where}: slot {slot.name!r} refers to unknown slot {ref!r}{did_you_mean(ref, set(slots) - {slot.name})}")
    ordered = _solving_order(slots, ctx, where, line)
    names = list(slots)
    report = _report(spec.get("report"), names, ctx, where, line)
    value = _report(spec["value"], names, ctx, where, line, "value") if spec.get("value") is not None else None
    kind = spec.get("kind")
    if kind is not None and ctx.kinds is not None and kind not in ctx.kinds:
        raise FatalError(f"{ctx.source}:{line}: {where}: unknown promise kind {kind!r}{did_you_mean(str(kind), ctx.kinds)}")
    replacement = spec.get("replacement")
    if replacement is not None and replacement not in names:
        raise FatalError(f"{ctx.source}:{line}: {where}: replacement names unknown slot {replacement!r}{did_you_mean(str(replacement), names)}")
    requires = tuple(str(r) for r in spec["requires"]) if spec.get("requires") is not None else None
    cancel = frozenset(str(c).upper() for c in spec["cancel"]) if spec.get("cancel") is not None else None
    below = _below(spec.get("below"), slots, ctx, where, key_line(spec, "below", line))
    return Frame(tuple(ordered), report, value, kind, derive_gate(ordered), line, replacement, requires, cancel, below)


def _below(spec: Any, slots: Mapping[str, Slot], ctx: FrameContext, where: str, line: int) -> tuple[str, str] | None:
    """``below: [LOW, HIGH]``: two shape slots whose amounts are compared (LOW must be the smaller)."""
    if spec is None:
        return None
    if len(spec) != 2:
        raise FatalError(f"{ctx.source}:{line}: {where}: 'below' names two slots, the lower amount first: [LOW, HIGH]")
    for name in spec:
        if name not in slots:
            raise FatalError(f"{ctx.source}:{line}: {where}: below names unknown slot {name!r}{did_you_mean(str(name), list(slots))}")
        if slots[name].matcher.shape is None:
            raise FatalError(f"{ctx.source}:{line}: {where}: below compares amounts: slot {name!r} must be a shape slot (money)")
    return str(spec[0]), str(spec[1])


def _report(spec: Any, names: list[str], ctx: FrameContext, where: str, line: int, key: str = "report") -> tuple[str, str]:
    """``A..B`` (from slot A's start to slot B's end) or ``A``."""
    if spec is None:
        return names[0], names[-1]
    first, _, last = str(spec).partition("..")
    last = last or first
    for name in (first, last):
        if name not in names:
            raise FatalError(f"{ctx.source}:{line}: {where}: {key} names unknown slot {name!r}{did_you_mean(name, names)}")
    return first, last


def _solving_order(slots: dict[str, Slot], ctx: FrameContext, where: str, line: int) -> list[Slot]:
    placed: list[Slot] = []
    done: set[str] = set()
    pending = list(slots.values())
    while pending:
        ready = [s for s in pending if all(r is None or r in done for r in (s.after, s.before))]
        if not ready:
            raise FatalError(f"{ctx.source}:{line}: {where}: slots {', '.join(s.name for s in pending)} refer to each other in a circle")
        for slot in ready:
            placed.append(slot)
            done.add(slot.name)
            pending.remove(slot)
    return placed


def _slot(name: str, spec: Any, ctx: FrameContext, where: str, line: int) -> Slot:
    if not isinstance(spec, dict):
        raise FatalError(f"{ctx.source}:{line}: {where}: slot {name!r} must be a mapping such as {{lexicon: observer_verb}}")
    schema.check(spec, schema.SLOT, ctx.source, f"{where}: slot {name!r}")
    matcher = compile_matcher(spec, ctx, f"{where}: slot {name!r}", line)
    within = spec.get("within") or 0
    at = spec.get("at")
    if at is not None and at not in _AT:
        raise FatalError(f"{ctx.source}:{line}: {where}: slot {name!r}: at must be start or end")
    return Slot(
        name=name,
        matcher=matcher,
        after=_opt_str(spec.get("after")),
        before=_opt_str(spec.get("before")),
        within=within,
        at=at,
        unless_next=_lexicons(spec.get("unless_next"), ctx, f"{where}: slot {name!r}", line) if spec.get("unless_next") else None,
        unless_prev=_lexicons(spec.get("unless_prev"), ctx, f"{where}: slot {name!r}", line) if spec.get("unless_prev") else None,
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def compile_matcher(spec: Any, ctx: FrameContext, where: str, line: int) -> Matcher:
    """A slot matcher from ``{lexicon: …}``, ``{shape: …}``, ``{placeholder: …}``, ``{any: […]}`` or ``{regex: …}``."""
    if not isinstance(spec, dict):
        raise FatalError(f"{ctx.source}:{line}: {where}: expected a mapping with one of {', '.join(_MATCHER_KEYS)}")
    present = [k for k in _MATCHER_KEYS if k in spec]
    if len(present) != 1:
        raise FatalError(f"{ctx.source}:{line}: {where}: needs exactly one of {', '.join(_MATCHER_KEYS)}")
    kind = present[0]
    value = spec[kind]
    if kind == "lexicon":
        names = value if isinstance(value, list) else [value]
        lexicons = tuple(_lexicon(n, ctx, where, line) for n in names)
        return Matcher("lexicon", "lex:" + "|".join(lx.name for lx in lexicons), lexicons=lexicons)
    if kind == "word":
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not phrase_tokens(str(value)):
            raise FatalError(f"{ctx.source}:{line}: {where}: word must be one word or phrase (quote on, off, yes and no)")
        literal = build_lexicon(f"word:{value}", (str(value),), None, spellings=ctx.spellings)
        return Matcher("lexicon", f"word:{literal.entries[0]}", lexicons=(literal,))
    if kind == "shape":
        name = str(value)
        if name not in ctx.shapes:
            raise FatalError(f"{ctx.source}:{line}: {where}: unknown shape {name!r}{did_you_mean(name, ctx.shapes)}")
        return Matcher("shape", "shape:" + name, shape=ctx.shapes[name])
    if kind == "placeholder":
        if value in (None, "any", True):
            return Matcher("placeholder", "ph:*")
        lexicon = _lexicon(value, ctx, where, line)
        return Matcher("placeholder", "ph:" + lexicon.name, names=lexicon)
    if kind == "any":
        if not isinstance(value, list) or not value:
            raise FatalError(f"{ctx.source}:{line}: {where}: any must be a list of matchers")
        for option in value:
            schema.check(option, schema.MATCHER, ctx.source, where)
        options = tuple(compile_matcher(option, ctx, where, line_of(option) or line) for option in value)
        return Matcher("any", "any:" + ",".join(o.key for o in options), options=options)
    if not ctx.allow_regex:
        raise FatalError(f"{ctx.source}:{line}: {where}: built-in rules use lexicons and shapes, not regex slots")
    pattern = str(value)
    if ctx.max_regex is not None and regex_size(pattern) > ctx.max_regex:
        raise FatalError(f"{ctx.source}:{line}: {where}: regex longer than {MAX_REGEX_CHARS} characters; split it into slots or shapes")
    shape = Shape(f"regex@{line}", pattern, ctx.compile_regex(pattern, where, line), source=ctx.source, line=line)
    return Matcher("shape", f"re:{ctx.source}:{line}:{pattern}", shape=shape)


def _lexicon(name: Any, ctx: FrameContext, where: str, line: int) -> Lexicon:
    name = str(name)
    if name not in ctx.lexicons:
        raise FatalError(f"{ctx.source}:{line}: {where}: unknown lexicon {name!r}{did_you_mean(name, ctx.lexicons)}")
    return ctx.lexicons[name]


def _lexicons(value: Any, ctx: FrameContext, where: str, line: int) -> Lexicon:
    """``NAME`` or ``[A, B]``: one lexicon, or the union of several (for ``unless_next``/``unless_prev``)."""
    if not isinstance(value, list):
        return _lexicon(value, ctx, where, line)
    parts = [_lexicon(name, ctx, where, line) for name in value]
    if len(parts) == 1:
        return parts[0]
    phrases = frozenset().union(*(part.phrases for part in parts))
    return build_lexicon("|".join(part.name for part in parts), (), None, extra_phrases=phrases)


def derive_gate(slots: list[Slot]) -> Gate:
    """The slot whose presence is rarest in copy gates the frame.

    A lexicon slot gates on each entry's least common token; an ``any`` slot on all its options;
    a shape on its regex; a merge field on any merge field. The best slot lets the fewest
    sentences through (word frequencies from wordfreq). Any required slot is a lossless gate: a
    frame cannot match a sentence that lacks one of its slots.
    """
    best: tuple[float, Gate] | None = None
    every: list[frozenset[str]] = []
    for slot in slots:
        gate = _slot_gate(slot.matcher)
        if gate is None:
            continue
        if not gate.regexes and not gate.placeholder:
            every.append(gate.words)
        cost = _gate_cost(gate)
        if best is None or cost < best[0]:
            best = (cost, gate)
    leads = tuple(dict.fromkeys(lead for slot in slots if (lead := _rare_lead(slot.matcher)) is not None))
    if best is None:
        return Gate(every=tuple(sorted(every, key=len)), leads=leads)
    gate = best[1]
    rest = sorted((words for words in every if words is not gate.words), key=lambda words: _gate_cost(Gate(words=words)))
    return Gate(gate.words, gate.regexes, gate.placeholder, tuple(rest) + ((gate.words,) if gate.words in every else ()), leads)


def _rare_lead(matcher: Matcher) -> str | None:
    """The class of characters a shape slot's matches start with, when it holds no letter (else None)."""
    if matcher.kind != "shape" or matcher.shape is None:
        return None
    from cxlint.text.leading import rare_leading_class

    return rare_leading_class(matcher.shape.pattern)


_SHAPE_COST = 10 ** 6.8
"""A shape gate runs over every document and its frequency is unknown: treated as one of the commonest words."""
_PLACEHOLDER_COST = 10 ** 5.0


def _gate_cost(gate: Gate) -> float:
    """Roughly how often the gate lets a sentence through: the summed frequency of its words."""
    return sum(10 ** zipf(word) for word in gate.words) + _SHAPE_COST * len(gate.regexes) + _PLACEHOLDER_COST * gate.placeholder


_KEY_WORD_SETS: dict[frozenset[str], frozenset[str]] = {}
"""One object for each distinct set of key words: most frames share their reader or observer
slots, and a compiled pack then stores (and loads) each set once instead of once a frame."""


def _shared(words: frozenset[str]) -> frozenset[str]:
    return _KEY_WORD_SETS.setdefault(words, words)


def _slot_gate(matcher: Matcher) -> Gate | None:
    """What a sentence must hold for ``matcher`` to fill a slot (None: nothing cheap to test)."""
    if matcher.kind == "lexicon":
        return Gate(words=_shared(frozenset().union(*(lx.key_words for lx in matcher.lexicons))))
    if matcher.kind == "shape" and matcher.shape is not None:
        return Gate(regexes=(matcher.shape.regex,))
    if matcher.kind == "placeholder":
        return Gate(placeholder=True)
    if matcher.kind == "any":
        parts = [_slot_gate(option) for option in matcher.options]
        if any(part is None for part in parts):
            return None
        return Gate(
            words=_shared(frozenset().union(*(p.words for p in parts if p))),
            regexes=tuple(r for p in parts if p for r in p.regexes),
            placeholder=any(p.placeholder for p in parts if p),
        )
    return None
