"""Find promise records in a document: values the registry can check, and the linter's promise findings.

The linter only flags promises nothing backs; the auditor needs every promise, including plain
statements ("advisers online 9 AM–6 PM Mon–Fri", "15% off") that only a registry can judge.
Durations are classified by the nearest service word in their clause (reply, delivery, refund,
trial, warranty); "within 30 days *of delivery*" names when the clock starts, not the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cxlint.document import Document
from cxlint.findings import Finding
from cxlint.positions import LineIndex
from cxlint.promises.hours import ALL_WEEK_RE, find_schedules, parse_schedule
from cxlint.promises.phrases import content_words
from cxlint.promises import vocabulary
from cxlint.promises.records import PromiseRecord
from cxlint.promises.registry import DAY_SCOPED, PHRASE_KINDS, Registry
from cxlint.promises.scope import channel_medium, days_stated, media_near, names_competitor
from cxlint.promises.values import (
    DURATION_RE, MONEY_RE, PERCENT_RE, Duration, Money, Percent, Value, duration_from_match, embedded_value,
    money_from_match,
)
from cxlint.text.sentences import split_sentences

_PRIORITY = ("trial-length", "refund-window", "guarantee", "response-time", "delivery-time")
_ANCHOR = re.compile(r"\s+(?:of|from|after)\s+(?:your\s+|the\s+)?[\w-]+(?:\s+(?:date|starting|started))?", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]\s|\s[—–]\s|\.\s|\bthen\b|\bbut\b")
_CONDITIONS = vocabulary.pattern("conditions")
_AVAILABILITY_CONTEXT = vocabulary.pattern("availability_context")
_APPOINTMENT = vocabulary.pattern("appointment")
_UPTIME_CONTEXT = vocabulary.pattern("uptime_context")
_DISCOUNT = re.compile(
    r"(?P<save>\bsav(?:e|es|ing)\s+(?:you\s+)?(?:up\s+to\s+|over\s+|an?\s+extra\s+)?)?(?:(?<![\d.])(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent\b)|(?P<money>[£$€]\s?\d[\d,]*(?:\.\d+)?k?))"
    r"(?P<off>\s*(?:off|discount|cheaper|reduction)\b)?",
    re.IGNORECASE,
)
_FREE = re.compile(r"(?<![\w-])(?:free(?!-)|complimentary|on\s+us)\b", re.IGNORECASE)
_FREE_NOT = re.compile(
    r"^\s*(?:trial|for\s+\d|for\s+(?:a|one|two|the)\s|to\b|up\b|of\s+(?:charge|cost)\b|time|period|plan|tier|version|account|download|app\b|software|open[- ]source|text|form|shipping\s+threshold)",
    re.IGNORECASE,
)
_FREE_BEFORE_NOT = re.compile(r"(?:feel|set\s+(?:you|yourself)|totally|hands|toll|break|stay)\s*$|\bfor\s*$", re.IGNORECASE)
_SUBJECT_STOP = re.compile(r"^(?:and|or|on|for|with|when|if|to|in|at|this|every|all|is|are|\W)$", re.IGNORECASE)
_TIER = vocabulary.pattern("free_tier")
_GUARANTEE_WORDS = vocabulary.pattern("guarantee_words")
_SUBJECTS = vocabulary.subjects()
_VALUE_PREFILTER = vocabulary.pattern("value_prefilter")
_VALUE_PREFILTER_LOWER = re.compile(_VALUE_PREFILTER.pattern)
"""The same words, for lower-cased text: five times faster than matching case-insensitively."""
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
ENTRY_COVERAGE = 0.6
_SENTENCE_WIDE = {
    "trial-length": re.compile(r"\btrial\b", re.IGNORECASE),
    "refund-window": re.compile(r"\brefund", re.IGNORECASE),
    "guarantee": re.compile(r"\b(?:guarantee|warrant)", re.IGNORECASE),
}
_WHOLE_WEEK = vocabulary.pattern("whole_week")
_RETURNS_HEADING = re.compile(r"^\W*returns?\b", re.IGNORECASE)
_SERVICE_SUBJECT = vocabulary.pattern("service_subject")
_OWN_VOICE = vocabulary.pattern("own_voice")
_REPORTED = vocabulary.pattern("reported")
_POLICY_KINDS = frozenset({"refund-window", "trial-length"})
"""Kinds stated as policy, often without "we" ("Returns are accepted within 14 days"): ours unless another company's."""
_PRICE_PERIOD = re.compile(r"(?:[£$€]\s?\d[\d,.]*|\bper|\beach|\bevery)\s*$", re.IGNORECASE)


@dataclass
class _Draft:
    start: int
    end: int
    kinds: tuple[str, ...]
    value: Value | None
    sentence: int
    strong: bool = False
    entry_id: str | None = None
    findings: tuple[Finding, ...] = ()
    subject: str | None = None


def extract_records(doc: Document, findings: list[Finding], registry: Registry | None = None) -> list[PromiseRecord]:
    """Every promise in ``doc``: value records, registry phrases found loosely, and the linter's promise findings."""
    sentences = split_sentences(doc.mask)
    drafts: list[_Draft] = []
    lowered = doc.mask.lower()
    prefilter, probe = (_VALUE_PREFILTER_LOWER, lowered) if len(lowered) == len(doc.mask) else (_VALUE_PREFILTER, doc.mask)
    for index, (start, end) in enumerate(sentences):
        if prefilter.search(probe, start, end):
            drafts += _sentence_drafts(doc.mask, sentences, index)
    if registry is not None:
        drafts += _entry_drafts(doc.mask, sentences, registry, drafts)
    drafts = _attach_findings(drafts, [f for f in findings if f.category == "promise"], sentences, doc.mask)
    lines = LineIndex(doc.source)
    return [_record(doc, lines, sentences, d) for d in sorted(drafts, key=lambda d: (d.start, d.end))]


def _context(mask: str, sentences: list[tuple[int, int]], index: int) -> tuple[int, str]:
    """The sentence, with a short heading before it ("Returns?", "Delivery:") that names its subject."""
    start, end = sentences[index]
    if index and len(mask[sentences[index - 1][0] : sentences[index - 1][1]].split()) <= 3:
        head_start = sentences[index - 1][0]
        return head_start, mask[head_start:end]
    return start, mask[start:end]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    return left, right


def classify_duration(text: str, start: int, end: int, heading: str = "") -> tuple[str | None, int, int]:
    """The service a duration is about, by the nearest service word in its clause, and the span with that word."""
    left, right = _clause(text, start, end)
    anchor = _ANCHOR.match(text, end)
    best: tuple[int, int, str, int, int] | None = None
    for kind in _PRIORITY:
        for match in vocabulary.kind_words()[kind].finditer(text, left, right):
            if anchor and anchor.start() <= match.start() < anchor.end():
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if distance < 0:
                continue
            rank = (distance, _PRIORITY.index(kind))
            if best is None or rank < best[:2]:
                best = (rank[0], rank[1], kind, match.start(), match.end())
    if best is None:
        for kind, words in _SENTENCE_WIDE.items():
            if words.search(text[max(0, start - 60) : end + 60]):
                return kind, start, end
        for kind in _PRIORITY:
            if heading and (vocabulary.kind_words()[kind].search(heading) or (kind == "refund-window" and _RETURNS_HEADING.search(heading))):
                return kind, start, end
        return None, start, end
    if best[2] == "response-time" and not _SERVICE_SUBJECT.search(text):
        return None, start, end
    return best[2], min(start, best[3]), max(end, best[4])


def _sentence_drafts(mask: str, sentences: list[tuple[int, int]], index: int) -> list[_Draft]:
    s_start, s_end = sentences[index]
    c_start, context = _context(mask, sentences, index)
    heading = mask[c_start:s_start]
    text = mask[s_start:s_end]
    out: list[_Draft] = []
    for match in DURATION_RE.finditer(text):
        if _PRICE_PERIOD.search(text, 0, match.start()):
            continue
        if vocabulary.words("time_point_after").match(text[match.end() :].lstrip()):
            continue  # "six months later": when something happened, not how long a service takes
        value = duration_from_match(match)
        kind, start, end = classify_duration(text, match.start(), match.end(), heading)
        if kind is None:
            continue
        if kind == "guarantee" and value.minutes < 7 * 1440:
            continue
        if value.minutes == float("inf") and kind != "guarantee":
            continue
        if _REPORTED.search(text):
            continue
        strong = value.minutes == float("inf") or kind == "trial-length"  # a trial is an offer, not a stated limit
        out.append(_Draft(s_start + start, s_start + end, (kind,), value, index, strong=strong))
    timed = any(d.kinds[0] in DAY_SCOPED for d in out)
    if _AVAILABILITY_CONTEXT.search(context) and not (_APPOINTMENT.search(text) and not ALL_WEEK_RE.search(text)):
        for start, end, schedule in find_schedules(text):
            if timed and (not schedule.times_given or vocabulary.words("every_day").search(text, start, end + 1)):
                continue  # "replies within 24 hours, 7 days a week": the days belong to the reply promise
            if schedule.times_given or _WHOLE_WEEK.search(text):
                out.append(_Draft(s_start + start, s_start + end, ("availability",), schedule, index))
    price_match = vocabulary.words("price_match").search(text)  # "Found it cheaper? We'll match it": one promise
    if price_match:
        out.append(_Draft(s_start + price_match.start(), s_start + price_match.end(), ("guarantee", "claim"), None, index,
                          strong=True, subject="price match"))
    for match in PERCENT_RE.finditer(text):
        if (float(match.group("num")) >= 90 and _UPTIME_CONTEXT.search(text) and not _REPORTED.search(text)
                and _OWN_VOICE.search(text) and "?" not in text and not re.match(r"\W*if\b", text, re.IGNORECASE)):
            out.append(_Draft(s_start + match.start(), s_start + match.end(), ("uptime",), Percent(float(match.group("num"))), index))
    for match in _DISCOUNT.finditer(text):
        if not (match.group("save") or match.group("off")):
            continue
        offer: Value = Percent(float(match.group("pct"))) if match.group("pct") else money_from_match(MONEY_RE.search(match.group("money")))  # type: ignore[arg-type]
        kinds = ("discount", "outcome") if match.group("save") else ("discount",)
        out.append(_Draft(s_start + match.start(), s_start + match.end(), kinds, offer, index))
    out += _free_drafts(text, s_start, index)
    return _dedupe(out)


def _free_drafts(text: str, offset: int, index: int) -> list[_Draft]:
    out = []
    for match in _FREE.finditer(text):
        after, before = text[match.end() :], text[: match.start()]
        if _FREE_NOT.match(after) or _FREE_BEFORE_NOT.search(before) or re.search(r"\btr(?:y|ial)\b", text, re.IGNORECASE):
            continue
        subject = _subject_after(after) or _subject_before(before)
        if not subject or _GUARANTEE_WORDS.search(subject):
            continue
        start = offset + match.start()
        end = offset + match.end()
        found = text.find(subject)
        if found != -1:
            start, end = min(start, offset + found), max(end, offset + found + len(subject))
        out.append(_Draft(start, end, ("price",), Money(0.0, ""), index, strong=not _TIER.search(subject)))
    return out


def _subject_after(after: str) -> str:
    words = []
    for word in re.findall(r"\S+", after)[:3]:
        clean = word.strip(".,;:!?)\"'")
        if _SUBJECT_STOP.match(clean) or not clean:
            break
        words.append(clean)
        if clean != word:
            break
    return " ".join(words)


def _subject_before(before: str) -> str:
    match = re.search(r"((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:is|are|comes?|come|stays?)\s+(?:always\s+|completely\s+|totally\s+|100%\s+)?$", before, re.IGNORECASE)
    if not match:
        return ""
    words = [w for w in match.group(1).split() if not _SUBJECT_STOP.match(w) and w.lower() not in ("your", "our", "the", "and", "so")]
    return " ".join(words[-2:])


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    kept: list[_Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        if any(k.kinds[0] == draft.kinds[0] and k.start <= draft.start < k.end for k in kept):
            continue
        kept.append(draft)
    return kept


def _entry_drafts(mask: str, sentences: list[tuple[int, int]], registry: Registry, found: list[_Draft]) -> list[_Draft]:
    """Sentences that state a registry phrase (a claim, guarantee, rank…) closely enough to be that promise."""
    from cxlint.promises.phrases import coverage

    out = []
    for entry in registry.entries:
        if entry.kind not in PHRASE_KINDS:
            continue
        wanted = content_words(entry.phrase)
        for index, (start, end) in enumerate(sentences):
            text = mask[start:end]
            if len(wanted & content_words(text)) < 2 or coverage(entry.phrase, text) < ENTRY_COVERAGE:
                continue
            if any(d.sentence == index and entry.kind in d.kinds for d in found):
                continue
            out.append(_Draft(start, end, (entry.kind,), embedded_value(text) if entry.value is not None else None, index, entry_id=entry.id))
    return out


def _attach_findings(drafts: list[_Draft], findings: list[Finding], sentences: list[tuple[int, int]], mask: str) -> list[_Draft]:
    """Each linter promise finding joins the record it is part of, or becomes a record of its own."""
    for finding in findings:
        sentence = next((i for i, (s, e) in enumerate(sentences) if s <= finding.start < e + 1), -1)
        kind = dict(finding.extra).get("kind", "claim")
        family = _FINDING_FAMILY.get(str(kind), {str(kind)})
        same = [d for d in drafts if d.sentence == sentence]
        target = next((d for d in same if d.start < finding.end and finding.start < d.end), None)
        if target is None:
            fits = [d for d in same if set(d.kinds) & family]
            target = min(fits, key=lambda d: abs(d.start - finding.start), default=None)
        if target is None:
            target = _finding_draft(finding, str(kind), sentence, mask, sentences)
            drafts.append(target)
        target.findings += (finding,)
        if finding.severity != "info":
            target.strong = True
    return drafts


def _finding_draft(finding: Finding, kind: str, sentence: int, mask: str, sentences: list[tuple[int, int]]) -> _Draft:
    raw_value = str(dict(finding.extra).get("value", "")) or finding.text
    value: Value | None = None
    if kind == "availability":
        value = parse_schedule(finding.text)
        if value is None and (percent := PERCENT_RE.search(finding.text)):
            kind, value = "uptime", Percent(float(percent.group("num")))
        elif value is None and re.search(r"downtime|uptime|never\s+(?:down|offline)", finding.text, re.IGNORECASE):
            kind = "uptime"
    elif kind == "response-time":
        match = DURATION_RE.search(raw_value)
        value = duration_from_match(match) if match else None
        s_start, s_end = sentences[sentence] if sentence >= 0 else (finding.start, finding.end)
        text = mask[s_start:s_end]
        found = classify_duration(text, finding.start - s_start, finding.end - s_start)[0]
        kind = found or "claim"
    else:
        value = embedded_value(finding.text)
        if isinstance(value, Duration) and kind not in ("guarantee",):
            value = None
    return _Draft(finding.start, finding.end, (kind,), value, sentence)


def _record(doc: Document, index: LineIndex, sentences: list[tuple[int, int]], draft: _Draft) -> PromiseRecord:
    line, column = index.position(draft.start)
    end_line, end_column = index.position(draft.end)
    context = doc.mask[sentences[draft.sentence][0] : sentences[draft.sentence][1]] if draft.sentence >= 0 else doc.mask[draft.start : draft.end]
    if draft.sentence > 0:
        _, context = _context(doc.mask, sentences, draft.sentence)
    sentence_start, sentence_end = sentences[draft.sentence] if draft.sentence >= 0 else (draft.start, draft.end)
    local = doc.mask[max(draft.start - 30, sentence_start) : min(draft.end + 20, sentence_end)]
    hedges = vocabulary.hedge_words(local)
    qualifiers = tuple(dict.fromkeys(" ".join(w.lower().split()) for w in (*hedges, *(m.group(0) for m in _CONDITIONS.finditer(local)))))
    hedged = bool(hedges)
    kind = draft.kinds[0]
    c_start = _context(doc.mask, sentences, draft.sentence)[0] if draft.sentence >= 0 else draft.start
    around = doc.mask[c_start : max(sentence_end, draft.end)]
    media: frozenset[str] = frozenset()
    if kind in ("response-time", "availability"):
        media = media_near(around, draft.start - c_start, draft.end - c_start) or channel_medium(doc.channel)
    sentence = doc.mask[sentence_start:sentence_end]
    days = days_stated(sentence) if kind in DAY_SCOPED else None
    clause_start, clause_end = _clause(sentence, draft.start - sentence_start, draft.end - sentence_start)
    theirs = names_competitor(around[: max(0, sentence_start - c_start)] + " " + sentence[:clause_start], sentence[clause_start:clause_end])
    return PromiseRecord(
        path=doc.path, start=draft.start, end=draft.end, line=line, column=column, end_line=end_line,
        end_column=end_column, text=doc.source[draft.start : draft.end], context=" ".join(context.split()),
        kinds=draft.kinds, subject=_subject(draft, context), value=draft.value, qualifiers=qualifiers, hedged=hedged,
        channel=doc.channel, strong=draft.strong, findings=draft.findings, entry_id=draft.entry_id, part=doc.part,
        own_voice=_speaks_for_company(context) and not theirs and (kind in _POLICY_KINDS or bool(_OWN_VOICE.search(context))),
        media=media, days=days,
    )


def _speaks_for_company(context: str) -> bool:
    """False for text that discusses promises rather than making one: quotes, measurements, examples."""
    return not (_REPORTED.search(context) or re.search(r"[\"“”]", context) or context.rstrip().endswith("?"))


def _subject(draft: _Draft, context: str) -> str:
    kind = draft.kinds[0]
    if draft.subject:
        return draft.subject
    if kind == "price":
        return "price"
    if kind in _SUBJECTS:
        label, words = _SUBJECTS[kind]
        match = re.search(rf"\b(?:{words})\b", context, re.IGNORECASE) if words else None
        if match and kind in ("response-time", "availability", "delivery-time"):
            word = match.group(0).lower()
            word = {"advisor": "advisers", "adviser": "advisers", "advisors": "advisers", "agent": "agents", "call": "phone", "text": "sms"}.get(word, word)
            return f"{label} ({word})"
        return label
    return kind
