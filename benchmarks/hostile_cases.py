"""The large hostile inputs of the bad-input contract, timed through the CLI beside a normal file.

Usage: python benchmarks/hostile_cases.py [--runs 1]

Each case is a file that once took minutes (quadratic stages) next to a creepy neighbour whose
three findings must survive. Prints seconds per case, the exit code, and whether the
neighbour's findings were reported; the contract is well under 20 s each on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEIGHBOUR = "We noticed you viewed the blue sofa 3 times at 11:48 PM.\n"
CLAIMS = (
    "Guaranteed, unlimited, 24/7 support, lifetime warranty, risk-free, free shipping forever, lowest price ever, "
    "100% uptime, replies within 1 hour, money-back guarantee, the best in the world, never shares your data."
)

CASES = {
    "64 KB of blank lines": ("blank.md", "\n" * 65_536),
    "20,000 brackets after a claim": ("brackets.md", "We noticed you viewed the green lamp 5 times at 2:14 AM " + "[" * 20_000 + "\n"),
    "dense promise prose, 478 KB": ("claims.md", (CLAIMS + "\n\n") * 2222),
    "a 1 MB line without full stops": ("oneline.md", "word " * 200_000 + "\n"),
    "100,000 short lines in one block": ("lines.md", "a line\n" * 100_000),
    "50,000 <html starts": ("tags.html", "<html " * 50_000),
}


def run_case(work: Path, name: str, text: str) -> tuple[float, int, bool]:
    folder = work / name.replace(".", "-")
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "creepy.md").write_text(NEIGHBOUR, encoding="utf-8")
    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "cxlint", "check", "--format", "json", "--no-progress", name, "creepy.md"],
                         cwd=folder, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    seconds = time.perf_counter() - began
    rules = {f["rule"] for f in json.loads(run.stdout)["findings"] if f["path"] == "creepy.md"}
    return seconds, run.returncode, {"CX101", "CX102", "CX104"} <= rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"{'case':<36} {'seconds':>8} {'exit':>5}  neighbour kept")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, text) in CASES.items():
            results = [run_case(Path(tmp) / f"{n}", name, text) for n in range(args.runs) if (Path(tmp) / f"{n}").mkdir(exist_ok=True) is None]
            seconds = min(r[0] for r in results)
            print(f"{label:<36} {seconds:8.2f} {results[0][1]:>5}  {'yes' if all(r[2] for r in results) else 'NO'}", flush=True)


if __name__ == "__main__":
    main()
