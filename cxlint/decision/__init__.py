"""The one decision step (flake8's DecisionEngine): checks produce findings, this decides which are reported.

In order: rule selection and per-glob overrides, words the project allows, inline
suppressions (which may add CX001-CX003), severity overrides, the baseline, and the
``--diff`` filter. Formatters then only render what is left.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, replace

from cxlint.decision.baseline import Fingerprints, apply_baseline, load_baseline, write_baseline
from cxlint.decision.gitdiff import changed_lines, on_changed_line
from cxlint.decision.selection import Policy
from cxlint.decision.suppress import apply_suppressions
from cxlint.findings import Finding
from cxlint.report import RunResult


@dataclass(frozen=True)
class DecideOptions:
    require_reason: bool = True
    allow_words: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline: str | None = None
    diff_ref: str | None = None
    stdin_name: str = "stdin.md"


@dataclass(frozen=True)
class Decided:
    result: RunResult
    baseline_written: int | None = None


def _allowed(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def decide(result: RunResult, policy: Policy, options: DecideOptions) -> Decided:
    """Return a new RunResult holding only the findings to report, with counts of what was set aside."""
    allowed = _allowed(options.allow_words)
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    kept: list[Finding] = []
    suppressed = 0
    for path in dict.fromkeys([*by_path, *result.sources]):
        findings = [
            f
            for f in by_path.get(path, [])
            if policy.enabled(path, f.rule) and not (allowed and allowed.search(f.text))
        ]
        source = result.sources.get(path)
        if source is not None:
            outcome = apply_suppressions(
                path,
                options.stdin_name if path == "-" else path,
                source,
                findings,
                policy.rules,
                functools.partial(_enabled_in, policy, path),
                options.require_reason,
            )
            suppressed += outcome.suppressed
            findings = outcome.kept + [m for m in outcome.meta if policy.enabled(path, m.rule)]
        kept.extend(_relevel(f, policy) for f in findings)
    kept.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    decided = RunResult(
        findings=kept,
        problems=result.problems,
        files=result.files,
        sources=result.sources,
        rules=policy.rules,
        suppressed=suppressed,
    )
    written = None
    prints = Fingerprints(result.sources)
    if options.write_baseline:
        written = write_baseline(options.write_baseline, kept, prints)
        decided.baselined, decided.findings = len(kept), []
    elif options.baseline:
        decided.findings, decided.baselined, decided.stale = apply_baseline(load_baseline(options.baseline), kept, prints)
    if options.diff_ref:
        changed = changed_lines(options.diff_ref)
        decided.findings = [
            f for f in decided.findings if f.path == "-" or on_changed_line(f.path, f.line, f.end_line, changed)
        ]
    return Decided(decided, written)


def _relevel(finding: Finding, policy: Policy) -> Finding:
    level = policy.severity(finding.path, finding.rule, finding.severity)
    return finding if level == finding.severity else replace(finding, severity=level)


def _enabled_in(policy: Policy, path: str, rule_id: str) -> bool:
    return policy.enabled(path, rule_id)
