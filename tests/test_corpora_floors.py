"""Our own labelled corpora: per-category floors that a regression must not break.

The floors sit a little under today's figures (corpora/README.md), so a change that loses
recall or precision on a category fails here before it reaches users.
"""

from __future__ import annotations

from pathlib import Path

import io

import pytest

from cxlint.commands.evaluate import run_eval
REPO = Path(__file__).resolve().parent.parent

FLOORS = {  # category: (precision, recall)
    "barista": (0.95, 0.82),
    "promise": (0.95, 0.92),
    "pressure": (0.95, 0.95),
}


@pytest.fixture(scope="module")
def table() -> dict[str, tuple[float, float]]:
    out = io.StringIO()
    run_eval(str(REPO / "corpora" / "cases.jsonl"), out, verbose=False, min_severity="warning")
    rows = {}
    for line in out.getvalue().splitlines():
        parts = line.split()
        if parts and parts[0] in FLOORS:
            rows[parts[0]] = (float(parts[1]), float(parts[2]))
    return rows


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_floor(category: str, table: dict[str, tuple[float, float]]) -> None:
    precision, recall = table[category]
    floor_p, floor_r = FLOORS[category]
    assert precision >= floor_p, f"{category} precision {precision} < {floor_p}"
    assert recall >= floor_r, f"{category} recall {recall} < {floor_r}"
