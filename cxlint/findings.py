"""Findings: small frozen records with offsets into the original source text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxlint.positions import LineIndex

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
CATEGORIES = ("barista", "promise", "pressure")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at ``source[start:end]`` of a document.

    Slotted: a run keeps every finding for its report, so each one's size is the run's memory."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    text: str
    suggestion: str
    score: float = 1.0
    signals: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    channel: str | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=())
    replacement: str | None = None
    """Text that can safely stand in for ``text`` (a fix), when this finding knows one; else the rule's ``replacement:``."""

    @classmethod
    def at(cls, path: str, source: str, start: int, end: int, index: LineIndex | None = None, **fields: Any) -> Finding:
        """A finding over ``source[start:end]``: line, column and text are derived here, in one place."""
        index = index or LineIndex(source)
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        return cls(
            path=path,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=source[start:end],
            **fields,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON finding object (docs/ci.md, "JSON output"), plus the explanatory fields."""
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "suggestion": self.suggestion,
            "score": round(self.score, 2),
            "signals": list(self.signals),
            "modifiers": list(self.modifiers),
        }
        if self.channel:
            data["channel"] = self.channel
        if self.replacement is not None:
            data["replacement"] = self.replacement
        data.update(dict(self.extra))
        return data


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be linted (unreadable, binary, broken): reported, never fatal.

    Every such record carries the code ``CX000`` in every output format, so a CI owner can
    tell "cxlint could not lint this file" from a finding in its copy.
    """

    path: str
    message: str
    line: int | None = None
    code: str = "CX000"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "code": self.code, "message": self.message}
