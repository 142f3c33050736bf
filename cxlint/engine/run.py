"""One engine run over a document: the rules' findings and, when asked, its promise targets.

``check``, ``audit`` and ``init`` read each document once: the promise audit builds its records
from the targets this run found (and the sentences it split), never by reading the copy again.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.engine.records.stage import PromiseTargets, find_promises
from cxlint.engine.sentences import DocumentScan
from cxlint.errors import RuleError
from cxlint.findings import Finding
from cxlint.rulepack.model import RuleSet


@dataclass
class DocumentRun:
    """What linting one document gives: its findings and, when asked for, its promise targets."""

    findings: list[Finding]
    promises: PromiseTargets | None = None
    """Every promise target (None when the run was not asked for them, or no pack declares ``records:``)."""


def run_document(
    doc: Document,
    ruleset: RuleSet,
    *,
    gated: bool = True,
    disabled: frozenset[str] = frozenset(),
    errors: list[RuleError] | None = None,
    promises: bool = True,
) -> DocumentRun:
    """Lint ``doc`` (see ``lint_document``) and, with ``promises``, find its promise targets."""
    scan = DocumentScan.of(doc)
    findings = lint_document(doc, ruleset, gated=gated, disabled=disabled, errors=errors, scan=scan)
    return DocumentRun(findings, find_promises(doc, ruleset, findings, gated, scan) if promises else None)
