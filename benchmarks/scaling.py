"""Bounded work, measured: time per MB across file sizes, and the main process's memory across corpus sizes.

Usage: python benchmarks/scaling.py [--sizes 10KB,100KB,1MB,10MB] [--kinds prose,markup,pathological]
                                    [--memory 20000x400,2000x100000] [--memory-kind prose|dense] [--runs 2]

Each size of each kind is one file, linted by a fresh ``python -m cxlint check --format json``
(the whole process, as CI runs it). Linear work shows as a flat seconds-per-MB column: a
quadratic stage shows as s/MB growing tenfold with each tenfold size. ``--memory`` lints
corpora of many files (20,000 small ones, 2,000 of 100 KB) and reports the peak RSS of the main
process (workers excluded: they are forked per run and exit), with workers and with --jobs 1.
``--memory-kind dense`` fills those corpora with finding-dense copy (about one finding per 50
bytes), where memory would grow with the findings if the run held them until the report.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Filler copy written for this benchmark: ordinary sentences, a few that rules flag, and markup.
_PLAIN = [
    "Thanks for joining us this spring.",
    "Your order ships from our warehouse in Leeds.",
    "You can change your delivery address in your account settings.",
    "Our team reads every message and answers as soon as it can.",
    "Read the care guide before you wash the linen for the first time.",
    "The new range comes in four colours and two sizes.",
    "Invite a friend and you both get a small thank-you.",
    "Questions about billing go to the accounts team.",
]
_FLAGGED = [
    "We noticed you looked at the walnut desk 4 times at 11:52 PM.",
    "Guaranteed reply within 1 hour, 24/7.",
    "Only 2 left! Offer ends in 10 minutes.",
]
_PATHOLOGICAL = [
    "\n" * 4000,
    "[" * 6000 + "\n",
    "Guaranteed, unlimited, 24/7 support, risk-free, 100% uptime, lowest price ever, money-back guarantee.\n\n" * 40,
    "word " * 3000 + "\n",
    "." * 5000 + "x\n",
    "a\n" * 3000,
]


def prose(size: int, rng: random.Random) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = [rng.choice(_FLAGGED) if rng.random() < 0.05 else rng.choice(_PLAIN) for _ in range(rng.randint(2, 6))]
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def dense(size: int, rng: random.Random) -> str:
    """Prose where most sentences are flagged: the findings, not the bytes, are what a run holds."""
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = [rng.choice(_FLAGGED) if rng.random() < 0.6 else rng.choice(_PLAIN) for _ in range(rng.randint(2, 6))]
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def markup(size: int, rng: random.Random) -> str:
    head = "<!doctype html><html><head><title>Shop</title></head><body><nav><a href='/'>Home</a></nav>\n"
    parts, total = [head], len(head)
    while total < size:
        body = " ".join(rng.choice(_PLAIN + _FLAGGED[:1]) for _ in range(3))
        block = f"<section class='promo'><h2>News</h2><p>{body}</p><!-- note --><ul><li>One</li><li>Two</li></ul></section>\n"
        parts.append(block)
        total += len(block)
    return "".join(parts)[: size - 16] + "</body></html>\n"


def pathological(size: int, rng: random.Random) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        chunk = rng.choice(_PATHOLOGICAL)
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)[:size]


KINDS = {"prose": (prose, ".md"), "markup": (markup, ".html"), "pathological": (pathological, ".md")}


def parse_size(text: str) -> int:
    units = {"KB": 1000, "MB": 1000 * 1000}
    for unit, scale in units.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * scale)
    return int(text)


def lint_seconds(path: Path) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cxlint", "check", "--format", "json", "--no-progress", str(path)],
                   cwd=REPO, stdout=subprocess.DEVNULL, env={**os.environ, "CXLINT_NO_CACHE": ""})
    return time.perf_counter() - began


SERIAL_COMPARISON_BYTES = 20_000_000
"""Corpora up to this size are also linted with --jobs 1, to show workers never make a run slower."""

_PEAK = """
import resource, sys
sys.argv = ["cxlint", *sys.argv[1:]]
from cxlint.cli import main
try:
    main()
except SystemExit:
    pass
print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_rss_kb(folder: Path, *options: str) -> tuple[int, float]:
    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", _PEAK, "check", "--format", "json", "--no-progress", *options, str(folder)],
                         cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = next(l for l in run.stderr.splitlines() if l.startswith("PEAK_KB"))
    return int(line.split()[1]), time.perf_counter() - began


def scaling(sizes: list[str], kinds: list[str], runs: int, work: Path) -> None:
    """Seconds per MB after the fixed cost of a run (start-up, loading packs: a one-line file's time)."""
    tiny = work / "tiny.md"
    tiny.write_text("Hello.\n", encoding="utf-8")
    fixed = min(lint_seconds(tiny) for _ in range(max(runs, 3)))
    print(f"fixed cost of a run (one-line file): {fixed:.2f} s")
    print(f"{'kind':<13} {'size':>7} {'seconds':>8} {'s/MB':>7}")
    for kind in kinds:
        make, suffix = KINDS[kind]
        for label in sizes:
            size = parse_size(label)
            path = work / f"{kind}-{label}{suffix}"
            path.write_text(make(size, random.Random(size)), encoding="utf-8")
            best = min(lint_seconds(path) for _ in range(runs))
            print(f"{kind:<13} {label:>7} {best:8.2f} {max(best - fixed, 0) / (size / 1e6):7.2f}", flush=True)
            path.unlink()


MEMORY_KINDS = {"prose": prose, "dense": dense}


def memory(work: Path, corpora: list[tuple[int, int]], kind: str = "prose", serial: bool = True) -> None:
    """Peak RSS of the main process, and the run's time with --jobs 1 against the default (workers)."""
    rng = random.Random(7)
    make = MEMORY_KINDS[kind]
    for count, size in corpora:
        folder = work / f"corpus-{count}"
        folder.mkdir()
        for n in range(count):
            (folder / f"f{n:05}.md").write_text(make(size, rng), encoding="utf-8")
        peak, seconds = peak_rss_kb(folder)
        what = f"{count} files of {size // 1000 or size} {'KB' if size >= 1000 else 'bytes'} ({kind})"
        line = f"{what}: main process peak RSS {peak / 1024:.0f} MiB with workers ({seconds:.1f} s)"
        if serial and count * size <= SERIAL_COMPARISON_BYTES:  # larger corpora take too long on one core
            serial_peak, serial = peak_rss_kb(folder, "--jobs", "1")
            line += f", {serial_peak / 1024:.0f} MiB with --jobs 1 ({serial:.1f} s)"
        print(line, flush=True)
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10KB,100KB,1MB,10MB")
    parser.add_argument("--kinds", default="prose,markup,pathological")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--memory", default="", metavar="COUNTxBYTES,...",
                        help="also measure peak memory on corpora of many files, e.g. 20000x400,2000x100000")
    parser.add_argument("--memory-kind", default="prose", choices=sorted(MEMORY_KINDS),
                        help="the copy of those corpora: prose (5%% flagged) or dense (most sentences flagged)")
    parser.add_argument("--no-serial", action="store_true", help="skip the --jobs 1 comparison of the memory corpora")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.sizes:
            scaling(args.sizes.split(","), args.kinds.split(","), args.runs, work)
        if args.memory:
            memory(work, [(int(c), int(b)) for c, b in (spec.split("x") for spec in args.memory.split(","))], args.memory_kind, not args.no_serial)


if __name__ == "__main__":
    main()
