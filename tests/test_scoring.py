"""Signal scores are the same in every process, whatever its string hashing."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from cxlint.engine.scoring import stacked_score
weights = {"cross-context": 1.7, "inference": 1.9, "observer": 1.8, "sensitive": 2.55, "precise-time": 1.45, "exact-count": 1.35}
print(repr(stacked_score(set(weights), weights)), repr(stacked_score({"observer", "sensitive", "inference", "cross-context"}, weights)))
"""


def test_a_score_does_not_depend_on_the_hash_seed() -> None:
    """Dask workers and separate runs hash strings differently: set order must not reach the score."""
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5", "6", "7"):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
