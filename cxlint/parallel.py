"""Large runs use every core: files are independent, so forked workers read and lint them.

Workers are forked after the rule set is built, so they inherit it instead of rebuilding it;
each imports spaCy only if one of its files needs it. Results come back in file order, so the
output is the same as a serial run. Small runs (a pre-commit hook's handful of files) stay
serial: forking costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any

PARALLEL_MIN_FILES = 48
"""Below this many files a run stays in one process."""

PARALLEL_MIN_BYTES = 1_000_000
"""Below this much text a run stays in one process too: starting workers costs more than linting
a few hundred small files (200 files of 400 bytes: 0.7 s serial, 1.3 s with two workers)."""

MAX_AUTO_JOBS = 4

_worker_task: Callable[[Any], Any] | None = None


def auto_jobs(files: int, requested: int | None, total_bytes: Callable[[], int] | None = None) -> int:
    """How many processes to use: the request, or (None/0) one per core for large runs, at most four.

    A run is large when it has at least PARALLEL_MIN_FILES files and (when ``total_bytes`` can
    say, asked only then) at least PARALLEL_MIN_BYTES of them.
    """
    if requested is not None and requested > 0:
        return requested
    if files < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if total_bytes is not None and total_bytes() < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


def ordered_map(task: Callable[[Any], Any], items: list[Any], jobs: int) -> Iterator[Any]:
    """``map(task, items)`` in order, spread over ``jobs`` forked processes when jobs > 1."""
    if jobs <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(task, items)
        return
    global _worker_task
    _worker_task = task  # inherited by the forked workers; nothing is pickled but the items
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    with context.Pool(processes=jobs) as pool:
        yield from pool.imap(_run, items, chunksize=chunk)


def _run(item: Any) -> Any:
    assert _worker_task is not None  # set by ordered_map before the fork
    return _worker_task(item)
