"""Promise records of a document, built from the promise targets of its engine run.

The engine finds every promise with its kind, value and context: the records readers' plain
statements ("advisers online 9 AM–6 PM Mon–Fri", "15% off") that only a registry can judge, and
the targets of the rules' promise findings. Here each finding joins the record it is part of (or
stands as one of its own), and, with a registry, sentences that state one of its phrase entries
closely enough become records of that entry (matched loosely by their content words: that is
about the registry, not the copy). No sentence is split and no value is read here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.document import Document
from cxlint.engine.records.stage import PromiseTargets
from cxlint.engine.records.target import PromiseTarget
from cxlint.findings import Finding
from cxlint.positions import LineIndex
from cxlint.promises.phrases import content_words, coverage, stated_part
from cxlint.promises.records import PromiseRecord
from cxlint.promises.registry import PHRASE_KINDS, Entry, Registry
from cxlint.promises.values import Duration, Percent
from cxlint.promises.wording import hits, holds

ENTRY_COVERAGE = 0.6
"""Share of a registry phrase's content words a sentence must hold to state that entry."""
_FINDING_FAMILY = {
    "response-time": {"response-time", "delivery-time", "refund-window", "trial-length"},
    "availability": {"availability", "uptime"},
    "outcome": {"discount", "outcome"},
    "price": {"price", "guarantee", "trial-length", "claim"},
    "guarantee": {"guarantee", "refund-window", "trial-length"},
    "claim": {"claim", "guarantee", "price"},
    "security": {"security"},
    "rank": {"rank"},
}
"""The record kinds a finding of each kind may be part of, in its sentence."""
TRIAL_TERM_SENTENCES = 2
"""How many sentences after a trial a cancelling that costs nothing may be its term."""
_OWN_CLAIM = frozenset({"rank"})
"""Finding kinds that join only a record they overlap: a second superlative in a sentence ("#1 in the survey, and
the quickest pick-up") is a claim of its own, not part of the rank the sentence names first."""


@dataclass
class _Draft:
    """A promise target on its way to a record, with the findings it came from."""

    target: PromiseTarget
    strong: bool
    findings: tuple[Finding, ...] = ()
    entry_id: str | None = None

    @property
    def sentence(self) -> int:
        return self.target.sentence


def extract_records(doc: Document, promises: PromiseTargets | None, registry: Registry | None = None) -> list[PromiseRecord]:
    """Every promise in ``doc``: the engine's targets, registry phrases found loosely, and the linter's promise findings."""
    if promises is None:
        return []
    drafts = [_Draft(target, target.strong) for target in promises.found]
    if registry is not None:
        drafts += _entry_drafts(doc.mask, promises, registry, drafts)
        drafts += _absolute_drafts(doc.mask, promises, registry, drafts)
    drafts = _attach_findings(drafts, promises.flagged)
    lines = LineIndex(doc.source)
    return [_record(doc, lines, d) for d in sorted(drafts, key=lambda d: (d.target.start, d.target.end))]


def _entry_drafts(mask: str, promises: PromiseTargets, registry: Registry, found: list[_Draft]) -> list[_Draft]:
    """Sentences that state a registry phrase (a claim, guarantee, rank…) closely enough to be that promise."""
    out = []
    for entry in registry.entries:
        if entry.kind not in PHRASE_KINDS:
            continue
        for index, (start, end) in enumerate(promises.sentences):
            text = mask[start:end]
            value = promises.stated_value(start, end) if entry.value is not None else None
            if value is None and _claims_all_of(entry, text):
                value = ALL_OF_IT  # "every machine is restocked on the agreed day" against "96% of machines…"
            # a figure of the entry's own sort in the sentence is its value, compared apart from the words
            value_said = value is not None and type(value) is type(entry.value)
            wanted = content_words(stated_part(entry.phrase, text))
            if len(wanted & content_words(text)) < 2 or coverage(entry.phrase, text, value_said) < ENTRY_COVERAGE:
                continue
            if any(d.sentence == index and entry.kind in d.target.kinds and not _timed_claim(d.target) for d in found):
                continue
            out.append(_Draft(promises.describe(start, end, index, (entry.kind,), value), False, entry_id=entry.id))
    return out


ALL_OF_IT = Percent(100.0)
"""What an absolute ("every move", "for good", "never down") claims of an outcome or uptime entry's share."""
ABSOLUTE_SUBJECT = 2
"""Words of a share entry's subject (its phrase, id and scope) an absolute's sentence must name."""
ABSOLUTE_SHARE = 0.4
"""Share of an outcome entry's words (beyond its figure) an absolute's sentence must state: the outcome, not only its subject."""
_NOT_CERTAIN = ("if_start", "hedge", "question", "reported", "competitor")


def _claims_all_of(entry: Entry, text: str) -> bool:
    """Whether ``text`` states an outcome or uptime entry's share as certain: an absolute no "not" turns, outside an
    "if", a hedge, a question, a report or another company's copy."""
    if entry.kind not in ("outcome", "uptime") or not isinstance(entry.value, Percent) or entry.value.number >= ALL_OF_IT.number:
        return False
    return _stated_as_certain(text) and not any(holds(text, words) for words in _NOT_CERTAIN)


def _stated_as_certain(text: str) -> bool:
    """Whether ``text`` holds an absolute ("every", "for good", "never") that no "not" right before it turns ("isn't
    always the end")."""
    turned = {end for _, end in hits(text, "absolute_turned")}
    return any(not any(end <= start and not text[end:start].strip() for end in turned) for start, _ in hits(text, "outcome_absolute"))


def _absolute_drafts(mask: str, promises: PromiseTargets, registry: Registry, found: list[_Draft]) -> list[_Draft]:
    """Sentences that state an outcome or uptime entry's subject as certain, with no figure of their own ("every move
    finishes on the day we planned" against "94% of moves completed on the planned day"; "the app hasn't gone down
    once, ever" against an app's 99.9% uptime): all of it, 100%, which a share below it does not back."""
    out: list[_Draft] = []
    for entry in registry.of_kind("outcome", "uptime"):
        subject = _words_without_figures(f"{entry.id.replace('-', ' ')} {entry.scope}")
        for index, (start, end) in enumerate(promises.sentences):
            text = mask[start:end]
            if not _claims_all_of(entry, text):
                continue
            if entry.kind == "uptime":
                # what is up (two words of the entry's id and scope: "the Cascade app"), said to be up: "the app is
                # always free" is an absolute, but not about being up
                if len(subject & content_words(text)) < ABSOLUTE_SUBJECT or not (holds(text, "downtime") or holds(text, "uptime_context")):
                    continue
            else:
                # the outcome itself, not only who it is for ("SMS reminders on every plan" against "… see 38% fewer no-shows")
                claimed = _words_without_figures(entry.phrase)
                said = len(claimed & content_words(text))
                if said < ABSOLUTE_SUBJECT or said < ABSOLUTE_SHARE * len(claimed):
                    continue
            if promises.stated_value(start, end) is not None:
                continue  # a figure of its own is read as one ("95% of moves…", "every move for £99")
            if any(d.sentence == index for d in found) or any(d.sentence == index and d.target.kinds == (entry.kind,) for d in out):
                continue  # an absolute in a sentence making another promise is that promise's ("free shipping on every mattress")
            out.append(_Draft(promises.describe(start, end, index, (entry.kind,), ALL_OF_IT), False, entry_id=entry.id))
    return out


def _words_without_figures(text: str) -> set[str]:
    """The content words of ``text`` that hold no digit: what an entry is about, not its figure ("96%", "2026")."""
    return {word for word in content_words(text) if not any(c.isdigit() for c in word)}


def _timed_claim(target: PromiseTarget) -> bool:
    """A turnaround filed under no service ("we'll move it over within 48 hours"): its sentence may still state a phrase entry."""
    return target.kind == "claim" and isinstance(target.value, Duration)


def _attach_findings(drafts: list[_Draft], flagged: list[PromiseTarget]) -> list[_Draft]:
    """Each linter promise finding joins the record it is part of, or becomes a record of its own."""
    for target in flagged:
        finding = target.finding
        assert finding is not None  # flagged targets are the findings'
        kind = str(dict(finding.extra).get("kind", "claim"))
        family = _FINDING_FAMILY.get(kind, {kind})
        same = [d for d in drafts if d.sentence == target.sentence]
        joined = next((d for d in same if d.target.start < finding.end and finding.start < d.target.end), None)
        if joined is None and kind not in _OWN_CLAIM:
            fits = [d for d in same if set(d.target.kinds) & family]
            joined = min(fits, key=lambda d: abs(d.target.start - finding.start), default=None)
        if joined is None and kind == "price" and holds(target.context, "trial_cancel"):
            # "Try it free for 7 days. Cancel before day 8 and you pay nothing.": paying nothing on cancelling is the
            # term of the trial the sentences before offer, judged with it, not a free promise of its own
            trials = [d for d in drafts if "trial-length" in d.target.kinds and 0 < target.sentence - d.sentence <= TRIAL_TERM_SENTENCES]
            joined = max(trials, key=lambda d: d.target.start, default=None)
        if joined is None:
            joined = _Draft(target, target.strong)
            drafts.append(joined)
        joined.findings += (finding,)
        if finding.severity != "info":
            joined.strong = True
    return drafts


def _record(doc: Document, index: LineIndex, draft: _Draft) -> PromiseRecord:
    target = draft.target
    line, column = index.position(target.start)
    end_line, end_column = index.position(target.end)
    return PromiseRecord(
        path=doc.path, start=target.start, end=target.end, line=line, column=column, end_line=end_line,
        end_column=end_column, text=doc.source[target.start : target.end], context=target.context,
        kinds=target.kinds, subject=target.subject, value=target.value, qualifiers=target.qualifiers, hedged=target.hedged,
        channel=doc.channel, strong=draft.strong, findings=draft.findings, entry_id=draft.entry_id, part=doc.part,
        own_voice=target.own_voice, media=target.media, days=target.days, modifiers=target.modifiers,
        place=_place(doc, target.start, target.end), earlier=target.earlier,
    )


def _place(doc: Document, start: int, end: int) -> tuple[tuple[str, object], ...]:
    """The JSON Pointer of the string that holds the promise, in a structured file or an archive."""
    pointer = doc.pointer_at(start, end) if doc.segments else None
    return (("pointer", pointer),) if pointer is not None else ()
