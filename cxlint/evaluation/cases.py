"""Labelled cases: load and validate the JSON Lines format of the labelling guideline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cxlint.errors import FatalError
from cxlint.findings import CATEGORIES


@dataclass(frozen=True)
class Case:
    """One labelled case: its copy, channel, yes/no per category and the registry it is judged against."""

    id: str
    channel: str | None
    text: str
    labels: dict[str, bool]
    difficulty: str
    why: str
    registry: Path | None


def load_cases(path: str) -> list[Case]:
    """Read every case; a malformed line is a FatalError naming file:line."""
    base = Path(path).resolve().parent
    cases: list[Case] = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read cases: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FatalError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise FatalError(f"{path}:{number}: a case needs a 'text' string")
        labels = {}
        for category in CATEGORIES:
            value = raw.get(category, False)
            if not isinstance(value, bool):
                raise FatalError(f"{path}:{number}: '{category}' must be true or false")
            labels[category] = value
        registry = raw.get("registry")
        cases.append(
            Case(
                id=str(raw.get("id", f"line{number}")),
                channel=raw.get("channel"),
                text=raw["text"],
                labels=labels,
                difficulty=str(raw.get("difficulty", "")),
                why=str(raw.get("why", "")),
                registry=(base / registry) if registry else None,
            )
        )
    return cases
