"""``map(task, items)`` in order over a running ``dask.distributed`` scheduler.

The task (the run's rule set, configuration and decision, closed over) is sent to every worker
once; items travel in batches, so a cluster sees a few hundred tasks, not one per file. Results
come back in item order, so the output is byte for byte that of a local run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cxlint.errors import FatalError

TASKS_PER_WORKER = 4
"""Batches per worker thread: enough to balance uneven files, few enough to keep overhead small."""


def dask_map(task: Callable[[Any], Any], items: list[Any], address: str) -> Iterator[Any]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise FatalError('--dask needs dask.distributed: install cxlint with its dask extra (pip install ".[dask]" in a clone)') from exc
    try:
        client = Client(address, timeout="30s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise FatalError(f"--dask: cannot reach the scheduler at {address}: {exc}") from exc
    with client:
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, -(-len(items) // (threads * TASKS_PER_WORKER)))
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        [shared] = client.scatter([task], broadcast=True, hash=False)
        futures = client.map(run_batch, batches, task=shared, pure=False)
        try:
            for future in futures:
                yield from future.result()
        finally:
            client.cancel(futures)


def run_batch(batch: list[Any], task: Callable[[Any], Any]) -> list[Any]:
    """Run on a worker: the task over one batch, in order."""
    return [task(item) for item in batch]
