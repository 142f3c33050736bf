"""Large runs use every core: files are independent, so forked workers read and lint them.

Workers are forked after the rule set is built, so they inherit it instead of rebuilding it;
each imports spaCy only if one of its files needs it. Results come back in file order, so the
output is the same as a serial run, and only a bounded window of results ever waits for its
turn. Small runs (a pre-commit hook's handful of files) stay serial: forking costs more than
it saves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

PARALLEL_MIN_FILES = 48
"""Below this many files a run stays in one process."""

PARALLEL_MIN_BYTES = 1_000_000
"""Below this much text a run stays in one process too: starting workers costs more than linting
a few hundred small files (200 files of 400 bytes: 0.7 s serial, 1.3 s with two workers)."""

MAX_AUTO_JOBS = 4

MAX_CHUNK = 4
"""Files sent to a worker at once: enough to save messages on many small files, few enough that
a chunk of large finding-dense files (a few MB of findings each) stays small."""

CHUNKS_PER_WORKER = 4
"""Chunks handed out per worker at a time: each has work queued while the main process writes."""

_worker_task: Callable[[Any], Any] | None = None

CAN_FORK = hasattr(os, "fork")
"""Workers are forked (they inherit the rule set); where a process cannot fork, runs stay serial.
Asked of ``os`` rather than ``multiprocessing``, whose import (sockets, pickling) a small run never needs."""


def auto_jobs(files: int, requested: int | None, total_bytes: Callable[[], int] | None = None) -> int:
    """How many processes to use: the request, or (None/0) one per core for large runs, at most four.

    A run is large when it has at least PARALLEL_MIN_FILES files and (when ``total_bytes`` can
    say, asked only then) at least PARALLEL_MIN_BYTES of them.
    """
    if requested is not None and requested > 0:
        return requested
    if files < PARALLEL_MIN_FILES or not CAN_FORK:
        return 1
    if total_bytes is not None and total_bytes() < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS))


def forks(items: int, jobs: int) -> bool:
    """Whether :func:`ordered_map` runs ``items`` items in other processes (else in this one)."""
    return jobs > 1 and items >= 2 and CAN_FORK


def ordered_map(task: Callable[[Any], Any], items: list[Any], jobs: int) -> Iterator[Any]:
    """``map(task, items)`` in order, spread over ``jobs`` forked processes when jobs > 1.

    Items go to the workers in chunks (one message per chunk, not per item), and only a window
    of chunks is handed out at a time: a result that comes back early waits for those before
    it, but no more than the window's worth ever waits in this process, however fast the
    workers and however slow the consumer (a report written to a slow pipe).
    """
    if not forks(len(items), jobs):
        yield from map(task, items)
        return
    import multiprocessing

    global _worker_task
    _worker_task = task  # inherited by the forked workers; nothing is pickled but the items
    context = multiprocessing.get_context("fork")
    size = max(1, min(MAX_CHUNK, len(items) // (jobs * 8)))
    chunks = (items[start : start + size] for start in range(0, len(items), size))
    with context.Pool(processes=jobs) as pool:
        window: deque[AsyncResult[list[Any]]] = deque(pool.apply_async(_run_chunk, (chunk,)) for chunk in islice(chunks, jobs * CHUNKS_PER_WORKER))
        while window:
            done = window.popleft().get()
            for chunk in islice(chunks, 1):
                window.append(pool.apply_async(_run_chunk, (chunk,)))
            yield from done


def _run_chunk(items: list[Any]) -> list[Any]:
    assert _worker_task is not None  # set by ordered_map before the fork
    return [_worker_task(item) for item in items]
