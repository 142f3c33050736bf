#!/usr/bin/env python3
"""The learned promise model as a doubt: would it cut the rules' false promise alarms without costing right ones?

    python3 benchmarks/textcat/score_doubt.py MODEL.json [--thresholds 0.02,0.05,0.1] [--realcopy DIR --dump OUT]

MODEL.json is a promise model exported by ``export.py --category promise`` (any threshold). For every
corpus case checked without a registry, each promise finding at warning or above is kept only when the
model scores its block (``cxlint.learned.stage.blocks``) at or above the threshold; a case stays flagged
while any of its promise findings is kept. Prints pooled promise precision / recall, before and at each
threshold, in three groups: the tuning halves the model was trained on (flattering by construction), the
held-out halves of those same batches (never trained on, but written by the same writers in the same
batch), and the batches the model never saw any part of (independent writers: the honest test). With
``--realcopy``, counts the real-copy promise findings the doubt would demote and writes them for review.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import REPO, TRAIN_SETS  # noqa: E402

sys.path.insert(0, str(REPO))

from cxlint.engine.linter import lint_document  # noqa: E402
from cxlint.evaluation.cases import load_cases  # noqa: E402
from cxlint.findings import SEVERITY_RANK  # noqa: E402
from cxlint.learned.model import LinearModel  # noqa: E402
from cxlint.learned.stage import blocks  # noqa: E402
from cxlint.readers.snippet import read_snippet  # noqa: E402
from cxlint.rulepack.loader import builtin_sources, load_ruleset  # noqa: E402
from cxlint.text.tokens import tokenize  # noqa: E402

WARNING = SEVERITY_RANK["warning"]
KIND_TO_CHANNEL = {"email": "email", "landing": "landing", "chatbot": "chatbot", "notification": "push", "ui": "in-app"}


_BATCH = re.compile(r"corpora/v2/([^/]+)/")
TRAINED_BATCHES = frozenset(m.group(1) for m in map(_BATCH.search, TRAIN_SETS["tuned"]) if m)
"""The batches half of which the model was trained on."""


def group(path: str) -> str | None:
    """Which group a corpus file's cases score in (None: left out, as registry batches are)."""
    if "registry" in path:
        return None
    if path in TRAIN_SETS["tuned"]:
        return "trained on"
    batch = _BATCH.search(path)
    return "held-out halves of trained batches" if batch and batch.group(1) in TRAINED_BATCHES else "batches never trained on"


def block_scores(doc, findings, model: LinearModel) -> list[float]:
    """The model's score of the block of each promise finding at warning or above."""
    spans = list(blocks(doc))
    out = []
    for finding in findings:
        if finding.category != "promise" or SEVERITY_RANK[finding.severity] < WARNING:
            continue
        block = next(((s, e) for s, e in spans if s <= finding.start < e), None)
        words = tokenize(doc.mask[block[0]:block[1]]).words if block else ()
        out.append(model.probability(words) if words else 1.0)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--thresholds", default="0.02,0.05,0.1")
    parser.add_argument("--realcopy", type=Path)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    model = LinearModel.from_dict(json.loads(args.model.read_text(encoding="utf-8")))
    thresholds = [float(t) for t in args.thresholds.split(",")]
    ruleset = load_ruleset(builtin_sources())
    rows: dict[str, list[tuple[list[float], bool]]] = {}
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "corpora" / "v2").glob("*/*.jsonl"))
    for path in ["corpora/cases.jsonl", *files]:
        name = group(path)
        if name is None:
            continue
        for case in load_cases(REPO / path):
            doc = read_snippet(case.id, case.text, case.channel)
            rows.setdefault(name, []).append((block_scores(doc, lint_document(doc, ruleset), model), case.labels["promise"]))
    print("promise P / R (tp/fp/fn): rules alone, then with the doubt at each threshold")
    for name, cases in rows.items():
        cells = []
        for threshold in (0.0, *thresholds):
            tp = sum(1 for s, label in cases if label and any(x >= threshold for x in s))
            fp = sum(1 for s, label in cases if not label and any(x >= threshold for x in s))
            fn = sum(1 for s, label in cases if label) - tp
            cells.append(f"{threshold:g}: {tp / (tp + fp) if tp + fp else 1:.3f}/{tp / (tp + fn) if tp + fn else 1:.3f} ({tp}/{fp}/{fn})")
        print(f"  {name} ({len(cases)} cases): " + "  ".join(cells))
    if args.realcopy:
        demoted = {t: 0 for t in thresholds}
        dump = args.dump.open("w", encoding="utf-8") if args.dump else None
        for jsonl in sorted(args.realcopy.glob("*/strings.jsonl")):
            for line in jsonl.open(encoding="utf-8"):
                record = json.loads(line)
                if record.get("kind") == "darkpattern" or not record.get("text"):
                    continue
                doc = read_snippet(record.get("path", ""), record["text"], KIND_TO_CHANNEL.get(record.get("kind", "")))
                findings = [f for f in lint_document(doc, ruleset) if f.category == "promise" and SEVERITY_RANK[f.severity] >= WARNING]
                for finding, score in zip(findings, block_scores(doc, findings, model)):
                    for threshold in thresholds:
                        demoted[threshold] += score < threshold
                    if dump and score < max(thresholds):
                        dump.write(json.dumps({"source": jsonl.parent.name, "key": record.get("key"), "rule": finding.rule,
                                               "score": round(score, 3), "match": finding.text, "text": record["text"]}) + "\n")
        print("real-copy promise findings the doubt would demote: " + ", ".join(f"{t:g}: {n}" for t, n in demoted.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
