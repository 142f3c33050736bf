"""Lint one document: candidates -> targets -> context -> decisions -> findings."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import islice

from cxlint.document import Document
from cxlint.engine.candidates import candidate_rules, placeholder_targets, regex_targets
from cxlint.engine.context import categories_for, document_categories, find_modifiers
from cxlint.engine.frame_match import Sentence, match_frame
from cxlint.engine.repeated import frame_hits, remembered
from cxlint.engine.scoring import lower, severity_for_score, stacked_score
from cxlint.engine.sentences import DocumentScan
from cxlint.engine.support import Window, context, grouped, standing
from cxlint.engine.targets import Target
from cxlint.errors import RuleError, keep_rule_error
from cxlint.findings import SEVERITY_RANK, Finding
from cxlint.learned.stage import learned_findings, learned_rules
from cxlint.positions import LineIndex
from cxlint.rulepack.model import Rule, RuleSet, Scoring

# A lone ``*`` (or an escaped ``\*``) is a footnote marker; ``**`` is Markdown bold, whose closing
# half is not. A marker may follow the closing ``**`` of a bold claim (``**Unlimited data***``):
# group 1 is that closing, group 2 the marker.
_FOOTNOTE_AFTER = re.compile(r"[^\S\n]{0,2}(\*\*|__)?(\\\*|\*(?!\*)|[†‡§¹²³⁴⁵]|\[\d{1,2}\]|\^\d)")
_FOOTNOTE_LATER = re.compile(r"(?<=[\w%.)])(\*\*|__)?(\\\*|\*(?!\*)|[†‡§¹²³⁴⁵]|\[\d{1,2}\])")
_NO_SCORING = Scoring({})


def lint_document(
    doc: Document,
    ruleset: RuleSet,
    gated: bool = True,
    disabled: frozenset[str] = frozenset(),
    errors: list[RuleError] | None = None,
    scan: DocumentScan | None = None,
) -> list[Finding]:
    """All findings of ``ruleset`` in ``doc``, in source order.

    Rules in ``disabled`` (switched off by configuration for this file) find nothing, so they
    add no signal to other rules' scores and satisfy no rule's ``requires``. ``gated=False``
    tries every frame on every sentence: the tests compare it with the derived prefilter to
    prove the prefilter loses nothing. With ``errors``, a rule that breaks on this document (a
    user regex past its time limit) is recorded there and skipped, and the other rules' findings
    stand; without it, the RuleError is raised. The learned second opinion (``cxlint.learned``)
    then reads the blocks the rules left clean. ``scan`` is the document as read for this run (a later
    stage, the promise records, reads the same one); without it the document is read here.
    """
    silenced: list[Target] = []
    scan = scan if scan is not None else DocumentScan.of(doc)
    findings = _rule_findings(doc, scan, ruleset, gated, disabled, errors, silenced)
    learned = learned_rules(ruleset, disabled)
    if not learned:
        return findings
    extra = learned_findings(doc, learned, findings, ruleset, silenced, scan)
    return sorted(findings + extra, key=lambda f: f.start) if extra else findings


def _rule_findings(
    doc: Document,
    scan: DocumentScan,
    ruleset: RuleSet,
    gated: bool,
    disabled: frozenset[str],
    errors: list[RuleError] | None,
    silenced: list[Target],
) -> list[Finding]:
    """The findings of the packs' rules (frames, regexes, placeholders, spaCy patterns) in ``doc``; the targets
    of rules in ``disabled`` go to ``silenced`` instead (the learned opinion leaves their blocks alone)."""
    spans, plain, sentences = scan.spans, scan.plain, scan.sentences
    candidates = candidate_rules(doc.mask, spans, ruleset, errors)
    targets = regex_targets(doc.mask, spans, candidates, errors)
    targets += placeholder_targets(doc, spans, ruleset, errors)
    targets += _frame_targets(scan, ruleset, gated, errors)
    if disabled:
        silenced.extend(t for t in targets if t.rule.id in disabled)
        targets = [t for t in targets if t.rule.id not in disabled]
    spacy_rules = {i: [r for r in rules.values() if r.needs_spacy_match] for i, rules in candidates.items()}
    spacy_rules = {i: rules for i, rules in spacy_rules.items() if rules}
    if not targets and not spacy_rules:
        return []
    targets = _channel_filter(targets, doc.channel)
    with_targets = {t.sentence for t in targets} | set(spacy_rules)
    reach = max((t.rule.reach_in(doc.channel) for t in targets), default=0)
    around = {i + d for i in with_targets for d in range(-reach, reach + 1) if 0 <= i + d < len(spans)}
    evidence = _evidence(doc.mask, plain, spans, sentences, around, ruleset, gated, errors, scan.holding)
    if spacy_rules:
        from cxlint.boundary import stage
        from cxlint.engine.nlp_stage import apply_nlp  # imports spaCy: only for token and phrase patterns of user packs

        with stage("NLP"):
            targets += apply_nlp(doc.mask, spans, sorted(with_targets), targets, spacy_rules, ruleset)
    _modifiers(sentences, targets, ruleset)
    _footnote_backing(doc, spans, targets)
    if targets:
        _document_modifiers(sentences, targets, ruleset)
    return _decide(doc, spans, targets, evidence, ruleset)


def _frame_targets(scan: DocumentScan, ruleset: RuleSet, gated: bool, errors: list[RuleError] | None = None) -> list[Target]:
    """Targets of frame rules, tried only on the sentences their derived gate lets through.

    A rule whose user regex slot breaks is recorded in ``errors`` and not tried again here.
    """
    gates = ruleset.frame_gates
    if gates is None:
        return []
    rules = {rule.id: rule for rule in ruleset.rules if rule.frames}
    if not rules:
        return []
    sentences = scan.sentences
    if gated:
        candidates = scan.let_through(gates, errors)
    else:
        every = {(rule_id, n) for rule_id, rule in rules.items() for n in range(len(rule.frames))}
        candidates = {index: every for index in range(len(sentences))}
    targets: list[Target] = []
    broken: set[str] = set()
    memory = remembered(gates)
    for index, frames in candidates.items():
        sentence = sentences[index]
        for rule_id, number in sorted(frames):
            rule = rules.get(rule_id)
            if rule is None or rule_id in broken:
                continue
            try:
                hits = frame_hits(memory, rule_id, number, rule.frames[number], sentence)
            except RuleError as exc:
                keep_rule_error(errors, exc)
                broken.add(rule_id)
                continue
            targets.extend(Target(rule, hit.start, hit.end, index, value=hit.value, kind=hit.kind or rule.kind, keep=hit.keep, frame=rule.frames[number]) for hit in hits)
    return targets


def _modifiers(sentences: list[Sentence], targets: list[Target], ruleset: RuleSet) -> None:
    """ConText: attach the categories of the modifiers whose scope covers each target."""
    if not ruleset.modifiers:
        return
    by_sentence: dict[int, list[Target]] = defaultdict(list)
    for target in targets:
        by_sentence[target.sentence].append(target)
    for index, group in by_sentence.items():
        sentence = sentences[index]
        hits = find_modifiers(sentence, ruleset.modifiers, ruleset.modifier_triggers)
        for target in group:
            target.modifiers |= categories_for(target.start - sentence.offset, target.end - sentence.offset, hits)


def _channel_filter(targets: list[Target], channel: str | None) -> list[Target]:
    return [t for t in targets if not t.rule.channels or (channel in t.rule.channels)]


def _evidence(
    mask: str,
    plain: str,
    spans: list[tuple[int, int]],
    sentences: list[Sentence],
    indices: set[int],
    ruleset: RuleSet,
    gated: bool = True,
    errors: list[RuleError] | None = None,
    holding: dict[str, list[int]] | None = None,
) -> dict[int, set[str]]:
    """The evidence names found in each sentence of ``indices``; evidence whose user regex breaks is recorded and dropped.

    An evidence frame is tried only on the sentences its derived gate lets through (``gated=False``
    tries every one, for the tests that prove the gate loses nothing), as the rules' frames are.
    """
    found: dict[int, set[str]] = {index: set() for index in indices}
    if not indices:
        return found
    evidence = ruleset.evidence
    broken: set[int] = set()
    if gated and ruleset.evidence_gates is not None:
        candidates = ruleset.evidence_gates.candidates(plain, spans, sentences, errors, holding, among=indices)
    else:
        every = {(str(p), n) for p, ev in enumerate(evidence) for n in range(len(ev.frames))}
        candidates = {index: every for index in indices}
    searched = [p for p, ev in enumerate(evidence) if ev.regex is not None]
    for index in sorted(indices):
        names = found[index]
        tried = [(int(key), number) for key, number in candidates.get(index, ())]
        for position, number in sorted(tried):
            ev = evidence[position]
            if ev.name in names or position in broken:
                continue
            try:
                if match_frame(ev.frames[number], sentences[index]):
                    names.add(ev.name)
            except RuleError as exc:
                keep_rule_error(errors, exc)
                broken.add(position)
        start, end = spans[index]
        for position in searched:
            ev = evidence[position]
            if ev.name in names or position in broken:
                continue
            try:
                if ev.regex is not None and ev.regex.search(mask[start:end]):
                    names.add(ev.name)
            except RuleError as exc:
                keep_rule_error(errors, exc)
                broken.add(position)
    return found


def _footnote_backing(doc: Document, sentences: list[tuple[int, int]], targets: list[Target]) -> None:
    """A claim followed (later in its sentence) by a footnote marker whose note is in the same file is backed.

    Each marker's notes are found once per document, so a page of footnoted claims stays linear.
    """
    notes: dict[str, list[tuple[int, int]]] = {}
    for target in targets:
        match = _FOOTNOTE_AFTER.match(doc.source, target.end) or _FOOTNOTE_LATER.search(
            doc.source, target.end, sentences[target.sentence][1] + 3  # a marker may follow a closing "**"
        )
        if not match or (match.group(1) and not _opens_bold(doc.source, match.start(), match.group(1))):
            continue
        marker = match.group(2).lstrip("\\")
        spans = notes.get(marker)
        if spans is None:
            # a note opens its line, perhaps inside a tag ("<small>*Terms apply"); "**bold" opens no note
            note = re.compile(r"(?m)^[ \t>]*(?:<[A-Za-z][^<>\n]*>[ \t]*)*\\?" + re.escape(marker) + r"(?!\*)[ \t]*\S")
            spans = notes[marker] = [m.span() for m in islice(note.finditer(doc.source), 2)]
        if any(not (start <= match.start(2) < end) for start, end in spans):
            target.modifiers.add("BACKED")


def _opens_bold(source: str, at: int, closing: str) -> bool:
    """Whether the ``**`` (or ``__``) at ``at`` closes a bold run opened earlier on its line by
    exactly that pair: after ``***claim***`` the last star closes italics and is no marker."""
    line_start = source.rfind("\n", 0, at) + 1
    opening = source.rfind(closing, line_start, at)
    return opening != -1 and source[opening - 1 : opening] != closing[0] and source[opening + 2 : opening + 3] != closing[0]


def _merge_overlaps(targets: list[Target]) -> list[Target]:
    """Overlapping targets of one rule are one target: keep the longest (the earliest on ties)."""
    ordered = sorted(targets, key=lambda t: (t.rule.id, t.start, -(t.end - t.start)))
    kept: list[Target] = []
    for target in ordered:
        last = kept[-1] if kept else None
        if last is not None and last.rule.id == target.rule.id and target.start < last.end:
            if target.end - target.start > last.end - last.start:
                kept[-1] = target
            elif (target.start, target.end) == (last.start, last.end) and last.keep is None:
                last.keep = target.keep  # the same span found by another frame, which knows its replacement
            continue
        kept.append(target)
    return kept


def _document_modifiers(sentences: list[Sentence], targets: list[Target], ruleset: RuleSet) -> None:
    """Modifiers whose scope is the whole file, such as a security notice ("was this you?")."""
    categories = document_categories(sentences, ruleset.modifiers)
    for target in targets:
        target.modifiers |= categories


def _decide(
    doc: Document,
    sentences: list[tuple[int, int]],
    targets: list[Target],
    evidence: dict[int, set[str]],
    ruleset: RuleSet,
) -> list[Finding]:
    window = _window_in(doc.channel)
    alive = [t for t in targets if not (t.cancel & t.modifiers)]
    live = _merge_overlaps(standing(alive, evidence, window, _requires))
    near = grouped(live)
    index = LineIndex(doc.source)
    findings: dict[tuple[str, int, int], Finding] = {}
    for target in live:
        rule = target.rule
        severity = rule.severity
        score = 1.0
        signals: tuple[str, ...] = ()
        scoring = ruleset.scoring.get(rule.pack, _NO_SCORING)
        if rule.signal and scoring.signals:
            fired = {s for s in context(target, window, evidence, near) if s in scoring.signals}
            score = stacked_score(fired, scoring.signals)
            severity = severity_for_score(rule.severity, score, scoring)
            signals = tuple(sorted(fired))
        softened = sorted(rule.soften & target.modifiers)
        if softened:
            severity = lower(severity)
            score *= 0.5
        key = (rule.id, target.start, target.end)
        if key in findings:
            continue
        findings[key] = _finding(doc, index, target, severity, score, signals, softened)
    return _group_repeats(_one_per_span(sorted(findings.values(), key=lambda f: (f.start, f.end, f.rule))))


def _window_in(channel: str | None) -> Window:
    """The sentences whose evidence and signals a target may use: its own and its rule's reach either side
    (the reach for this channel: an SMS or a push can be read as one context)."""

    def window(target: Target) -> range:
        reach = target.rule.reach_in(channel)
        return range(target.sentence - reach, target.sentence + reach + 1)

    return window


def _requires(target: Target) -> tuple[str, ...]:
    return target.requires


def _group_repeats(findings: list[Finding]) -> list[Finding]:
    """The same promise repeated in one file (a plan feature on every comparison table) is one finding.

    The first occurrence is reported; its message and its ``repeats`` field name the other lines.
    """
    first: dict[tuple[str, str], int] = {}
    repeats: dict[int, list[int]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        if finding.category != "promise":
            kept.append(finding)
            continue
        key = (finding.rule, " ".join(finding.text.lower().split()))
        if key in first:
            repeats[first[key]].append(finding.line)
            continue
        first[key] = len(kept)
        kept.append(finding)
    for index, lines in repeats.items():
        finding = kept[index]
        others = ", ".join(str(n) for n in lines)
        kept[index] = replace(
            finding,
            message=f"{finding.message} Repeated on line{'s' if len(lines) > 1 else ''} {others}.",
            extra=finding.extra + (("repeats", tuple(lines)),),
        )
    return kept


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """Touching promise findings are one promise ("money-back guarantee"): keep the most severe, then the longest.

    Barista findings stay apart: each is a different signal the writer can remove.
    Findings come sorted by start and kept promises never touch one another, so only the last
    kept promise can touch the next one: one pass, linear in the findings.
    """
    kept: list[Finding] = []
    last = -1  # index in ``kept`` of the last promise kept
    for finding in findings:
        clash = kept[last] if last >= 0 and finding.category == "promise" else None
        if clash is None or not (finding.start <= clash.end + 1 and clash.start <= finding.end + 1):
            if finding.category == "promise":
                last = len(kept)
            kept.append(finding)
        elif (SEVERITY_RANK[finding.severity], finding.end - finding.start) > (SEVERITY_RANK[clash.severity], clash.end - clash.start):
            kept[last] = finding
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
        replacement=doc.source[target.keep[0] : target.keep[1]] if target.keep is not None else None,
    )


def _explain(rule: Rule, target: Target, signals: tuple[str, ...], score: float, softened: list[str]) -> str:
    """The rule's message plus why it fired: signals and score, or the promise's kind and value."""
    parts = [rule.message]
    if signals:
        parts.append(f"Signals: {', '.join(signals)} (score {score:.1f}).")
    elif target.kind or rule.kind:
        value = f" '{' '.join(target.value.split())}'" if target.value else ""
        parts.append(f"Kind: {target.kind or rule.kind}{value}; no qualifier, cited source or footnote backs it.")
    if softened:
        parts.append(f"Softened by: {', '.join(s.lower() for s in softened)}.")
    return " ".join(parts)
