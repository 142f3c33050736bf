"""Shared helpers for the reader tests: lint a file as the CLI would, and check positions independently."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cxlint.findings import FileProblem, Finding
from cxlint.rulepack.model import RuleSet
from cxlint.runner import lint_paths
from cxlint.testing import default_ruleset

CREEPY = "We spotted you browsing winter coats again."
PROMISE = "Guaranteed results in 30 days or your money back!"


@lru_cache(maxsize=1)
def ruleset() -> RuleSet:
    return default_ruleset()


def lint_file(tmp_path: Path, name: str, content: str | bytes, channel: str | None = None) -> tuple[list[Finding], list[FileProblem], str]:
    """Write ``content`` to ``tmp_path/name``, lint it, return findings, problems and the decoded source."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    result = lint_paths([str(path)], ruleset(), channel=channel)
    source = data.decode("utf-8-sig", errors="replace")
    return result.findings, result.problems, source


def source_slice(source: str, finding: Finding) -> str:
    """The text between a finding's (line, column) and (end_line, end_column), computed without LineIndex."""
    lines = source.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    start = offsets[finding.line - 1] + finding.column - 1
    end = offsets[finding.end_line - 1] + finding.end_column - 1
    return source[start:end]


def assert_exact(findings: list[Finding], source: str) -> None:
    for finding in findings:
        if finding.extra and dict(finding.extra).get("part", "").startswith(("decoded", "Subject (encoded")):
            continue
        assert finding.text == source_slice(source, finding), finding
        assert finding.text == source[finding.start : finding.end]


def texts(findings: list[Finding]) -> list[str]:
    return [f.text for f in findings]
