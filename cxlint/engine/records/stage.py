"""The records stage of a run: every promise of a document with its kind, value and context.

Readers are tried on the sentences the records' derived prefilter lets through (``gated=False``
tries every reader on every sentence: the tests compare both), and every promise finding of the
run becomes a target too, with the value its words state.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from cxlint.document import Document
from cxlint.engine.beside import kept_beside
from cxlint.engine.context import categories_for, find_modifiers
from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.context import describe
from cxlint.engine.records.durations import classify
from cxlint.engine.records.readers import READ
from cxlint.engine.records.reading import RecordReading, Span
from cxlint.engine.records.target import Found, PromiseTarget
from cxlint.engine.sentences import DocumentScan
from cxlint.findings import Finding
from cxlint.promises.hours import EVERY_HOUR, find_schedules
from cxlint.promises.value_shapes import ValueShapes
from cxlint.promises.values import SAME_DAY, Duration, Money, Value, duration_from_match, embedded_value, percent_from_match
from cxlint.rulepack.model import RuleSet
from cxlint.rulepack.records import RecordSpec, reader_key
from cxlint.text.normalize import normalize


@dataclass
class PromiseTargets:
    """A document's promise targets: the readers' (``found``) and those of its promise findings (``flagged``)."""

    reading: RecordReading
    found: list[PromiseTarget]
    flagged: list[PromiseTarget]

    @property
    def sentences(self) -> list[Span]:
        return self.reading.spans

    def describe(self, start: int, end: int, sentence: int, kinds: tuple[str, ...], value: Value | None) -> PromiseTarget:
        """A target for a span the caller found (a registry phrase stated in a sentence), its context read."""
        return describe(self.reading, Found(start, end, kinds, value, sentence))

    def stated_value(self, start: int, end: int) -> Value | None:
        """The amount, share or duration the text ``[start, end)`` states first."""
        return embedded_value(self.reading.mask[start:end], self.reading.shapes)


def find_promises(
    doc: Document, ruleset: RuleSet, findings: list[Finding], gated: bool = True, scan: DocumentScan | None = None
) -> PromiseTargets | None:
    """The promise targets of ``doc`` (None when no pack declares ``records:``); ``scan`` is the document as
    the rules read it in this run, with what they found out about its sentences (without it, it is read here)."""
    spec: RecordSpec | None = ruleset.records
    if spec is None:
        return None
    scan = scan if scan is not None else DocumentScan.of(doc)
    sentences = scan.sentences
    shapes, digit_shapes = _value_shapes(ruleset)
    reading = RecordReading(doc.mask, scan.plain, scan.spans, sentences, spec, shapes, doc.channel,
                            ruleset.record_triggers if gated else None, digit_shapes)
    found: list[PromiseTarget] = []
    for index, readers in sorted(_readers_by_sentence(reading, ruleset, gated, scan).items()):
        drafts = _sentence_records(reading, index, readers)
        if drafts:
            hits = find_modifiers(sentences[index], ruleset.modifiers, ruleset.modifier_triggers) if ruleset.modifiers else []
            offset = sentences[index].offset
            found += [describe(reading, d, frozenset(categories_for(d.start - offset, d.end - offset, hits))) for d in drafts]
    flagged = [_flagged(reading, f) for f in findings if f.category == "promise"]
    return PromiseTargets(reading, found, flagged)


_SHAPES: dict[int, tuple[object, tuple[ValueShapes, frozenset[str]]]] = {}


def _value_shapes(ruleset: RuleSet) -> tuple[ValueShapes, frozenset[str]]:
    """The rule set's value shapes and the names of those every match of which holds a digit: the same for
    every document of a run, so gathered once (each document paid for a hundred shapes read twice)."""
    shapes = ruleset.shapes
    return kept_beside(_SHAPES, shapes, lambda: (ValueShapes.of(shapes),
                                                 frozenset(name for name, shape in shapes.items() if shape.digit)))


def _readers_by_sentence(reading: RecordReading, ruleset: RuleSet, gated: bool, scan: DocumentScan) -> dict[int, set[int]]:
    count = len(reading.spec.readers)
    if not gated:
        return {index: set(range(count)) for index in range(len(reading.spans))}
    keys = {reader_key(n): n for n in range(count)}
    found: dict[int, set[int]] = {}
    for index, frames in scan.let_through(ruleset.frame_gates).items():  # the rules' frames beside the readers'
        readers = {keys[key] for key, _ in frames if key in keys}
        if readers:
            found[index] = readers
    return found


def _sentence_records(reading: RecordReading, index: int, readers: set[int]) -> list[Found]:
    """What the readers let through for this sentence find in it, in their declared order, one record per kind and place."""
    out: list[Found] = []
    for number, reader in enumerate(reading.spec.readers):
        if number in readers:
            out += READ[reader.read](reading, reader, index, out)
    return _one_per_kind_and_place(out)


def _one_per_kind_and_place(found: list[Found]) -> list[Found]:
    """A record starting inside an earlier one of the same kind is part of it."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if any(k.kinds[0] == item.kinds[0] and k.start <= item.start < k.end for k in kept):
            continue
        kept.append(item)
    return kept


def _flagged(reading: RecordReading, finding: Finding) -> PromiseTarget:
    """The target of a promise finding, with the value its words state, read as its kind."""
    starts = [start for start, _ in reading.spans]
    at = bisect.bisect_right(starts, finding.start) - 1
    index = at if at >= 0 and finding.start < reading.spans[at][1] + 1 else -1
    extra = dict(finding.extra)
    kind = str(extra.get("kind", "claim"))
    text = reading.plain[finding.start : finding.end]
    sentence = reading.sentence_at(index, finding.start, finding.end)
    value: Value | None = None
    if kind == "availability":
        schedules = find_schedules(text, reading.shapes, lambda words: bool(reading.within(words, sentence, finding.start, finding.end)))
        value = schedules[0][2] if schedules else None
        if (value is None or not value.times_given) and reading.within("always_open", sentence, finding.start, finding.end):
            value = EVERY_HOUR  # "we're always on", "here day and night"
        percent = reading.shapes.percentage.search(text) if value is None else None
        if percent is not None:
            kind, value = "uptime", percent_from_match(percent)
        elif value is None and reading.within("uptime_word", sentence, finding.start, finding.end):
            kind = "uptime"
    elif kind == "response-time":
        match = reading.shapes.duration.search(normalize(str(extra.get("value", "")) or text))
        value = duration_from_match(match) if match else None
        duration = next((r for r in reading.spec.readers if r.read == "duration"), None)
        found_kind = classify(reading, duration, sentence, finding.start, finding.end)[0] if duration else None
        kind = found_kind or "claim"
    else:
        value = embedded_value(text, reading.shapes)
        if isinstance(value, Duration) and kind not in ("guarantee", "delivery-time"):
            value = None  # a delivery finding's time ("reach you within 2 business days") is its value, as a guarantee's is
        if kind == "delivery-time" and value is None and reading.within("same_day", sentence, finding.start, finding.end):
            value = SAME_DAY  # "get it today", "at your door tonight"
        if kind == "price" and value is None and _says_free(reading, sentence, finding.start, finding.end):
            value = Money(0.0, "")  # "file your return free if it is simple": what the finding calls free costs nothing
    return describe(reading, Found(finding.start, finding.end, (kind,), value, index), frozenset(finding.modifiers), finding)


def _says_free(reading: RecordReading, sentence: Sentence, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a word the free reader finds ("free", "on us"): a price finding's value is then free."""
    free = next((r for r in reading.spec.readers if r.read == "free"), None)
    return free is not None and bool(reading.within(free.find, sentence, start, end))
