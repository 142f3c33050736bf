"""The half of the decision that needs a file's text: selection, allowed words, inline suppressions,
severity overrides and baseline fingerprints. It runs as each file is done, so that the run keeps
no file's text afterwards: only the findings, the lines they stand on and their fingerprints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cxlint.decision.baseline import Fingerprints, fingerprint_key
from cxlint.decision.selection import Policy
from cxlint.decision.suppress import apply_suppressions
from cxlint.findings import Finding
from cxlint.report import Excerpt, FingerprintKey

DecideFile = Callable[[str, str, list[Finding]], "FileDecision"]


@dataclass
class FileDecision:
    """What is left of one file once it is decided."""

    findings: list[Finding]
    suppressed: int = 0
    lines: Excerpt = field(default_factory=dict)
    fingerprints: dict[FingerprintKey, str] = field(default_factory=dict)


def excerpt(source: str, findings: list[Finding]) -> Excerpt:
    """The lines of ``source`` that ``findings`` start and end on (for source excerpts and byte columns)."""
    if not findings:
        return {}
    lines = source.split("\n")
    wanted = {n for f in findings for n in (f.line, f.end_line) if 0 < n <= len(lines)}
    return {n: lines[n - 1].rstrip("\r") for n in sorted(wanted)}


def keep_all(path: str, source: str, findings: list[Finding]) -> FileDecision:
    """No decision: every finding stands (the library call, evaluation); only the excerpt is kept."""
    return FileDecision(findings, 0, excerpt(source, findings))


class FileDecider:
    """Decide one file's findings against the policy, its text and its inline suppressions."""

    def __init__(
        self,
        policy: Policy,
        *,
        require_reason: bool = True,
        allow_words: tuple[str, ...] = (),
        stdin_name: str = "stdin.md",
        fingerprints: bool = False,
    ) -> None:
        self.policy = policy
        self.require_reason = require_reason
        self.allowed = _allowed(allow_words)
        self.stdin_name = stdin_name
        self.fingerprints = fingerprints

    def __call__(self, path: str, source: str, findings: list[Finding], meta: bool = True) -> FileDecision:
        """``meta=False`` leaves out CX001-CX003, for a second look at a file already decided once."""
        policy = self.policy
        kept = [f for f in findings if policy.enabled(path, f.rule) and not (self.allowed and self.allowed.search(f.text))]
        outcome = apply_suppressions(
            path,
            self.stdin_name if path == "-" else path,
            source,
            kept,
            policy.rules,
            lambda rule_id: policy.enabled(path, rule_id),
            self.require_reason,
        )
        kept = outcome.kept + ([m for m in outcome.meta if policy.enabled(path, m.rule)] if meta else [])
        kept = [_relevel(f, policy) for f in kept]
        prints: dict[FingerprintKey, str] = {}
        if self.fingerprints and kept:
            computed = Fingerprints({path: source})
            prints = {fingerprint_key(f): computed.of(f) for f in kept}
        return FileDecision(kept, outcome.suppressed, excerpt(source, kept), prints)


def _allowed(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _relevel(finding: Finding, policy: Policy) -> Finding:
    level = policy.severity(finding.path, finding.rule, finding.severity)
    return finding if level == finding.severity else replace(finding, severity=level)
