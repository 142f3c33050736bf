"""GitLab Code Quality report (a JSON array of issues), shown in merge-request widgets.

Fingerprints must be unique and stable per issue: the rule, path, matched text and the
occurrence number of that triple in the file, so moving copy does not churn the MR widget.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from cxlint.report import RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: RunResult, stream: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in result.findings:
        key = (f.rule, f.path, " ".join(f.text.split()))
        seen[key] += 1
        fingerprint = hashlib.md5("\0".join((*key, str(seen[key]))).encode("utf-8"), usedforsecurity=False).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule} {f.message}",
                "content": {"body": f"Suggestion: {f.suggestion}"},
                "categories": ["Style"],
                "severity": SEVERITIES[f.severity],
                "fingerprint": fingerprint,
                "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    for problem in result.problems:
        issues.append(
            {
                "type": "issue",
                "check_name": "unreadable-file",
                "description": f"cxlint could not lint this file: {problem.message}",
                "categories": ["Bug Risk"],
                "severity": "critical",
                "fingerprint": hashlib.md5(f"unreadable\0{problem.path}".encode(), usedforsecurity=False).hexdigest(),
                "location": {"path": problem.path, "lines": {"begin": problem.line or 1}},
            }
        )
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
