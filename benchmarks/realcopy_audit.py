#!/usr/bin/env python3
"""The promise audit on real shipped copy: how many promises, how many conflicts, each listed for review.

    python benchmarks/realcopy_audit.py REALCOPY_DIR [--sources mozilla-org-website,openstatus-website,bagisto]
                                       [--format md|json|csv|html] [--out REPORT] [--today YYYY-MM-DD]

Each ``strings.jsonl`` record (the project's strings, extracted from its raw files) is one
touchpoint, named ``source:path#key``, with its kind mapped to a channel: finer-grained than the
raw files, and the only form of bagisto's copy (its PHP language arrays are not kept raw).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import checkout  # noqa: F401  (first: the cxlint of this checkout, not an installed one)
from cxlint.document import Document
from cxlint.engine.run import run_document
from cxlint.promises.inventory import Inventory, build_inventory
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import Registry
from cxlint.promises.reports import REPORTS
from cxlint.readers.snippet import read_snippet
from cxlint.rulepack.loader import builtin_sources, load_ruleset
from cxlint.rulepack.model import RuleSet

KIND_TO_CHANNEL = {"email": "email", "landing": "landing", "chatbot": "chatbot", "notification": "push", "ui": "in-app"}
DEFAULT_SOURCES = "mozilla-org-website,openstatus-website,bagisto"


def documents(realcopy: Path, sources: list[str]) -> Iterator[Document]:
    for source in sources:
        for line in (realcopy / source / "strings.jsonl").open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("kind") == "darkpattern" or not record.get("text"):
                continue
            name = f"{source}:{record.get('path', '')}#{record.get('key', '')}"
            yield read_snippet(name, record["text"], KIND_TO_CHANNEL.get(record.get("kind", "")))


def inventory_of(docs: Iterator[Document], ruleset: RuleSet, registry: Registry | None, today: dt.date) -> Inventory:
    """The audit of string-level touchpoints (``cxlint audit`` itself reads whole files)."""
    check = PromiseCheck(registry, today)
    files = 0
    for doc in docs:
        files += 1
        check.apply(doc, run_document(doc, ruleset))
    return build_inventory(check.assessments, files, registry, today)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realcopy", type=Path)
    parser.add_argument("--sources", default=DEFAULT_SOURCES)
    parser.add_argument("--format", default="md", choices=sorted(REPORTS))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--promises", help="a promises registry (none: every promise is unbacked)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    registry = None
    if args.promises:
        from cxlint.promises.registry import load_registry

        registry = load_registry(args.promises)
    ruleset = load_ruleset(builtin_sources())
    for source in args.sources.split(","):
        inventory = inventory_of(documents(args.realcopy, [source]), ruleset, registry, args.today)
        kinds = Counter(row.record.kind for row in inventory.rows)
        print(f"{source}: {inventory.files} strings, {len(inventory.rows)} promises, "
              f"{inventory.conflict_count()} conflicting pairs; by kind: {dict(sorted(kinds.items()))}")
        for row in inventory.rows:
            flag = "CONFLICT " if row.conflicts else ""
            print(f"  {flag}[{row.record.kind}] {row.record.subject} = {row.record.value_text or '-'} :: "
                  f"{' '.join(row.record.context.split())[:140]}  ({row.record.path})")
            for conflict in row.conflicts:
                print(f"      -> {conflict.describe()}")
        if args.out:
            out = args.out.with_name(f"{args.out.stem}-{source}{args.out.suffix}")
            with out.open("w", encoding="utf-8") as handle:
                REPORTS[args.format](inventory, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
