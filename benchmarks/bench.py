#!/usr/bin/env python3
"""Lint a folder as a user would (one whole `cxlint check` process) and report speed and memory.

    python benchmarks/bench.py FOLDER [--floor PATH/TO/floor.py] [--runs 3]

Prints words, wall time (best of --runs), words per second and peak memory of the cxlint
process; with --floor, runs that script on the same folder the same way and prints the ratio.
Wall-clock figures belong here, never in tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def words_in(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += len(path.read_text(encoding="utf-8", errors="replace").split())
    return total


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Best wall time in seconds and the peak RSS in MiB of the command's own process (wait4)."""
    best = float("inf")
    peak = 0.0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command[:4])}… exited {code}: the run failed, no figure taken")
        best = min(best, time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--floor", type=Path, help="the cost-floor script to compare with")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    words = words_in(args.folder)
    import cxlint as package

    # An installed package has its bytecode compiled at install time; a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(package.__file__).parent)], check=True)
    cxlint = [sys.executable, "-m", "cxlint", "check", "--fail-on", "never", "--format", "json", str(args.folder)]
    timed(cxlint, 1)  # warm the compiled-pack cache and the file cache
    floor = [sys.executable, str(args.floor), str(args.folder)] if args.floor else None
    ours: list[float] = []
    theirs: list[float] = []
    peak = floor_peak = 0.0
    for _ in range(args.runs):  # alternate, so both see the same machine
        seconds, run_peak = timed(cxlint, 1)
        ours.append(seconds)
        peak = max(peak, run_peak)
        if floor:
            seconds, run_peak = timed(floor, 1)
            theirs.append(seconds)
            floor_peak = max(floor_peak, run_peak)
    print(f"{args.folder}: {words} words (whitespace tokens, markup included)")
    best = min(ours)
    print(f"cxlint: {best:.3f} s best, {statistics.median(ours):.3f} s median, {words / best:,.0f} words/s, peak {peak:.0f} MiB")
    if floor:
        print(f"floor:  {min(theirs):.3f} s best, {statistics.median(theirs):.3f} s median, peak {floor_peak:.0f} MiB")
        ratios = [a / b for a, b in zip(ours, theirs)]
        print(f"ratio:  {min(ours) / min(theirs):.1f}x the floor (best to best); per alternating pair: median {statistics.median(ratios):.1f}x")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
