"""Cheap candidate search: anchor words pick the sentences, and the rules, worth the real patterns."""

from __future__ import annotations

import bisect
import re

from cxlint.document import Document
from cxlint.engine.targets import Target
from cxlint.errors import RuleError, keep_rule_error
from cxlint.rulepack.model import Rule, RuleSet

_DIGIT_RUN = re.compile(r"[\dƤ]+")
_ASCII_DIGIT_RUN = re.compile("[0-9]+")
"""``_DIGIT_RUN`` for an ASCII text (which holds no merge-field fill): a range is tested by comparisons,
``\\d`` by a look-up in Unicode's tables at every character."""


def candidate_rules(
    mask: str, sentences: list[tuple[int, int]], ruleset: RuleSet, errors: list[RuleError] | None = None
) -> dict[int, dict[str, Rule]]:
    """For each sentence that holds an anchor, the rules whose anchors occur in it.

    Word anchors: one set intersection per sentence. Regex anchors: one pass each over the mask
    (a handful); those that begin with a digit are only tried where a number starts. A user
    anchor that breaks (past its time limit) is recorded in ``errors`` and adds no candidates.
    """
    found: dict[int, dict[str, Rule]] = {}
    if ruleset.anchors.keys:  # no word anchors (the shipped packs have none): no sentence is tokenized for them
        for index, (start, end) in enumerate(sentences):
            owners = ruleset.anchors.owners_in(mask[start:end])
            if owners:
                bucket = found.setdefault(index, {})
                for rule in owners:
                    bucket[rule.id] = rule
    if not ruleset.regex_anchors and not ruleset.digit_anchors:
        return found
    starts = [s for s, _ in sentences]

    def add(position: int, owners: tuple[Rule, ...]) -> None:
        index = bisect.bisect_right(starts, position) - 1
        if index < 0 or position >= sentences[index][1]:
            return
        bucket = found.setdefault(index, {})
        for rule in owners:
            bucket[rule.id] = rule

    for pattern, owners in ruleset.regex_anchors:
        try:
            for match in pattern.finditer(mask):
                add(match.start(), owners)
        except RuleError as exc:
            keep_rule_error(errors, exc)
    broken: set[int] = set()
    if ruleset.digit_anchors:
        for run in (_ASCII_DIGIT_RUN if mask.isascii() else _DIGIT_RUN).finditer(mask):
            start = run.start()
            for number, (pattern, owners) in enumerate(ruleset.digit_anchors):
                if number in broken:
                    continue
                try:
                    if pattern.match(mask, start):
                        add(start, owners)
                except RuleError as exc:
                    broken.add(number)
                    keep_rule_error(errors, exc)
    return found


def regex_targets(
    mask: str,
    sentences: list[tuple[int, int]],
    candidates: dict[int, dict[str, Rule]],
    errors: list[RuleError] | None = None,
) -> list[Target]:
    """Run the regex patterns of each candidate rule within its sentence.

    A rule whose pattern breaks (a user regex past its time limit) is recorded in ``errors`` and
    not run again on this document; the other rules' targets are kept.
    """
    targets: list[Target] = []
    broken: set[str] = set()
    for index, rules in candidates.items():
        start, end = sentences[index]
        text = mask[start:end]  # patterns see the sentence alone, so ^ and $ are its edges
        for rule in rules.values():
            if rule.id in broken:
                continue
            try:
                targets.extend(_rule_targets(rule, text, start, index))
            except RuleError as exc:
                broken.add(rule.id)
                keep_rule_error(errors, exc)
    return targets


def _rule_targets(rule: Rule, text: str, start: int, index: int) -> list[Target]:
    targets: list[Target] = []
    for pattern in rule.patterns:
        if pattern.regex is None:
            continue
        for match in pattern.regex.finditer(text):
            span = _span(match)
            if span[1] > span[0]:
                groups = match.groupdict()
                value = groups.get("value") or groups.get("value2")
                targets.append(Target(rule, start + span[0], start + span[1], index, value=value, kind=pattern.promise_kind or rule.kind))
    return targets


def placeholder_targets(
    doc: Document, sentences: list[tuple[int, int]], ruleset: RuleSet, errors: list[RuleError] | None = None
) -> list[Target]:
    """Placeholders whose variable names match a rule (``{{ view_count }}``)."""
    if not doc.placeholders or not ruleset.placeholder_rules:
        return []
    starts = [s for s, _ in sentences]
    targets = []
    broken: set[str] = set()
    for placeholder in doc.placeholders:
        index = bisect.bisect_right(starts, placeholder.start) - 1
        if index < 0 or placeholder.start >= sentences[index][1]:
            continue
        probe = placeholder.raw
        for rule in ruleset.placeholder_rules:
            if rule.id in broken:
                continue
            try:
                hit = any(p.placeholder is not None and p.placeholder.search(probe) for p in rule.patterns)
            except RuleError as exc:
                broken.add(rule.id)
                keep_rule_error(errors, exc)
                continue
            if hit:
                targets.append(Target(rule, placeholder.start, placeholder.end, index, value=placeholder.name, placeholder=placeholder.raw))
    return targets


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The ``span`` (or ``span2``) group when the pattern has one, else the whole match."""
    for group in ("span", "span2", "span3"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.span(group)
    return match.span()
