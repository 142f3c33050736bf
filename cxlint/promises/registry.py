"""The promises registry (``promises.yaml``, shared/eval/REGISTRY-FORMAT.md): load and validate.

Validation is strict because a typo in the registry silently changes what counts as backed:
unknown kinds or fields, unreadable values, duplicate ids, missing evidence and bad dates are
all errors naming file:line. Evidence that still reads "TODO" (a draft from ``cxlint init``)
is allowed, but such an entry backs nothing until a person fills it in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxlint.channels import CHANNELS
from cxlint.errors import FatalError
from cxlint.promises.scope import days_stated, media_named
from cxlint.promises.values import Value, embedded_value, parse_value
from cxlint.rulepack import schema
from cxlint.rulepack.yamlio import MAX_YAML_BYTES, item_line, line_of, load_yaml
from cxlint.textfile import read_config_text

from cxlint.promises.kinds import DAY_SCOPED, KINDS, PHRASE_KINDS, QUANTITATIVE  # noqa: F401  (re-exported)

FIELDS = frozenset(schema.REGISTRY_ENTRY)
DRAFT_MARK = "TODO"
EXPIRY_WARNING_DAYS = 30


class RegistryError(FatalError):
    """The registry is invalid: every problem, each with file:line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid promises registry:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Entry:
    """One promise the company can back: its kind, value or phrase, evidence, channels and expiry."""

    id: str
    kind: str
    phrase: str
    value: Value | None
    evidence: str
    owner: str
    reviewed: dt.date | None
    expires: dt.date | None
    channels: tuple[str, ...]
    scope: str
    line: int
    path: str
    media: frozenset[str] = frozenset()
    days: frozenset[int] | None = None

    @property
    def draft(self) -> bool:
        return self.evidence.strip().upper().startswith(DRAFT_MARK)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def describe(self) -> str:
        return f"'{self.id}' ({self.kind}: {self.phrase})"


@dataclass(frozen=True)
class Registry:
    """A loaded promises registry: its file and its entries."""

    path: str
    entries: tuple[Entry, ...]

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]


def load_registry(path: str) -> Registry:
    """Read and validate ``path``; raise RegistryError listing every problem."""
    text = read_config_text(path, "promises registry", MAX_YAML_BYTES)
    try:
        data = load_yaml(text, path)
    except FatalError as exc:  # invalid YAML, or an alias or nesting refused by the hardened loader
        raise RegistryError([str(exc)]) from exc
    return parse_registry(data, path)


def parse_registry(data: object, path: str) -> Registry:
    if not isinstance(data, dict) or not isinstance(data.get("promises"), list):
        raise RegistryError([f"{path}:1: the registry needs a top-level 'promises:' list"])
    problems: list[str] = list(schema.problems(data, schema.REGISTRY, path, level="top-level"))
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(data["promises"]):
        line = line_of(raw) or item_line(data["promises"], number)
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str) and raw_id in seen:
            problems.append(f"{path}:{line}: duplicate id '{raw_id}' (first at line {seen[raw_id]})")
            continue
        if isinstance(raw_id, str):
            seen[raw_id] = line
        entry = _entry(raw, path, line, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise RegistryError(problems)
    return Registry(path, tuple(entries))


def _entry(raw: object, path: str, line: int, problems: list[str]) -> Entry | None:
    where = f"{path}:{line}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: an entry must be a mapping with id, kind, value or text, and evidence")
        return None
    before = len(problems)
    label = f"'{raw['id']}'" if isinstance(raw.get("id"), str) else ""
    problems.extend(schema.problems(raw, schema.REGISTRY_ENTRY, path, label, noun="field"))
    if len(problems) > before:  # values of the wrong type: the checks below would misread them
        return None
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id.strip():
        problems.append(f"{where}: missing 'id'")
        entry_id = f"<line {line}>"
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: '{entry_id}': unknown kind {kind!r}; kinds are {', '.join(KINDS)}")
    phrase = raw.get("value", raw.get("text"))
    value: Value | None = None
    if phrase is None or not str(phrase).strip():
        problems.append(f"{where}: '{entry_id}': missing 'value' (or 'text' for a phrase)")
        phrase = ""
    phrase = str(phrase)
    if kind in QUANTITATIVE and phrase:
        value = parse_value(kind, phrase)
        if value is None:
            problems.append(f"{where}: '{entry_id}': cannot read {phrase!r} as a {kind} value")
    elif kind in PHRASE_KINDS and phrase:
        value = embedded_value(phrase)
    evidence = raw.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        problems.append(f"{where}: '{entry_id}': missing 'evidence' (what backs this promise?)")
        evidence = ""
    channels = raw.get("channels") or []
    if not isinstance(channels, list) or any(c not in CHANNELS for c in channels):
        problems.append(f"{where}: '{entry_id}': channels must be a list of {', '.join(CHANNELS)}")
        channels = []
    reviewed = _date(raw.get("reviewed"), "reviewed", where, entry_id, problems)
    expires = _date(raw.get("expires"), "expires", where, entry_id, problems)
    if reviewed and expires and expires < reviewed:
        problems.append(f"{where}: '{entry_id}': expires {expires} is before reviewed {reviewed}")
    if len(problems) > before:
        return None
    return Entry(
        id=str(entry_id), kind=str(kind), phrase=phrase, value=value, evidence=str(evidence),
        owner=str(raw.get("owner") or ""), reviewed=reviewed, expires=expires,
        channels=tuple(channels), scope=str(raw.get("scope") or ""), line=line, path=path,
        media=media_named(f"{entry_id} {raw.get('scope') or ''}"),
        days=days_stated(str(raw.get("scope") or "")) if kind in DAY_SCOPED else None,
    )


def _date(raw: object, name: str, where: str, entry_id: str, problems: list[str]) -> dt.date | None:
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append(f"{where}: '{entry_id}': '{name}' must be a date YYYY-MM-DD, not {raw!r}")
        return None


def expiring_soon(registry: Registry, today: dt.date, days: int = EXPIRY_WARNING_DAYS) -> list[Entry]:
    """Entries still valid today that expire within ``days``."""
    limit = today + dt.timedelta(days=days)
    return [e for e in registry.entries if e.expires is not None and today <= e.expires <= limit]
