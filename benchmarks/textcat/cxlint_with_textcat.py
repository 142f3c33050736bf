#!/usr/bin/env python3
"""cxlint plus a text classifier as a second opinion: a drop-in for `cxlint` in blind_eval's --cxlint.

    CXLINT_TEXTCAT_MODEL=/tmp/cxlint-textcat CXLINT_TEXTCAT_THRESHOLD=0.7 \
        python3 benchmarks/textcat/cxlint_with_textcat.py check --format json --fail-on never --isolated DIR

Runs the real cxlint (`python3 -m cxlint`, from this repository, or from the source tree
named by CXLINT_REPO, e.g. a frozen `git archive` of one commit) with the same arguments,
then reads every lintable file under the given paths as text and adds ONE whole-file finding
(rule TC100, line 1, column 1, severity "warning") per category whose classifier score is at or
above the threshold, unless cxlint already has a finding of that category in that file.

Environment:
  CXLINT_TEXTCAT_MODEL      model folder written by train.py (required)
  CXLINT_TEXTCAT_THRESHOLD  score threshold, default 0.5
  CXLINT_TEXTCAT_ONLY=1     return ONLY the classifier's findings (cxlint is not run)
  CXLINT_TEXTCAT_OFF=1      no classifier: cxlint's own output, unchanged (cxlint alone, same launcher)
  CXLINT_REPO               source tree whose cxlint is run (default: this repository)
Only `check --format json` is augmented; any other command or format is passed to cxlint unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("CXLINT_REPO") or HERE.parents[1]).resolve()
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from common import CATEGORIES, load_model, predict  # noqa: E402

VALUE_OPTIONS = {"--format", "--fail-on", "--rules", "--channel", "--stdin-filename", "--config", "--enable",
                 "--disable", "--baseline", "--write-baseline", "--diff", "--promises", "--today", "-j", "--jobs"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def split_args(args: list[str]) -> tuple[dict[str, str], list[str]]:
    """Options with values (last one wins) and the positional paths of `check`."""
    options: dict[str, str] = {}
    paths: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--") and "=" in arg:
            key, value = arg.split("=", 1)
            options[key] = value
        elif arg in VALUE_OPTIONS:
            options[arg] = args[i + 1] if i + 1 < len(args) else ""
            i += 1
        elif arg.startswith("-") and arg != "-":
            options[arg] = ""
        else:
            paths.append(arg)
        i += 1
    return options, paths


def run_cxlint(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    # `python3 -m cxlint`, with REPO first on sys.path even ahead of the current folder
    bootstrap = f"import runpy, sys; sys.path.insert(0, {str(REPO)!r}); runpy.run_module('cxlint', run_name='__main__', alter_sys=True)"
    return subprocess.run([sys.executable, "-c", bootstrap, *args], env=env, capture_output=True, text=True)


def lintable_files(paths: list[str]) -> list[str]:
    from cxlint.readers import reader_for

    files: list[str] = []
    for path in paths:
        if path == "-":
            continue
        if os.path.isfile(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                full = os.path.join(root, name)
                if not name.startswith(".") and reader_for(full) is not None:
                    files.append(full)
    return files


def finding(path: str, category: str, score: float, text: str) -> dict:
    first = text.splitlines()[0] if text.strip() else ""
    return {
        "path": path,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": len(first) + 1,
        "rule": "TC100",
        "name": f"textcat-{category}",
        "category": category,
        "severity": "warning",
        "message": f"A text classifier trained on cxlint's labelled cases reads this file as {category} "
                   f"(score {score:.2f}); no cxlint rule fired for it.",
        "text": first[:80],
        "suggestion": "Review the whole text for this category.",
        "score": round(score, 4),
        "signals": [],
        "modifiers": [],
        "channel": None,
    }


def main(argv: list[str]) -> int:
    only = os.environ.get("CXLINT_TEXTCAT_ONLY") == "1"
    options, paths = split_args(argv[1:]) if argv and argv[0] == "check" else ({}, [])
    off = os.environ.get("CXLINT_TEXTCAT_OFF") == "1"
    if off or not argv or argv[0] != "check" or options.get("--format") != "json" or "-" in paths:
        result = run_cxlint(argv)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return result.returncode
    model_dir = os.environ.get("CXLINT_TEXTCAT_MODEL")
    if not model_dir:
        sys.stderr.write("cxlint_with_textcat: set CXLINT_TEXTCAT_MODEL to the model folder\n")
        return 2
    threshold = float(os.environ.get("CXLINT_TEXTCAT_THRESHOLD", "0.5"))

    if only:
        report = {"version": 1, "findings": [], "summary": {"files": 0, "findings": 0}, "errors": []}
        returncode = 0
    else:
        result = run_cxlint(argv)
        sys.stderr.write(result.stderr)
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            sys.stdout.write(result.stdout)
            return result.returncode
        returncode = result.returncode

    have: set[tuple[str, str]] = {(os.path.realpath(f["path"]), f["category"]) for f in report.get("findings", [])}
    files = lintable_files(paths)
    texts = []
    for path in files:
        try:
            texts.append(Path(path).read_text(encoding="utf-8-sig", errors="replace"))
        except OSError:
            texts.append("")
    nlp = load_model(model_dir)
    added = []
    for path, text, scores in zip(files, texts, predict(nlp, texts)):
        for category in CATEGORIES:
            score = scores.get(category, 0.0)
            if score >= threshold and (os.path.realpath(path), category) not in have:
                added.append(finding(path, category, score, text))
    report.setdefault("findings", []).extend(added)

    summary = report.setdefault("summary", {})
    if only:
        summary["files"] = len(files)
    summary["findings"] = len(report["findings"])
    by_category: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for f in report["findings"]:
        by_category[f["category"]] = by_category.get(f["category"], 0) + 1
        by_severity[f["severity"]] = by_severity.get(f["severity"], 0) + 1
    summary["by_category"] = by_category
    summary["by_severity"] = by_severity
    summary["textcat_added"] = len(added)
    sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    fail_on = options.get("--fail-on", "warning")
    if added and fail_on != "never" and SEVERITY_RANK["warning"] >= SEVERITY_RANK.get(fail_on, 1):
        returncode = max(returncode, 1)
    return returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
