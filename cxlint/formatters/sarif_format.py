"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as cxlint counts them.
A rule with an exact ``replacement:`` gives each result a ``fix``; unreadable files are
``toolExecutionNotifications`` of an unsuccessful invocation. An artifact's URI percent-encodes
the bytes of its file name, so a name that is not UTF-8 (``caf%FF-promo.md``) still names its file.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from cxlint import __version__
from cxlint.findings import Finding
from cxlint.formatters.base import Formatter
from cxlint.formatters.common import TOOL_NAME, TOOL_URI
from cxlint.formatters.escaping import path_bytes, write_json
from cxlint.json_stream import JsonWriter
from cxlint.report import FileReport, RuleInfo, RunSummary
from cxlint.spill import Spill

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class SarifFormatter(Formatter):
    """The driver's rules (only those used, sorted) come before the results that point into them
    by index, and are known only at the end: results wait in a :class:`~cxlint.spill.Spill`."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.results = Spill()
        self.used: set[str] = set()

    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            self.used.add(finding.rule)
            self.results.add(self._result(finding))

    def finish(self, summary: RunSummary) -> None:
        used = sorted(self.used)
        rules = [self.rules[r] for r in used if r in self.rules]
        rules += [_unknown_rule(r) for r in used if r not in self.rules]
        index = {rule.id: n for n, rule in enumerate(rules)}
        out = JsonWriter(self.stream, write_value=write_json)
        out.begin_object()
        out.value(SCHEMA_URI, "$schema")
        out.value("2.1.0", "version")
        out.begin_array("runs")
        out.begin_object()
        out.value({"driver": {"name": TOOL_NAME, "version": __version__, "informationUri": TOOL_URI, "rules": [_descriptor(rule) for rule in rules]}}, "tool")
        out.value("unicodeCodePoints", "columnKind")
        out.begin_array("results")
        with self.results:
            for item in self.results:
                item["ruleIndex"] = index[item["ruleId"]]
                out.value(item)
        out.end()
        out.value(
            [
                {
                    "executionSuccessful": not summary.problems,
                    "toolExecutionNotifications": [
                        {
                            "level": "error",
                            "descriptor": {"id": p.code},
                            "message": {"text": p.message},
                            "locations": [{"physicalLocation": _physical(p.path, p.line)}],
                        }
                        for p in summary.problems
                    ],
                }
            ],
            "invocations",
        )
        out.end()
        out.end()
        out.end()
        self.stream.write("\n")

    def _result(self, finding: Finding) -> dict[str, Any]:
        item: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": None,  # set at the end, when the rules used are known
            "level": LEVELS[finding.severity],
            "message": {"text": f"{finding.message} Suggestion: {finding.suggestion}" if finding.suggestion else finding.message},
            "locations": [{"physicalLocation": _physical(finding.path, None, _region(finding))}],
            "properties": {"category": finding.category, "severity": finding.severity, "text": finding.text, "score": round(finding.score, 2)},
        }
        replacement = self.replacement_for(finding)
        if replacement is not None:
            item["fixes"] = [
                {
                    "description": {"text": f"Replace with {replacement!r}" if replacement else f"Remove {finding.text!r}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(finding.path)},
                            "replacements": [{"deletedRegion": _region(finding), "insertedContent": {"text": replacement}}],
                        }
                    ],
                }
            ]
        return item


def _unknown_rule(rule_id: str) -> RuleInfo:
    return RuleInfo(id=rule_id, name=rule_id.lower(), category="", severity="warning", message=rule_id)


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": [rule.category] if rule.category else []},
    }
    if rule.rationale:
        descriptor["fullDescription"] = {"text": rule.rationale}
    if rule.suggestion:
        descriptor["help"] = {"text": rule.suggestion}
    return descriptor


def _physical(path: str, line: int | None, region: dict[str, int] | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if region is not None:
        location["region"] = region
    elif line:
        location["region"] = {"startLine": line}
    return location


def _uri(path: str) -> str:
    """A URI reference: ``/``-separated, every byte but RFC 3986's unreserved ones and ``/`` percent-encoded."""
    from urllib.parse import quote

    return quote(path_bytes(path.replace(os.sep, "/").removeprefix("./")))


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }
