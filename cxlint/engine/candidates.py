"""Cheap candidate search: one compiled trigger regex over the mask picks sentences and the rules to run."""

from __future__ import annotations

import bisect
import re

from cxlint.document import Document
from cxlint.engine.targets import Target
from cxlint.rulepack.loader import norm_anchor
from cxlint.rulepack.model import Rule, RuleSet


_WORD_BREAK = re.compile(r"[\s\-‑]+")
_DIGIT_RUN = re.compile(r"[\dƤ]+")


def candidate_rules(mask: str, sentences: list[tuple[int, int]], ruleset: RuleSet) -> dict[int, dict[str, Rule]]:
    """For each sentence index that holds a trigger, the rules whose anchors occur in it.

    One pass of the word trie, plus one pass per regex anchor (a handful), over the whole mask.
    """
    starts = [s for s, _ in sentences]
    found: dict[int, dict[str, Rule]] = {}

    def add(position: int, owners: tuple[Rule, ...]) -> None:
        index = bisect.bisect_right(starts, position) - 1
        if index < 0 or position >= sentences[index][1] or not owners:
            return
        bucket = found.setdefault(index, {})
        for rule in owners:
            bucket[rule.id] = rule

    for match in ruleset.trigger.finditer(mask):
        text = match.group(0)
        words = _WORD_BREAK.split(text)
        if len(words) == 1:
            add(match.start(), ruleset.anchor_rules.get(norm_anchor(text), ()))
            continue
        # the trie reports the longest anchor; shorter anchors inside it ("bought" in "just bought") count too
        for first in range(len(words)):
            for last in range(first + 1, len(words) + 1):
                add(match.start(), ruleset.anchor_rules.get(norm_anchor("".join(words[first:last])), ()))
    for pattern, owners in ruleset.regex_anchors:
        for match in pattern.finditer(mask):
            add(match.start(), owners)
    if ruleset.digit_anchors:
        for run in _DIGIT_RUN.finditer(mask):
            start = run.start()
            for pattern, owners in ruleset.digit_anchors:
                if pattern.match(mask, start):
                    add(start, owners)
    return found


def regex_targets(mask: str, sentences: list[tuple[int, int]], candidates: dict[int, dict[str, Rule]]) -> list[Target]:
    """Run the regex patterns of each candidate rule within its sentence."""
    targets: list[Target] = []
    for index, rules in candidates.items():
        start, end = sentences[index]
        text = mask[start:end]  # patterns see the sentence alone, so ^ and $ are its edges
        for rule in rules.values():
            for pattern in rule.patterns:
                if pattern.regex is None:
                    continue
                for match in pattern.regex.finditer(text):
                    span = _span(match)
                    if span[1] > span[0]:
                        groups = match.groupdict()
                        value = groups.get("value") or groups.get("value2")
                        targets.append(
                            Target(rule, start + span[0], start + span[1], index, value=value, kind=pattern.promise_kind or rule.kind)
                        )
    return targets


def placeholder_targets(doc: Document, sentences: list[tuple[int, int]], ruleset: RuleSet) -> list[Target]:
    """Placeholders whose variable names match a rule (``{{ view_count }}``)."""
    if not doc.placeholders or not ruleset.placeholder_rules:
        return []
    starts = [s for s, _ in sentences]
    targets = []
    for placeholder in doc.placeholders:
        index = bisect.bisect_right(starts, placeholder.start) - 1
        if index < 0 or placeholder.start >= sentences[index][1]:
            continue
        probe = placeholder.raw
        for rule in ruleset.placeholder_rules:
            for pattern in rule.patterns:
                if pattern.placeholder is not None and pattern.placeholder.search(probe):
                    targets.append(
                        Target(rule, placeholder.start, placeholder.end, index, value=placeholder.name, placeholder=placeholder.raw)
                    )
                    break
    return targets


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The ``span`` (or ``span2``) group when the pattern has one, else the whole match."""
    for group in ("span", "span2", "span3"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.span(group)
    return match.span()
