"""Signal scoring: signals in one sentence stack multiplicatively; severity follows the score.

The weights and the severity bands are declared by each pack (``scoring:``), not keyed on a category.
"""

from __future__ import annotations

import math

from cxlint.rulepack.model import Scoring


def stacked_score(signals: set[str], weights: dict[str, float]) -> float:
    """The product of the weights of the distinct signals that fired (unknown signals weigh 1).

    Multiplied in sorted order: a set's order follows the process's string hashing, and floating
    point products in another order can differ in the last bit, which rounding then shows
    (14.85 printed as 14.8 by one process and 14.9 by another).
    """
    return math.prod(weights.get(signal, 1.0) for signal in sorted(signals)) if signals else 1.0


def severity_for_score(base: str, score: float, scoring: Scoring) -> str:
    """A rule's base severity, raised to error for a high score and lowered to info for a low one."""
    if score >= scoring.error_at:
        return "error"
    if score < scoring.info_below:
        return "info"
    return base


def lower(severity: str) -> str:
    """One step down: error -> warning -> info."""
    return {"error": "warning", "warning": "info"}.get(severity, "info")
