#!/usr/bin/env python3
"""False alarms on real shipped copy: texts the classifier flags, per category, per 10k words.

    python3 benchmarks/textcat/score_realcopy.py --model /tmp/cxlint-textcat [--thresholds 0.5,0.7,0.9]
        [--exclude-train-projects] [--json OUT]

Reads every ../shared/realcopy/*/strings.jsonl text whose kind is not "darkpattern" (ordinary
shipped copy, so nearly every flag is a false alarm). Per threshold and category it counts the texts
the classifier flags, and the texts it would ADD to cxlint's (flagged by the classifier while cxlint
has no warning-or-above finding of that category in the text; that is what cxlint_with_textcat.py
adds). cxlint runs in-process on each text as benchmarks/realcopy_findings.py does (record kind ->
channel), from the repository or from the frozen snapshot named by CXLINT_REPO. A model trained with
background negatives (train.py --background) must be scored with --exclude-train-projects: only the
projects it never saw count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import CATEGORIES, REALCOPY_TRAIN_PROJECTS, REPO, load_model, predict  # noqa: E402

CXLINT_REPO = Path(os.environ.get("CXLINT_REPO") or REPO).resolve()
sys.path.insert(0, str(CXLINT_REPO))

REALCOPY = Path(os.environ.get("CXLINT_REALCOPY") or REPO.parent / "shared" / "realcopy")
KIND_TO_CHANNEL = {"email": "email", "landing": "landing", "chatbot": "chatbot", "notification": "push", "ui": "in-app"}
_RULESET = None


def commit() -> str:
    if CXLINT_REPO != REPO:
        marker = CXLINT_REPO / ".commit"
        return marker.read_text().strip() if marker.exists() else CXLINT_REPO.name
    out = subprocess.run(["git", "-C", str(REPO), "log", "--oneline", "-1"], capture_output=True, text=True).stdout
    return out.split()[0] if out else "?"


def _cx_categories(item: tuple[str, str, str | None]) -> list[str]:
    global _RULESET
    from cxlint.engine.linter import lint_document
    from cxlint.findings import SEVERITY_RANK
    from cxlint.readers.snippet import read_snippet
    from cxlint.rulepack.loader import builtin_sources, load_ruleset

    if _RULESET is None:
        _RULESET = load_ruleset(builtin_sources())
    name, text, channel = item
    findings = lint_document(read_snippet(name, text, channel), _RULESET)
    return sorted({f.category for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--thresholds", default="0.5,0.7,0.9")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--dump-added", type=Path, metavar="FILE",
                        help="write the texts the classifier adds at the highest threshold, as JSON Lines, for review")
    parser.add_argument("--exclude-train-projects", action="store_true",
                        help="skip the projects train.py --background samples from")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    records = []
    for jsonl in sorted(REALCOPY.glob("*/strings.jsonl")):
        if args.exclude_train_projects and jsonl.parent.name in REALCOPY_TRAIN_PROJECTS:
            continue
        for line in jsonl.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("kind") == "darkpattern" or not record.get("text"):
                continue
            records.append(record)
    words = sum(len(r["text"].split()) for r in records)
    sha_before = commit()
    items = [(r.get("path", ""), r["text"], KIND_TO_CHANNEL.get(r.get("kind", ""))) for r in records]
    with Pool(args.jobs) as pool:
        cx = [set(c) for c in pool.map(_cx_categories, items, chunksize=200)]
    sha = sha_before if commit() == sha_before else f"{sha_before}->{commit()}"
    scores = predict(load_model(args.model), [r["text"] for r in records])

    def rate(n: int) -> float:
        return n / words * 10000

    result = {"texts": len(records), "words": words, "commit": sha,
              "cxlint": {c: sum(c in s for s in cx) for c in CATEGORIES}, "thresholds": {}}
    print(f"real copy: {len(records)} texts, {words} words (darkpattern records skipped); cxlint commit {sha}")
    print(f"  cxlint alone, texts flagged: " + ", ".join(
        f"{c} {result['cxlint'][c]} ({rate(result['cxlint'][c]):.2f}/10k)" for c in CATEGORIES))
    for t in thresholds:
        row = {}
        for c in CATEGORIES:
            flagged = [s[c] >= t for s in scores]
            added = sum(f and c not in k for f, k in zip(flagged, cx))
            row[c] = {"flagged": sum(flagged), "added": added}
        result["thresholds"][str(t)] = row
        total_f = sum(v["flagged"] for v in row.values())
        total_a = sum(v["added"] for v in row.values())
        print(f"  classifier @{t}: " + ", ".join(
            f"{c} {row[c]['flagged']} ({rate(row[c]['flagged']):.2f}/10k; adds {row[c]['added']}, "
            f"{rate(row[c]['added']):.2f}/10k)" for c in CATEGORIES)
              + f"; all {total_f} ({rate(total_f):.2f}/10k; adds {total_a}, {rate(total_a):.2f}/10k)")
    if args.dump_added:
        top = max(thresholds)
        with args.dump_added.open("w", encoding="utf-8") as out:
            for record, score, k in zip(records, scores, cx):
                for c in CATEGORIES:
                    if score[c] >= top and c not in k:
                        out.write(json.dumps({"category": c, "score": round(score[c], 3), "project": record.get("source"),
                                              "path": record.get("path"), "kind": record.get("kind"),
                                              "text": record["text"]}) + "\n")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
