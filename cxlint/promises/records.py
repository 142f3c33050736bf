"""A promise record: one promise found in copy, structured for the registry and the audit."""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.findings import Finding
from cxlint.promises.values import Value


@dataclass(frozen=True)
class PromiseRecord:
    """``kinds`` lists the registry kinds that may back it, most likely first ("save 10%": discount, outcome).

    ``strong`` records are promises even with no registry (the linter flags them, or "free");
    a weak one is a stated limit (hours, a returns window) that only the registry and other
    copy make checkable. ``media`` is what a service level is about (email, chat, phone…) and
    ``days`` the weekdays it says it holds on (None: it does not say); ``own_voice`` is False for
    copy about other companies, quotes and measurements; ``modifiers`` are the engine's ConText
    categories whose scope covers it.
    """

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    context: str
    kinds: tuple[str, ...]
    subject: str
    value: Value | None
    qualifiers: tuple[str, ...]
    hedged: bool
    channel: str | None
    strong: bool
    findings: tuple[Finding, ...] = ()
    entry_id: str | None = None
    part: str | None = None
    own_voice: bool = True
    media: frozenset[str] = frozenset()
    days: frozenset[int] | None = None
    modifiers: frozenset[str] = frozenset()
    place: tuple[tuple[str, object], ...] = ()
    """Where it stands beyond file and line: the JSON Pointer of its string, an archive message's id."""
    earlier: str = ""
    """The sentences before its context in its paragraph (up to two), which may name what it is about."""

    @property
    def kind(self) -> str:
        return self.kinds[0]

    @property
    def value_text(self) -> str:
        return str(self.value) if self.value is not None else ""

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "text": self.text, "kind": self.kind, "subject": self.subject,
            "value": self.value_text, "qualifiers": list(self.qualifiers), "channel": self.channel,
            "rules": sorted({f.rule for f in self.findings}), **dict(self.place),
        }
