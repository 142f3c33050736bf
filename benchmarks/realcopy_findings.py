#!/usr/bin/env python3
"""Findings on real shipped copy: per 10k words by category, and every finding for review.

    python benchmarks/realcopy_findings.py REALCOPY_DIR [--out findings.jsonl] [--min-severity warning]

Lints each ``strings.jsonl`` text whose kind is not ``darkpattern`` on its own, with the record's
kind mapped to a channel. Prints the totals; ``--out`` writes one JSON line per finding.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from checkout import findings_run  # first: the cxlint of this checkout
from cxlint.engine.linter import lint_document
from cxlint.findings import SEVERITY_RANK
from cxlint.readers.snippet import read_snippet

KIND_TO_CHANNEL = {"email": "email", "landing": "landing", "chatbot": "chatbot", "notification": "push", "ui": "in-app"}


def main(argv: list[str]) -> int:
    args, ruleset, threshold, out = findings_run(__doc__.splitlines()[0], argv)
    words = 0
    by_category: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for jsonl in sorted(args.realcopy.glob("*/strings.jsonl")):
        for line in jsonl.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("kind") == "darkpattern" or not record.get("text"):
                continue
            text = record["text"]
            words += len(text.split())
            doc = read_snippet(record.get("path", ""), text, KIND_TO_CHANNEL.get(record.get("kind", "")))
            for finding in lint_document(doc, ruleset):
                if SEVERITY_RANK[finding.severity] < threshold:
                    continue
                by_category[finding.category] += 1
                by_rule[finding.rule] += 1
                if out:
                    out.write(json.dumps({"source": jsonl.parent.name, "key": record.get("key"), "rule": finding.rule,
                                         "severity": finding.severity, "match": finding.text, "text": text[:400]},
                                        ensure_ascii=False) + "\n")
    total = sum(by_category.values())
    print(f"{words} words of ordinary copy; {total} findings at {args.min_severity} or above "
          f"({total / words * 10000:.2f} per 10k words)")
    for category, count in sorted(by_category.items()):
        print(f"  {category:<9} {count:>5}  {count / words * 10000:.2f} per 10k words")
    print("  by rule: " + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
