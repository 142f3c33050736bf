#!/usr/bin/env python3
"""Read and lint every raw file of the real-copy corpus, as ``cxlint check`` would.

    python benchmarks/read_realcopy.py REALCOPY_DIR [--show-problems]

Prints files read, unsupported and errors (a crash is an error), findings per 10k words by
category, and the time taken. Words are counted in the masks (the copy cxlint actually reads).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

import checkout  # noqa: F401  (first: the cxlint of this checkout, not an installed one)
from cxlint.engine.linter import lint_document
from cxlint.errors import InputError
from cxlint.readers import reader_for
from cxlint.rulepack.loader import builtin_sources, load_ruleset
from cxlint.runner import read_document

_NOT_COPY = {"LICENSE", "LICENSE.txt", "COPYING"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realcopy", type=Path)
    parser.add_argument("--show-problems", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ruleset = load_ruleset(builtin_sources())
    files = sorted(p for p in args.realcopy.glob("*/raw/**/*") if p.is_file() and p.name not in _NOT_COPY and not p.name.endswith("-LICENSE"))
    read = unsupported = words = 0
    errors: list[str] = []
    problems: list[str] = []
    by_category: Counter[str] = Counter()
    by_suffix: Counter[str] = Counter()
    for path in files:
        if reader_for(str(path)) is None:
            unsupported += 1
            problems.append(f"{path}: unsupported file type")
            continue
        try:
            doc = read_document(str(path))
            for part in doc.documents():
                words += len(part.mask.split())
                for finding in lint_document(part, ruleset):
                    by_category[finding.category] += 1
                    assert finding.text == part.source[finding.start : finding.end]
        except InputError as exc:
            errors.append(str(exc))
            continue
        except Exception:  # a crash is what this script exists to find
            errors.append(f"{path}: CRASH\n{traceback.format_exc()}")
            continue
        read += 1
        by_suffix[path.suffix.lower()] += 1
    elapsed = time.perf_counter() - started
    total = sum(by_category.values())
    print(f"{len(files)} raw files: {read} read, {unsupported} unsupported, {len(errors)} errors in {elapsed:.1f}s")
    print("  read by type: " + ", ".join(f"{s or '(none)'} {n}" for s, n in sorted(by_suffix.items())))
    print(f"{words} words of copy; {total} findings ({total / max(words, 1) * 10000:.2f} per 10k words)")
    for category, count in sorted(by_category.items()):
        print(f"  {category:<9} {count:>5}  {count / max(words, 1) * 10000:.2f} per 10k words")
    for line in errors + (problems if args.show_problems else []):
        print("  " + line)
    return 1 if any("CRASH" in e for e in errors) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
