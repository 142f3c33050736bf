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
from cxlint.formatters.common import TOOL_NAME, TOOL_URI, replacement_for
from cxlint.formatters.escaping import path_bytes, write_json
from cxlint.report import RuleInfo, RunResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: RunResult, stream: TextIO) -> None:
    used = sorted({f.rule for f in result.findings})
    rules = [result.rules[r] for r in used if r in result.rules]
    rules += [_unknown_rule(r) for r in used if r not in result.rules]
    index = {rule.id: n for n, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "informationUri": TOOL_URI,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(result, f, index[f.rule]) for f in result.findings],
        "invocations": [
            {
                "executionSuccessful": not result.problems,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "descriptor": {"id": p.code},
                        "message": {"text": p.message},
                        "locations": [{"physicalLocation": _physical(p.path, p.line)}],
                    }
                    for p in result.problems
                ],
            }
        ],
    }
    write_json({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, stream, indent=2)
    stream.write("\n")


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


def _result(result: RunResult, finding: Finding, rule_index: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} Suggestion: {finding.suggestion}" if finding.suggestion else finding.message},
        "locations": [{"physicalLocation": _physical(finding.path, None, _region(finding))}],
        "properties": {"category": finding.category, "severity": finding.severity, "text": finding.text, "score": round(finding.score, 2)},
    }
    replacement = replacement_for(result, finding)
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
