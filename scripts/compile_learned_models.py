#!/usr/bin/env python3
"""Compile each learned model's reviewable JSON (cxlint/data/learned/*.json) into the table cxlint loads (*.bin).

usage: python3 scripts/compile_learned_models.py

``benchmarks/textcat/export.py`` writes both when it exports a model; run this after editing a JSON
by hand. The test suite checks that every .bin is what its JSON compiles to.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cxlint.learned.model import compile_model  # noqa: E402


def main() -> int:
    for source in sorted((REPO / "cxlint" / "data" / "learned").glob("*.json")):
        target = source.with_suffix(".bin")
        target.write_bytes(compile_model(source))
        print(f"{target.relative_to(REPO)}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
