"""The ``records:`` section of a pack: how the engine finds promise records, compiled and checked.

A record is a promise the audit needs whether or not a rule flags it: a stated value ("returns
within 14 days", "9am-6pm Mon-Fri", "15% off") with its kind and the words around it that decide
whose it is and what qualifies it. Readers are cxlint's own (``READERS``); the pack says where each
is tried (``find``) and names every word class they weigh. The compiler resolves every lexicon,
shape and kind, requires every word class a reader weighs, and reports what it cannot resolve with
the file, the line and the closest valid name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cxlint.channels import CHANNELS
from cxlint.errors import FatalError
from cxlint.promises.kinds import KINDS
from cxlint.promises.value_shapes import ValueShapes
from cxlint.rulepack import schema
from cxlint.rulepack.frames import Frame, FrameContext, compile_frame, compile_frames
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.yamlio import LINE_KEY, key_line, line_of

WordSpec = tuple[Frame, ...]
"""A word class as the records use it: frames, any of which finds it (a slot is a one-slot frame)."""

CONTEXT_WORDS = frozenset({
    "clause_break", "hedge", "hedge_pseudo", "condition", "reported", "quote", "question", "own_voice",
    "first_person", "competitor", "every_day", "uptime_word", "opening_hours", "deadline", "same_day",
})
"""What every record's context is read with: hedges and conditions near it, whose voice, which days
(a closing time stated alone is hours only about a service that opens, not an offer's deadline) and,
for a rule's availability finding, whether it speaks of uptime."""
REGISTRY_WORDS = frozenset({"negation", "scope_limit", "scope_left_out", "place_within", "scope_includes", "price_total", "scope_excludes", "scope_excluded", "universal", "clause_join", "yearly", "time_gained", "rating_context", "reply_role", "rank_word", "rank_top", "trial_cancel", "outcome_absolute", "absolute_turned", "downtime", "uptime_context", "unstaffed", "staffed"})
"""What a registry's judging reads entries and a record's context with (``promises/matching.py``,
``scope.py``, ``values.py``): a negated entry, a scope's limit against copy for everyone in the
promise's clause, months free with yearly billing, time saved, the words of a review score (what
is left of a rank entry names its source), a cancelling that makes paying nothing a trial's term."""

READERS: dict[str, frozenset[str]] = {
    "duration": frozenset({
        "price_period", "time_point_after", "clock_start", "trial_near", "refund_near", "guarantee_near",
        "returns_heading", "service_subject", "given_free", "free_for_lead", "time_lead", "turnaround_lead", "turnaround_for_reader", "return_lead", "service_by_its_time", "future", "under_way",
    }),
    "hours": frozenset({"availability_context", "appointment", "whole_week", "always_open"}),
    "price-match": frozenset(),
    "compliance": frozenset(),
    "uptime": frozenset({"uptime_context", "if_start"}),
    "offer": frozenset({"save", "off", "price_lead", "if_start", "offer_ended"}),
    "rating": frozenset(),  # rating_context, a registry word class too
    "rank": frozenset({"if_start"}),
    "multiplier": frozenset({"if_start"}),
    "free": frozenset({
        "free_not_after", "free_not_before", "free_for", "try", "free_tier", "guarantee_words", "free_copula",
        "free_intensifier", "subject_stop", "subject_skip", "free_after_its_subject", "free_no_subject", "offer_ended",
    }),
}
"""Each reader and the word classes it weighs besides the context's and the registry's (the duration
reader also reads ``yearly``: months given free with yearly billing are no trial)."""

VALUE_SHAPES = tuple(ValueShapes.__dataclass_fields__)
"""The shapes whose named groups give a record its value (``promises/values.py``, ``hours.py``): the
fields of ``ValueShapes``, which every rule set must define."""

_DURATION_KINDS = frozenset({"trial-length", "refund-window", "guarantee", "response-time", "delivery-time"})
_MATCHER_KEYS = frozenset(schema.MATCHER)


@dataclass(frozen=True)
class Reader:
    """One reader as a pack declares it: where it is tried, and (durations) the words that name a kind."""

    read: str
    find: WordSpec
    kinds: tuple[tuple[str, WordSpec], ...] = ()
    subject: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Subject:
    """What a kind's records are filed under: a label, and the words of its context that name a variant."""

    label: str
    words: WordSpec = ()
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RecordSpec:
    """How promise targets become records: who reads them, the words of each medium and subject."""

    readers: tuple[Reader, ...]
    words: dict[str, WordSpec]
    media: tuple[tuple[str, WordSpec], ...]
    channel_media: dict[str, str]
    subjects: dict[str, Subject]
    source: str = ""


def compile_records(spec: Any, ctx: FrameContext, line: int) -> RecordSpec:
    """The compiled ``records:`` mapping of the pack ``ctx.source``."""
    source = ctx.source
    if not isinstance(spec, dict):
        raise FatalError(f"{source}:{line}: records: must be a mapping with 'readers' and 'words'")
    schema.check(spec, schema.RECORDS, source, "records")
    missing_shapes = [name for name in VALUE_SHAPES if name not in ctx.shapes]
    if missing_shapes:
        raise FatalError(f"{source}:{line}: records: the value shapes {', '.join(missing_shapes)} are not defined")
    words_spec = spec.get("words") or {}
    words = {str(name): word_spec(value, ctx, f"records: word class {name!r}", key_line(words_spec, name, line))
             for name, value in words_spec.items() if name != LINE_KEY}
    readers = tuple(_reader(item, ctx, line) for item in _items(spec.get("readers"), source, "readers", line))
    if not readers:
        raise FatalError(f"{source}:{line}: records: 'readers' must list at least one reader")
    _check_words(readers, words, words_spec, source, key_line(spec, "words", line))
    media_spec = spec.get("media") or {}
    media = tuple((str(name), word_spec(value, ctx, f"records: medium {name!r}", key_line(media_spec, name, line)))
                  for name, value in media_spec.items() if name != LINE_KEY)
    channel_media = _channel_media(spec.get("channel_media") or {}, {name for name, _ in media}, source, line)
    subjects_spec = spec.get("subjects") or {}
    subjects = {str(kind): _subject(kind, value, ctx, key_line(subjects_spec, kind, line))
                for kind, value in subjects_spec.items() if kind != LINE_KEY}
    return RecordSpec(readers, words, media, channel_media, subjects, source)


def word_spec(value: Any, ctx: FrameContext, where: str, line: int) -> WordSpec:
    """A slot (``{lexicon: …}``, ``{shape: …}``, ``{any: […]}``, with ``unless_next``…) or a list of frames."""
    if isinstance(value, dict) and _MATCHER_KEYS & set(value):
        return (compile_frame({"word": value, LINE_KEY: line_of(value) or line}, ctx, where, line),)
    if isinstance(value, list):
        return compile_frames(value, ctx, where, line)
    raise FatalError(f"{ctx.source}:{line}: {where}: a word class is a slot such as {{lexicon: NAME}} or a list of frames")


def _items(value: Any, source: str, key: str, line: int) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise FatalError(f"{source}:{line}: records: '{key}' must be a list of mappings")
    return value


def _reader(spec: dict[str, Any], ctx: FrameContext, line: int) -> Reader:
    line = line_of(spec) or line
    name = str(spec.get("read") or "")
    where = f"records: reader {name or '?'}"
    schema.check(spec, schema.RECORD_READER, ctx.source, where)
    if name not in READERS:
        raise FatalError(f"{ctx.source}:{line}: records: unknown reader {name!r}{did_you_mean(name, READERS)}")
    if spec.get("find") is None:
        raise FatalError(f"{ctx.source}:{line}: {where}: needs 'find' (where the reader is tried)")
    find = word_spec(spec["find"], ctx, f"{where}: find", key_line(spec, "find", line))
    kinds_spec = spec.get("kinds") or {}
    if bool(kinds_spec) != (name == "duration"):
        raise FatalError(f"{ctx.source}:{line}: {where}: 'kinds' is for the duration reader, which needs it")
    kinds = []
    for kind, value in kinds_spec.items():
        if kind == LINE_KEY:
            continue
        at = key_line(kinds_spec, kind, line)
        if kind not in _DURATION_KINDS:
            raise FatalError(f"{ctx.source}:{at}: {where}: a duration is not of kind {kind!r}{did_you_mean(str(kind), _DURATION_KINDS)}")
        kinds.append((str(kind), word_spec(value, ctx, f"{where}: kind {kind}", at)))
    subject = spec.get("subject")
    return Reader(name, find, tuple(kinds), str(subject) if subject else None, line)


def _check_words(readers: tuple[Reader, ...], words: dict[str, WordSpec], spec: Any, source: str, line: int) -> None:
    """Every word class a reader or the context weighs is declared; none is declared for nothing."""
    wanted = set(CONTEXT_WORDS | REGISTRY_WORDS).union(*(READERS[reader.read] for reader in readers))
    for name in words:
        if name not in wanted:
            raise FatalError(f"{source}:{key_line(spec, name, line)}: records: no reader weighs word class {name!r}{did_you_mean(name, wanted)}")
    for reader in readers:
        for name in sorted(READERS[reader.read] - set(words)):
            raise FatalError(f"{source}:{reader.line}: records: reader {reader.read} weighs word class {name!r}, which 'words' does not declare")
    for name in sorted(CONTEXT_WORDS - set(words)):
        raise FatalError(f"{source}:{line_of(spec) or line}: records: every record's context weighs word class {name!r}, which 'words' does not declare")
    for name in sorted(REGISTRY_WORDS - set(words)):
        raise FatalError(f"{source}:{line_of(spec) or line}: records: a registry's judging weighs word class {name!r}, which 'words' does not declare")


def _channel_media(spec: Any, media: set[str], source: str, line: int) -> dict[str, str]:
    if not isinstance(spec, dict):
        raise FatalError(f"{source}:{line}: records: 'channel_media' must map channels to media")
    out: dict[str, str] = {}
    for channel, medium in spec.items():
        if channel == LINE_KEY:
            continue
        at = key_line(spec, channel, line)
        if channel not in CHANNELS:
            raise FatalError(f"{source}:{at}: records: channel_media: unknown channel {channel!r}{did_you_mean(str(channel), CHANNELS)}")
        if medium not in media:
            raise FatalError(f"{source}:{at}: records: channel_media: unknown medium {medium!r}{did_you_mean(str(medium), media)}")
        out[str(channel)] = str(medium)
    return out


def _subject(kind: Any, spec: Any, ctx: FrameContext, line: int) -> Subject:
    where = f"records: subject {kind}"
    if kind not in KINDS:
        raise FatalError(f"{ctx.source}:{line}: records: subjects: unknown promise kind {kind!r}{did_you_mean(str(kind), KINDS)}")
    if not isinstance(spec, dict) or not isinstance(spec.get("label"), str):
        raise FatalError(f"{ctx.source}:{line}: {where}: needs a 'label'")
    schema.check(spec, schema.RECORD_SUBJECT, ctx.source, where)
    words = word_spec(spec["words"], ctx, where, key_line(spec, "words", line)) if spec.get("words") is not None else ()
    names = spec.get("names") or {}
    if names and not words:
        raise FatalError(f"{ctx.source}:{line}: {where}: 'names' renames the words of 'words', which it lacks")
    return Subject(spec["label"], words, tuple((str(k), str(v)) for k, v in names.items() if k != LINE_KEY))


def reader_key(index: int) -> str:
    """The name a reader's frames have in the records prefilter."""
    return f"reader:{index}"


def add_reader_gates(gates: Any, spec: RecordSpec) -> None:
    """Add the readers' ``find`` frames to the rules' derived prefilter (``engine.gate.GateIndex``), keyed
    ``reader:N``: a reader is tried on a sentence only where one of its frames could match, gated on that
    frame's rarest slot. One index for both means one pass over a document's sentences for both stages."""
    for index, reader in enumerate(spec.readers):
        for number, frame in enumerate(reader.find):
            gates.add(reader_key(index), number, frame)


def word_triggers(spec: RecordSpec) -> dict[str, frozenset[str] | None]:
    """For each named word class, the words a sentence must hold one of for it to be found there: the
    triggers of its frames (``engine.triggers.trigger``); None when a frame has none (a shape may fill it)."""
    from cxlint.engine.triggers import trigger

    needs: dict[str, frozenset[str] | None] = {}
    for name, frames in spec.words.items():
        words: frozenset[str] | None = frozenset()
        for frame in frames:
            found = trigger(frame)
            words = None if found is None or words is None else words | found
        needs[name] = words
    return needs
