#!/usr/bin/env python3
"""Split a batch of new labelled cases into a tuning half and a held-out half, by a hash of each id.

usage: split_batch.py BATCH_DIR   (reads BATCH_DIR/writer-*.jsonl, writes tune.jsonl and holdout.jsonl,
                                  then removes the writer files so nobody tuning reads the held-out half)

The split depends on nothing but the ids, so it is the same on every machine and cannot be
chosen after looking at results. Rules may be tuned on the tuning half only; the held-out half
is scored at the end of a round.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def half(case_id: str) -> str:
    return "tune" if hashlib.sha256(case_id.encode()).digest()[0] % 2 == 0 else "holdout"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch_dir", type=Path, help="folder holding the writers' writer-*.jsonl files")
    folder = parser.parse_args(argv).batch_dir
    writers = sorted(folder.glob("writer-*.jsonl"))
    if not writers:
        print(f"split_batch: no writer-*.jsonl files in {folder}", file=sys.stderr)
        return 2
    out: dict[str, list[str]] = {"tune": [], "holdout": []}
    for path in writers:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out[half(json.loads(line)["id"])].append(line)
    for name, lines in out.items():
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} cases")
    for path in writers:
        path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
