#!/usr/bin/env python3
"""Per-category precision/recall on the sets neither the rules nor the classifier were tuned on, for
cxlint alone, the classifier alone and cxlint + classifier, at several thresholds.

    python3 benchmarks/textcat/score_holdout.py --model /tmp/cxlint-textcat [--cases FILE ...]
        [--thresholds 0.5,0.7,0.9] [--json OUT]

By default the sets are every held-out half of corpora/v2 (registry batches aside: their labels need
a registry) and both halves of realworld6, scored in two groups: synthetic copy written from the
guideline (round1-13) and copy modelled on real messages (realworld*), where the first experiment
found the classifier's gains shrink.

Writes each holdout case to its own Markdown file in a temporary folder (<channel>/<n>-<id>.md, so
cxlint infers the channel from the path the way `cxlint eval` sets it), then runs the very commands
that blind_eval would run: `python3 -m cxlint check --format json --fail-on never --isolated DIR`
(cxlint from the repository, or from CXLINT_REPO, a frozen snapshot of one commit) and cxlint_with_textcat.py with CXLINT_TEXTCAT_ONLY=1 (classifier alone) and without it (combined).
A case counts as flagged for a category when some finding of that category at severity warning or
above is in its file (as in `cxlint eval`). The git commit is recorded before and after each run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import CATEGORIES, REPO, load_jsonl  # noqa: E402

UNSEEN = (*(f"corpora/v2/round{n}/holdout.jsonl" for n in range(1, 14)),
          *(f"corpora/v2/{name}/holdout.jsonl" for name in ("realworld", "realworld2", "realworld3", "realworld4",
                                                             "realworld5", "realworld6")),
          "corpora/v2/realworld6/tune.jsonl")
"""Never trained on (see common.TRAIN_SETS) and, bar realworld6's tuning half, never tuned on by the rules."""


def group(name: str) -> str:
    return "real-modelled" if "realworld" in name else "synthetic"
WRAPPER = HERE / "cxlint_with_textcat.py"
RANK = {"info": 0, "warning": 1, "error": 2}


CXLINT_REPO = Path(os.environ.get("CXLINT_REPO") or REPO).resolve()


def commit() -> str:
    """The commit whose cxlint runs: the repository's HEAD, or the frozen snapshot named by CXLINT_REPO."""
    if CXLINT_REPO != REPO:
        return (CXLINT_REPO / ".commit").read_text().strip() if (CXLINT_REPO / ".commit").exists() else CXLINT_REPO.name
    out = subprocess.run(["git", "-C", str(REPO), "log", "--oneline", "-1"], capture_output=True, text=True).stdout
    return out.split()[0] if out else "?"


def write_cases(cases: list[dict], folder: Path) -> dict[str, dict]:
    by_path = {}
    for n, case in enumerate(cases):
        channel = case.get("channel") or "misc"
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", str(case.get("id", n)))
        path = folder / channel / f"{n:04d}-{safe}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case["text"], encoding="utf-8")
        by_path[os.path.realpath(path)] = case
    return by_path


def run(cmd: list[str], env_extra: dict[str, str], folder: Path) -> tuple[list[dict], str]:
    before = commit()
    env = dict(os.environ, **env_extra)
    env["PYTHONPATH"] = str(CXLINT_REPO)
    result = subprocess.run(cmd + ["check", "--format", "json", "--fail-on", "never", "--isolated", str(folder)],
                            cwd=REPO, env=env, capture_output=True, text=True)
    after = commit()
    if result.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {result.stderr[-2000:]}")
    findings = json.loads(result.stdout)["findings"]
    return findings, before if before == after else f"{before}->{after}"


def score(by_path: dict[str, dict], findings: list[dict]) -> dict:
    flagged = {(os.path.realpath(f["path"]), f["category"]) for f in findings if RANK.get(f["severity"], 0) >= 1}
    table = {}
    totals = {"tp": 0, "fp": 0, "fn": 0}
    for category in CATEGORIES:
        tp = fp = fn = 0
        for path, case in by_path.items():
            predicted = (path, category) in flagged
            tp += predicted and case[category]
            fp += predicted and not case[category]
            fn += (not predicted) and case[category]
        table[category] = {"tp": tp, "fp": fp, "fn": fn}
        for k in totals:
            totals[k] += table[category][k]
    table["all (micro)"] = totals
    for row in table.values():
        row["precision"] = row["tp"] / (row["tp"] + row["fp"]) if row["tp"] + row["fp"] else 1.0
        row["recall"] = row["tp"] / (row["tp"] + row["fn"]) if row["tp"] + row["fn"] else 1.0
    return table


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--cases", nargs="+", default=list(UNSEEN), help="case files, relative to the repo root")
    parser.add_argument("--thresholds", default="0.5,0.7,0.9")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    cases = []
    for name in args.cases:
        cases.extend(dict(case, _group=group(name)) for case in load_jsonl(REPO / name))
    results = []
    with tempfile.TemporaryDirectory(prefix="cxlint-holdout-") as tmp:
        by_path = write_cases(cases, Path(tmp))
        bootstrap = (f"import runpy, sys; sys.path.insert(0, {str(CXLINT_REPO)!r}); "
                     "runpy.run_module('cxlint', run_name='__main__', alter_sys=True)")
        configs = [("cxlint alone", None, [sys.executable, "-c", bootstrap], {})]
        for t in thresholds:
            env = {"CXLINT_TEXTCAT_MODEL": args.model, "CXLINT_TEXTCAT_THRESHOLD": str(t)}
            configs.append(("classifier alone", t, [sys.executable, str(WRAPPER)], dict(env, CXLINT_TEXTCAT_ONLY="1")))
            configs.append(("cxlint + classifier", t, [sys.executable, str(WRAPPER)], dict(env, CXLINT_TEXTCAT_ONLY="0")))
        for name, t, cmd, env in configs:
            findings, sha = run(cmd, env, Path(tmp))
            for part in sorted({c["_group"] for c in cases}):
                subset = {path: case for path, case in by_path.items() if case["_group"] == part}
                table = score(subset, findings)
                results.append({"system": name, "threshold": t, "group": part, "commit": sha, "scores": table})
                label = f"{name}" + (f" @{t}" if t is not None else "")
                print(f"\n{label}, {part}  (commit {sha}, {len(subset)} cases)")
                print(f"  {'category':<12} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
                for category, row in table.items():
                    print(f"  {category:<12} {row['precision']:>6.3f} {row['recall']:>6.3f} "
                          f"{row['tp']:>4} {row['fp']:>4} {row['fn']:>4}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
