"""Lint one document: candidates -> targets -> context -> decisions -> findings."""

from __future__ import annotations

import re
from collections import defaultdict

from cxlint.document import Document
from cxlint.engine.candidates import candidate_rules, placeholder_targets, regex_targets
from cxlint.engine.scoring import lower, severity_for_score, stacked_score
from cxlint.engine.targets import Target
from cxlint.findings import SEVERITY_RANK, Finding
from cxlint.positions import LineIndex
from cxlint.rulepack.model import Rule, RuleSet
from cxlint.text.sentences import split_sentences

_FOOTNOTE_AFTER = re.compile(r"[^\S\n]{0,2}(\\?[*†‡§¹²³⁴⁵]|\[\d{1,2}\]|\^\d)")
_FOOTNOTE_LATER = re.compile(r"(?<=[\w%.)])(\\?[*†‡§¹²³⁴⁵]|\[\d{1,2}\])")
_BARISTA = "barista"


def lint_document(doc: Document, ruleset: RuleSet) -> list[Finding]:
    """All findings of ``ruleset`` in ``doc``, in source order."""
    sentences = split_sentences(doc.mask)
    candidates = candidate_rules(doc.mask, sentences, ruleset)
    targets = regex_targets(doc.mask, sentences, candidates)
    targets += placeholder_targets(doc, sentences, ruleset)
    spacy_rules = {i: [r for r in rules.values() if r.needs_spacy_match] for i, rules in candidates.items()}
    spacy_rules = {i: rules for i, rules in spacy_rules.items() if rules}
    if not targets and not spacy_rules:
        return []
    targets = _channel_filter(targets, doc.channel)
    with_targets = {t.sentence for t in targets} | set(spacy_rules)
    reach = max((t.rule.reach for t in targets), default=0)
    around = {i + d for i in with_targets for d in range(-reach, reach + 1) if 0 <= i + d < len(sentences)}
    evidence = _evidence(doc.mask, sentences, around, ruleset)
    if ruleset.modifiers or spacy_rules:
        from cxlint.engine.nlp_stage import apply_nlp  # imports spaCy: only when a sentence needs it

        targets += apply_nlp(doc.mask, sentences, sorted(with_targets), targets, spacy_rules, ruleset)
    _footnote_backing(doc, sentences, targets)
    _document_modifiers(doc, targets, ruleset)
    return _decide(doc, sentences, targets, evidence, ruleset)


def _channel_filter(targets: list[Target], channel: str | None) -> list[Target]:
    return [t for t in targets if not t.rule.channels or (channel in t.rule.channels)]


def _evidence(mask: str, sentences: list[tuple[int, int]], indices: set[int], ruleset: RuleSet) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for index in indices:
        start, end = sentences[index]
        text = mask[start:end]
        found[index] = {ev.name for ev in ruleset.evidence if ev.regex.search(text)}
    return found


def _footnote_backing(doc: Document, sentences: list[tuple[int, int]], targets: list[Target]) -> None:
    """A claim followed (later in its sentence) by a footnote marker whose note is in the same file is backed."""
    for target in targets:
        match = _FOOTNOTE_AFTER.match(doc.source, target.end) or _FOOTNOTE_LATER.search(
            doc.source, target.end, sentences[target.sentence][1] + 1
        )
        if not match:
            continue
        marker = match.group(1).lstrip("\\")
        note = re.compile(r"(?m)^[ \t>]*\\?" + re.escape(marker) + r"[ \t]*\S")
        if any(not (m.start() <= match.start(1) < m.end()) for m in note.finditer(doc.source)):
            target.modifiers.add("BACKED")


def _merge_overlaps(targets: list[Target]) -> list[Target]:
    """Overlapping targets of one rule are one target: keep the longest (the earliest on ties)."""
    ordered = sorted(targets, key=lambda t: (t.rule.id, t.start, -(t.end - t.start)))
    kept: list[Target] = []
    for target in ordered:
        last = kept[-1] if kept else None
        if last is not None and last.rule.id == target.rule.id and target.start < last.end:
            if target.end - target.start > last.end - last.start:
                kept[-1] = target
            continue
        kept.append(target)
    return kept


def _document_modifiers(doc: Document, targets: list[Target], ruleset: RuleSet) -> None:
    """Modifiers whose scope is the whole file, such as a security notice ("was this you?")."""
    for modifier in ruleset.modifiers:
        if modifier.document and modifier.regex is not None and modifier.regex.search(doc.mask):
            for target in targets:
                target.modifiers.add(modifier.category)


def _decide(
    doc: Document,
    sentences: list[tuple[int, int]],
    targets: list[Target],
    evidence: dict[int, set[str]],
    ruleset: RuleSet,
) -> list[Finding]:
    sentence_signals: dict[int, set[str]] = defaultdict(set)
    live: list[Target] = []
    for target in _merge_overlaps(targets):
        if target.rule.cancel & target.modifiers:
            continue
        live.append(target)
        if target.rule.signal and target.rule.category == _BARISTA:
            sentence_signals[target.sentence].add(target.rule.signal)
    index = LineIndex(doc.source)
    findings: dict[tuple[str, int, int], Finding] = {}
    for target in live:
        rule = target.rule
        context = sentence_signals[target.sentence] | evidence.get(target.sentence, set())
        for near in range(target.sentence - rule.reach, target.sentence + rule.reach + 1):
            if near != target.sentence:
                context = context | evidence.get(near, set()) | sentence_signals.get(near, set())
        if rule.requires and not (set(rule.requires) & (context - {rule.signal})):
            continue
        severity = rule.severity
        score = 1.0
        signals: tuple[str, ...] = ()
        if rule.category == _BARISTA:
            fired = {s for s in context if s in ruleset.signal_weights}
            score = stacked_score(fired, ruleset.signal_weights)
            severity = severity_for_score(rule.severity, score)
            signals = tuple(sorted(fired))
        softened = sorted(rule.soften & target.modifiers)
        if softened:
            severity = lower(severity)
            score *= 0.5
        key = (rule.id, target.start, target.end)
        if key in findings:
            continue
        findings[key] = _finding(doc, index, target, severity, score, signals, softened)
    return _one_per_span(sorted(findings.values(), key=lambda f: (f.start, f.end, f.rule)))


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """Touching promise findings are one promise ("money-back guarantee"): keep the most severe, then the longest.

    Barista findings stay apart: each is a different signal the writer can remove.
    """
    kept: list[Finding] = []
    for finding in findings:
        clash = next(
            (
                k
                for k in kept
                if k.category == finding.category == "promise" and finding.start <= k.end + 1 and k.start <= finding.end + 1
            ),
            None,
        )
        if clash is None:
            kept.append(finding)
        elif (SEVERITY_RANK[finding.severity], finding.end - finding.start) > (SEVERITY_RANK[clash.severity], clash.end - clash.start):
            kept[kept.index(clash)] = finding
    return kept


def _finding(
    doc: Document,
    index: LineIndex,
    target: Target,
    severity: str,
    score: float,
    signals: tuple[str, ...],
    softened: list[str],
) -> Finding:
    rule = target.rule
    extra: list[tuple[str, object]] = []
    kind = target.kind or rule.kind
    if kind:
        extra.append(("kind", kind))
    if target.value:
        extra.append(("value", " ".join(target.value.split())))
    if target.placeholder:
        extra.append(("placeholder", target.placeholder))
    if doc.part:
        extra.append(("part", doc.part))
    pointer = doc.pointer_at(target.start, target.end) if doc.segments else None
    if pointer is not None:
        extra.append(("pointer", pointer))
    return Finding.at(
        doc.path,
        doc.source,
        target.start,
        target.end,
        index,
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=_explain(rule, target, signals, score, softened),
        suggestion=rule.suggestion,
        score=score,
        signals=signals,
        modifiers=tuple(sorted(target.modifiers)),
        channel=doc.channel,
        extra=tuple(extra),
    )


def _explain(rule: Rule, target: Target, signals: tuple[str, ...], score: float, softened: list[str]) -> str:
    """The rule's message plus why it fired: signals and score, or the promise's kind and value."""
    parts = [rule.message]
    if rule.category == _BARISTA and signals:
        parts.append(f"Signals: {', '.join(signals)} (score {score:.1f}).")
    elif target.kind or rule.kind:
        value = f" '{' '.join(target.value.split())}'" if target.value else ""
        parts.append(f"Kind: {target.kind or rule.kind}{value}; no qualifier, cited source or footnote backs it.")
    if softened:
        parts.append(f"Softened by: {', '.join(s.lower() for s in softened)}.")
    return " ".join(parts)
