"""JSON Lines: one finding per line (the DESIGN.md finding object), for streaming and ``jq -c``."""

from __future__ import annotations

import json
from typing import TextIO

from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    for finding in result.findings:
        stream.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
    for problem in result.problems:
        stream.write(json.dumps({"type": "error", **problem.to_dict()}, ensure_ascii=False) + "\n")
