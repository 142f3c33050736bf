"""Apply inline suppressions to one file's findings, and report the suppressions that did nothing.

Each directive becomes a range of lines; a finding whose first line is in a range of a
directive that names its rule (or names none) is suppressed. Every rule named in a directive
that suppressed nothing is an unused suppression (CX001), as ruff's RUF100 does per code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cxlint.decision.directives import Directive, parse_directives
from cxlint.decision.meta import INVALID_SUPPRESSION, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION
from cxlint.decision.selection import selector_matches
from cxlint.findings import Finding
from cxlint.positions import LineIndex
from cxlint.report import RuleInfo


@dataclass
class _Range:
    """The lines one suppression comment covers, and which of its selectors did suppress something."""

    directive: Directive
    first: int
    last: int
    used: set[str] = field(default_factory=set)
    """Selectors that suppressed something ("*" when the directive names none)."""


@dataclass
class Outcome:
    """A file's findings after its suppression comments: kept, counted as suppressed, and CX00x notes."""

    kept: list[Finding]
    suppressed: int
    meta: list[Finding]


def apply_suppressions(
    path: str,
    syntax_path: str,
    source: str,
    findings: list[Finding],
    rules: dict[str, RuleInfo],
    enabled: Callable[[str], bool],
    require_reason: bool,
) -> Outcome:
    """Findings that survive the file's suppressions, how many did not, and CX001-CX003 findings."""
    directives = parse_directives(syntax_path, source)
    if not directives:
        return Outcome(findings, 0, [])
    index = LineIndex(source)
    ranges = _ranges(directives, source, index)
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for rng in ranges:
            if not rng.first <= finding.line <= rng.last:
                continue
            names = rng.directive.selectors
            if not names:
                rng.used.add("*")
                hit = True
                continue
            rule = rules.get(finding.rule)
            for name in names:
                if rule is not None and selector_matches(name, rule) or name.upper() == finding.rule:
                    rng.used.add(name)
                    hit = True
        if not hit:
            kept.append(finding)
    meta: list[Finding] = []
    for rng in ranges:
        directive = rng.directive
        unknown = [n for n in directive.selectors if not any(selector_matches(n, r) for r in rules.values())]
        for name in unknown:
            meta.append(_meta(rules[INVALID_SUPPRESSION], path, source, index, directive, f"Unknown rule, category or pack '{name}' in suppression."))
        if require_reason and directive.reason is None:
            meta.append(_meta(rules[SUPPRESSION_WITHOUT_REASON], path, source, index, directive, rules[SUPPRESSION_WITHOUT_REASON].message))
        meta.extend(_unused(rng, unknown, rules, enabled, path, source, index))
    return Outcome(kept, len(findings) - len(kept), meta)


def _unused(rng: _Range, unknown: list[str], rules: dict[str, RuleInfo], enabled: Callable[[str], bool], path: str, source: str, index: LineIndex) -> list[Finding]:
    directive = rng.directive
    if not directive.selectors:
        if "*" in rng.used:
            return []
        return [_meta(rules[UNUSED_SUPPRESSION], path, source, index, directive, "Unused suppression: no finding here to silence.", REMOVE)]
    unused = []
    for name in directive.selectors:
        if name in rng.used or name in unknown:
            continue
        if not any(enabled(r.id) for r in rules.values() if selector_matches(name, r)):
            continue  # the rule is switched off here: the suppression cannot be used, and is not reported (as ruff)
        unused.append(name)
    # Only a comment that silences nothing at all can simply go; one with a used name must stay.
    removable = REMOVE if not rng.used and len(unused) == len(directive.selectors) else None
    return [
        _meta(rules[UNUSED_SUPPRESSION], path, source, index, directive, f"Unused suppression of {name}: it silences nothing here.", removable)
        for name in unused
    ]


def _ranges(directives: list[Directive], source: str, index: LineIndex) -> list[_Range]:
    last_line = index.position(len(source))[0]
    ranges: list[_Range] = []
    open_blocks: list[_Range] = []
    for directive in directives:
        line = index.position(directive.start)[0]
        end_line = index.position(directive.end)[0]
        if directive.kind == "file":
            ranges.append(_Range(directive, 1, last_line))
        elif directive.kind == "line":
            ranges.append(_Range(directive, line, end_line))
        elif directive.kind == "next-line":
            target = _next_copy_line(index, end_line, last_line)
            ranges.append(_Range(directive, target, target))
        elif directive.kind == "ignore":
            own = index.line_text(line)[: index.position(directive.start)[1] - 1].strip()
            target = line if own else _next_copy_line(index, end_line, last_line, skip_comments=True)
            ranges.append(_Range(directive, target, target))
        elif directive.kind == "disable":
            block = _Range(directive, line, last_line)
            ranges.append(block)
            open_blocks.append(block)
        else:  # enable: closes the blocks it names, or all of them
            for block in list(open_blocks):
                names = set(directive.selectors)
                if not names or names & set(block.directive.selectors):
                    block.last = line
                    open_blocks.remove(block)
    return ranges


def _next_copy_line(index: LineIndex, after: int, last_line: int, skip_comments: bool = False) -> int:
    """The first non-blank line after ``after`` (past comment lines, for ``#`` formats)."""
    for line in range(after + 1, last_line + 1):
        text = index.line_text(line).strip()
        if text and not (skip_comments and text.startswith("#")):
            return line
    return after + 1


REMOVE = ""
"""The replacement of a comment that silences nothing: removing it (as ruff's RUF100 fix)."""


def _meta(
    rule: RuleInfo, path: str, source: str, index: LineIndex, directive: Directive, message: str, replacement: str | None = None
) -> Finding:
    return Finding.at(
        path,
        source,
        directive.start,
        directive.end,
        index,
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=message,
        suggestion=rule.suggestion,
        replacement=replacement,
    )
