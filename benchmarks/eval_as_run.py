#!/usr/bin/env python3
"""Score labelled cases the way a content repository is linted: every case a file, one run per registry.

    python benchmarks/eval_as_run.py CASES.jsonl [CASES.jsonl...] [--today YYYY-MM-DD] [--rules]

``cxlint eval`` lints each case on its own, with the channel its label gives. A real run, and any
harness that writes cases to a folder and runs ``cxlint check --format json`` over it, differs in two
ways this script shows:
- **Run-wide findings.** Cases side by side are touchpoints of one run, so the consistency check
  (CX253) compares them: a case can be flagged for disagreeing with another case.
- **No channel.** A file named ``case0001.txt`` carries no channel, so a registry entry allowed only
  on some channels cannot tell whether the copy stands where it may.
Every finding counts, whatever its severity, as such a harness counts them. The file name's extension
follows the case's markup (``.html``, ``.md`` or ``.txt``), so each is read by the reader it would meet.
``--rules`` adds, per category, the rules behind the false alarms.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import checkout  # noqa: F401  (first: the cxlint of this checkout, not an installed one)
from checkout import REPO
from cxlint.evaluation.cases import Case, load_cases
from cxlint.evaluation.scoring import CategoryScore
from cxlint.findings import CATEGORIES

_HTML = re.compile(r"</?(p|div|html|body|td|h[1-6]|span|a|br|table|strong|em|ul|li|section)\b[^>]*>", re.I)
_MARKDOWN = re.compile(r"(^|\n)#{1,6} |\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)|(^|\n)[-*] ")


def extension(text: str) -> str:
    """The extension a case's file gets, by the markup it holds."""
    if _HTML.search(text):
        return ".html"
    if _MARKDOWN.search(text):
        return ".md"
    return ".txt"


def flags_of_run(cases: list[Case], registry: Path | None, today: str) -> dict[str, list[tuple[str, str]]]:
    """(category, rule) of every finding on each case, from one ``cxlint check`` over a folder of them."""
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, case in enumerate(cases):
            name = f"case{index:05d}{extension(case.text)}"
            (Path(folder) / name).write_text(case.text, encoding="utf-8")
            names[name] = case.id
        argv = [sys.executable, "-m", "cxlint", "check", "--format", "json", "--fail-on", "never", "--isolated"]
        if registry is not None:
            argv += ["--promises", str(registry), "--today", today]
        done = subprocess.run([*argv, folder], capture_output=True, text=True, cwd=REPO, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"cxlint check exited {done.returncode}: {done.stderr.strip()[-500:]}")
        flags: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for finding in json.loads(done.stdout)["findings"]:
            case_id = names.get(Path(finding["path"]).name)
            if case_id is not None:
                flags[case_id].append((finding["category"], finding["rule"]))
        return flags


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--today", default="2026-11-23", help="date for registry expiry")
    parser.add_argument("--rules", action="store_true", help="list the rules behind the false alarms")
    args = parser.parse_args(argv)
    scores = {category: CategoryScore() for category in CATEGORIES}
    blamed: dict[str, Counter[str]] = {category: Counter() for category in CATEGORIES}
    for path in args.cases:
        groups: dict[Path | None, list[Case]] = defaultdict(list)
        for case in load_cases(str(path)):
            groups[case.registry].append(case)
        for registry, cases in groups.items():
            flags = flags_of_run(cases, registry, args.today)
            for case in cases:
                for category in CATEGORIES:
                    rules = {rule for flagged, rule in flags.get(case.id, ()) if flagged == category}
                    scores[category].add(case, case.labels[category], bool(rules))
                    if rules and not case.labels[category]:
                        blamed[category].update(rules)
    print(f"{'category':10s} {'precision':>9s} {'recall':>7s} {'f1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    for category, score in scores.items():
        print(f"{category:10s} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f} {score.tp:5d} {score.fp:5d} {score.fn:5d}")
        if args.rules and blamed[category]:
            print("           false alarms by rule: " + ", ".join(f"{rule} {n}" for rule, n in blamed[category].most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
