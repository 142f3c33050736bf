"""GitLab Code Quality report (a JSON array of issues), shown in merge-request widgets.

Fingerprints must be unique and stable per issue: the rule, path, matched text and the
occurrence number of that triple in the file, so moving copy does not churn the MR widget.
A file's findings come together (see :class:`~cxlint.report.FileReport`), so occurrences are
counted file by file. Paths are shown safely (GitLab reads the report as JSON, which cannot
carry bytes that are not UTF-8).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from cxlint.formatters.base import Formatter
from cxlint.formatters.escaping import shown_path, write_json
from cxlint.json_stream import JsonWriter
from cxlint.report import FileReport, RuleInfo, RunSummary

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(*parts: str) -> str:
    """An MD5 of the parts; ``surrogatepass`` so copy or names with lone surrogates still hash."""
    return hashlib.md5("\0".join(parts).encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


class GitlabFormatter(Formatter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.json = JsonWriter(stream, write_value=write_json)

    def start(self, rules: Mapping[str, RuleInfo]) -> None:
        super().start(rules)
        self.json.begin_array()

    def file(self, report: FileReport) -> None:
        seen: Counter[tuple[str, str, str]] = Counter()
        for f in report.findings:
            key = (f.rule, f.path, " ".join(f.text.split()))
            seen[key] += 1
            self.json.value(
                {
                    "type": "issue",
                    "check_name": f.rule,
                    "description": f"{f.rule} {f.message}",
                    "content": {"body": f"Suggestion: {f.suggestion}"},
                    "categories": ["Style"],
                    "severity": SEVERITIES[f.severity],
                    "fingerprint": _fingerprint(*key, str(seen[key])),
                    "location": {"path": shown_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
                }
            )

    def finish(self, summary: RunSummary) -> None:
        for problem in summary.problems:
            self.json.value(
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
        self.json.end()
        self.stream.write("\n")
