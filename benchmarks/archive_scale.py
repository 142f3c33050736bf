#!/usr/bin/env python3
"""Lint a large message archive made from real copy on a local Dask cluster; report messages per
second per worker and check the output against a local run on a sample.

    python benchmarks/archive_scale.py REALCOPY_DIR [--messages 1000000] [--workers 2] [--sample 10000] [--command audit]

The archive is made from the copy cxlint reads in the real-copy corpus: every file is read with
its reader, its copy split into paragraphs (the masks' blocks), and paragraphs are written round
robin as JSON Lines messages ``{"id", "channel", "text"}`` until there are ``--messages``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import checkout  # noqa: F401  (first: the cxlint of this checkout, not an installed one)
from cxlint.errors import InputError
from cxlint.readers import reader_for
from cxlint.runner import read_document

_BLOCK = re.compile(r"[\n\u2029]\s*[\n\u2029]|\u2029")
_CHANNELS = ("email", "landing", "sms", "push", "chatbot", "onboarding", "in-app")


def paragraphs(realcopy: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(p for p in realcopy.rglob("*") if p.is_file() and reader_for(str(p))):
        try:
            doc = read_document(str(path))
        except InputError:
            continue
        for block in _BLOCK.split(doc.mask):
            text = " ".join(block.split())
            if len(text.split()) >= 4:
                found.append(text)
    return found


def write_archive(path: Path, texts: list[str], count: int) -> None:
    cycle = itertools.cycle(texts)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(json.dumps({"id": f"m{number}", "channel": _CHANNELS[number % 7], "text": next(cycle)}) + "\n")


def cxlint(command: str, *args: str) -> tuple[float, bytes]:
    began = time.perf_counter()
    quiet = ("--no-progress",) if command == "check" else ()
    done = subprocess.run([sys.executable, "-m", "cxlint", command, *args, "--format", "json", "--isolated", *quiet],
                          capture_output=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode(errors="replace"))
    return time.perf_counter() - began, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realcopy", type=Path)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=10_000)
    parser.add_argument("--command", choices=("check", "audit"), default="check",
                        help="check: findings; audit: the promise inventory, its conflicts computed after the map step")
    args = parser.parse_args()
    from distributed import LocalCluster

    texts = paragraphs(args.realcopy)
    print(f"{len(texts)} paragraphs of real copy")
    with tempfile.TemporaryDirectory() as folder, LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        sample, archive = Path(folder) / "sample.jsonl", Path(folder) / "archive.jsonl"
        write_archive(sample, texts, args.sample)
        _, local = cxlint(args.command, str(sample), "--jobs", "1")
        _, remote = cxlint(args.command, str(sample), "--dask", cluster.scheduler_address)
        print(f"sample of {args.sample:,} messages: local and Dask outputs {'identical' if local == remote else 'DIFFER'}")
        write_archive(archive, texts, args.messages)
        print(f"archive: {args.messages:,} messages, {archive.stat().st_size / 1e6:.0f} MB")
        seconds, out = cxlint(args.command, str(archive), "--dask", cluster.scheduler_address)
        summary = json.loads(out)["summary"]
        rate = args.messages / seconds
        found = f"{summary['findings']:,} findings" if args.command == "check" else f"{summary['promises']:,} promises, {summary['conflicts']:,} conflicts"
        print(f"{seconds:.0f} s on {args.workers} workers: {rate:,.0f} messages/s, {rate / args.workers:,.0f} per worker; {found}")


if __name__ == "__main__":
    main()
