"""``cxlint eval CASES.jsonl``: precision, recall and F1 per category, and with -v what went wrong."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from cxlint.commands import EXIT_OK
from cxlint.engine.run import run_document
from cxlint.evaluation.cases import Case, load_cases
from cxlint.evaluation.scoring import CategoryScore
from cxlint.findings import CATEGORIES, SEVERITY_RANK, Finding
from cxlint.promises.eval_registry import RegistryChecks
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import builtin_sources, load_ruleset


def run_eval(path: str, stream: TextIO, verbose: bool, min_severity: str, promises: str | None = None,
             today: dt.date | None = None) -> int:
    cases = load_cases(path)
    ruleset = load_ruleset(builtin_sources())
    scores = {category: CategoryScore() for category in CATEGORIES}
    skipped: list[Case] = []
    registry_scores = {category: CategoryScore() for category in CATEGORIES}
    details: dict[str, tuple[Case, list[Finding]]] = {}
    threshold = SEVERITY_RANK[min_severity]
    checks = RegistryChecks(today or dt.date.today(), promises)
    for case in cases:
        doc = read_snippet(case.id, case.text, case.channel)
        check = checks.for_case(case)
        run = run_document(doc, ruleset, promises=check is not None)
        findings = check.apply(doc, run) if check is not None else run.findings
        findings = [f for f in findings if SEVERITY_RANK[f.severity] >= threshold]
        details[case.id] = (case, findings)
        flagged = {f.category for f in findings}
        for category in CATEGORIES:
            scores[category].add(case, case.labels[category], category in flagged)
            if check is not None:
                registry_scores[category].add(case, case.labels[category], category in flagged)
    _report(stream, path, len(cases) - len(skipped), skipped, scores)
    if checks.used:
        stream.write(f"\nregistry cases only ({checks.used} checked against a promises registry, today {checks.today}):\n")
        _table(stream, registry_scores)
    if verbose:
        _verbose(stream, scores, details)
    return EXIT_OK


def _report(stream: TextIO, path: str, scored: int, skipped: list[Case], scores: dict[str, CategoryScore]) -> None:
    stream.write(f"{path}: {scored} cases scored")
    if skipped:
        stream.write(f"; {len(skipped)} registry cases skipped (the promises registry is not read by eval yet)")
    stream.write("\n\n")
    _table(stream, scores)


def _table(stream: TextIO, scores: dict[str, CategoryScore]) -> None:
    stream.write(f"{'category':<10} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'support':>8}\n")
    for category, score in scores.items():
        stream.write(
            f"{category:<10} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{score.tp:>5} {score.fp:>5} {score.fn:>5} {score.tp + score.fn:>8}\n"
        )


def _verbose(stream: TextIO, scores: dict[str, CategoryScore], details: dict[str, tuple[Case, list[Finding]]]) -> None:
    for category, score in scores.items():
        for label, ids in (("missed", score.misses), ("false alarm", score.false_alarms)):
            for case_id in ids:
                case, findings = details[case_id]
                stream.write(f"\n[{category}] {label}: {case_id} ({case.difficulty}) {case.why}\n")
                stream.write(f"    text: {' '.join(case.text.split())[:300]}\n")
                for finding in findings:
                    if finding.category == category:
                        stream.write(f"    {finding.rule} {finding.severity}: {finding.text!r}\n")
