"""Findings and unreadable-file problems as LSP diagnostics, at the exact characters, in the client's units."""

from __future__ import annotations

from collections.abc import Container

from lsprotocol import types

from cxlint.findings import FileProblem, Finding
from cxlint.formatters.common import TOOL_NAME, TOOL_URI
from cxlint.lsp.positions import EditorPositions

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
RULES_DOC = f"{TOOL_URI}/blob/main/docs/rules.md"


def rule_href(rule: str, documented: Container[str]) -> str | None:
    """The rule's section of docs/rules.md, for the rules shipped with cxlint (a user pack's have none)."""
    return f"{RULES_DOC}#{rule.lower()}" if rule in documented else None


def finding_range(finding: Finding, positions: EditorPositions) -> types.Range:
    """The finding's source slice as an LSP range; a finding in a decoded e-mail part (whose offsets are
    into that part, not the file) stands at the top of the file."""
    if _part(finding) is not None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    start = positions.position(finding.start)
    end = positions.position(finding.end)
    return types.Range(types.Position(*start), types.Position(*end))


def to_diagnostic(finding: Finding, positions: EditorPositions, documented: Container[str]) -> types.Diagnostic:
    message = finding.message
    part = _part(finding)
    if part is not None:
        message = f"In {part}, line {finding.line}: {message} ({finding.text!r})"
    if finding.suggestion:
        message = f"{message}\nSuggestion: {finding.suggestion}"
    href = rule_href(finding.rule, documented)
    return types.Diagnostic(
        range=finding_range(finding, positions),
        message=message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=TOOL_NAME,
    )


def problem_diagnostic(problem: FileProblem, positions: EditorPositions) -> types.Diagnostic:
    """A buffer cxlint could not read (broken YAML, a rule that broke): an error on its line, else the first."""
    line = max((problem.line or 1) - 1, 0)
    at = types.Position(line, 0)
    return types.Diagnostic(
        range=types.Range(at, at),
        message=problem.message,
        severity=types.DiagnosticSeverity.Error,
        code=problem.code,
        source=TOOL_NAME,
    )


def _part(finding: Finding) -> str | None:
    for key, value in finding.extra:
        if key == "part":
            return str(value)
    return None
