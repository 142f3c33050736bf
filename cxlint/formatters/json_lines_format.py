"""JSON Lines: one finding per line (the finding object of ``--format json``), for streaming and ``jq -c``."""

from __future__ import annotations

from typing import TextIO

from cxlint.formatters.common import finding_record, problem_record
from cxlint.formatters.escaping import write_json
from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    for finding in result.findings:
        write_json(finding_record(finding), stream)
        stream.write("\n")
    for problem in result.problems:
        write_json({"type": "error", **problem_record(problem)}, stream)
        stream.write("\n")
