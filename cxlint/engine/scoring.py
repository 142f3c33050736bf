"""Barista scoring: signals in one sentence stack multiplicatively; severity follows the score."""

from __future__ import annotations

import math

ERROR_SCORE = 4.0
INFO_SCORE = 1.3


def stacked_score(signals: set[str], weights: dict[str, float]) -> float:
    """The product of the weights of the distinct signals that fired (unknown signals weigh 1)."""
    return math.prod(weights.get(signal, 1.0) for signal in signals) if signals else 1.0


def severity_for_score(base: str, score: float) -> str:
    """A rule's base severity, raised to error for a high score and lowered to info for a low one."""
    if score >= ERROR_SCORE:
        return "error"
    if score < INFO_SCORE:
        return "info"
    return base


def lower(severity: str) -> str:
    """One step down: error -> warning -> info."""
    return {"error": "warning", "warning": "info"}.get(severity, "info")
