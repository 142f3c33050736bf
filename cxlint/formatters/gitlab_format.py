"""GitLab Code Quality report (a JSON array of issues), shown in merge-request widgets.

Fingerprints must be unique and stable per issue: the rule, path, matched text and the
occurrence number of that triple in the file, so moving copy does not churn the MR widget.
Paths are shown safely (GitLab reads the report as JSON, which cannot carry bytes that are not UTF-8).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TextIO

from cxlint.formatters.escaping import write_json, shown_path
from cxlint.report import RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(*parts: str) -> str:
    """An MD5 of the parts; ``surrogatepass`` so copy or names with lone surrogates still hash."""
    return hashlib.md5("\0".join(parts).encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def render(result: RunResult, stream: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in result.findings:
        key = (f.rule, f.path, " ".join(f.text.split()))
        seen[key] += 1
        fingerprint = _fingerprint(*key, str(seen[key]))
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule} {f.message}",
                "content": {"body": f"Suggestion: {f.suggestion}"},
                "categories": ["Style"],
                "severity": SEVERITIES[f.severity],
                "fingerprint": fingerprint,
                "location": {"path": shown_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    for problem in result.problems:
        issues.append(
            {
                "type": "issue",
                "check_name": problem.code,
                "description": f"cxlint could not lint this file: {problem.message}",
                "categories": ["Bug Risk"],
                "severity": "critical",
                "fingerprint": _fingerprint("unreadable", problem.path),
                "location": {"path": shown_path(problem.path), "lines": {"begin": problem.line or 1}},
            }
        )
    write_json(issues, stream, indent=2)
    stream.write("\n")
