#!/usr/bin/env python3
"""Pressure accuracy on the labelled dark-pattern datasets of the real-copy corpus.

    python benchmarks/darkpatterns.py REALCOPY_DIR

yamanalab-ec-darkpattern: precision over all rows (a pressure finding on an ordinary row is a
false alarm) and recall over the Urgency, Scarcity, Social Proof and Misdirection rows.
mathur-dark-patterns: recall per pattern type. Each text is linted on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import checkout  # noqa: F401  (first: the cxlint of this checkout, not an installed one)
from cxlint.findings import SEVERITY_RANK
from cxlint.rulepack.model import RuleSet
from cxlint.testing import default_ruleset, lint_text

TARGET = {"Urgency", "Scarcity", "Social Proof", "Misdirection"}


def flagged(text: str, ruleset: RuleSet) -> bool:
    return any(f.category == "pressure" and SEVERITY_RANK[f.severity] >= 1 for f in lint_text(text, ruleset))


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realcopy", type=Path, help="the real-copy folder holding yamanalab-ec-darkpattern/ and mathur-dark-patterns/")
    realcopy = parser.parse_args(argv).realcopy
    missing = [name for name in ("yamanalab-ec-darkpattern", "mathur-dark-patterns") if not (realcopy / name / "strings.jsonl").is_file()]
    if missing:
        parser.error(f"{realcopy} holds no {', '.join(missing)} (strings.jsonl)")
    ruleset = default_ruleset()
    tp = fp = fn = 0
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for row in rows(realcopy / "yamanalab-ec-darkpattern" / "strings.jsonl"):
        category = row["labels"]["category"]
        hit = flagged(row["text"], ruleset)
        if category in TARGET:
            totals[category] += 1
            hits[category] += hit
            tp += hit
            fn += not hit
        elif row["kind"] != "darkpattern":
            fp += hit
    print(f"yamanalab: precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f} (tp {tp}, fp {fp}, fn {fn})")
    for category in sorted(totals):
        print(f"  {category:<13} recall {hits[category] / totals[category]:.3f} ({hits[category]}/{totals[category]})")
    hits.clear()
    totals.clear()
    for row in rows(realcopy / "mathur-dark-patterns" / "strings.jsonl"):
        kind = row["labels"].get("type", "?")
        totals[kind] += 1
        hits[kind] += flagged(row["text"], ruleset)
    print("mathur recall by type:")
    for kind, total in totals.most_common():
        print(f"  {kind:<22} {hits[kind] / total:.3f} ({hits[kind]}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
