"""The auditor's words, read once from ``vocabulary.yaml`` and the engine's hedge lexicon.

Keeping them in data means a CX lead can add a medium ("WhatsApp") or a competitor cue without
touching code, and the hedges that silence a promise in ``check`` are the very ones that soften
it in ``audit``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from cxlint.rulepack.sources import pack_root
from cxlint.rulepack.yamlio import LINE_KEY, load_yaml

_FILE = Path(__file__).with_name("vocabulary.yaml")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """Read with libyaml's plain loader (every run reads this file; tagging lines costs ten times as
    much); only a file that does not parse is read again with lines, for an error naming one."""
    import yaml

    text = _FILE.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        data = load_yaml(text, str(_FILE))
    assert isinstance(data, dict), f"{_FILE}: expected a mapping"
    return data


def _alternatives(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def words(name: str) -> re.Pattern[str]:
    """One vocabulary list as a single case-insensitive pattern (``every_day``, ``competitor``…)."""
    return _alternatives(list(_data()[name]))


@lru_cache(maxsize=1)
def media() -> dict[str, re.Pattern[str]]:
    """Each medium (email, chat, phone…) with the words that name it."""
    return {name: _alternatives(list(patterns)) for name, patterns in _data()["media"].items() if name != LINE_KEY}


@lru_cache(maxsize=1)
def kind_words() -> dict[str, re.Pattern[str]]:
    """Each duration kind (reply, delivery, refund, trial, guarantee) with the service words that name it."""
    return {kind: _alternatives(list(patterns)) for kind, patterns in _data()["kind_words"].items() if kind != LINE_KEY}


@lru_cache(maxsize=1)
def channel_media() -> dict[str, str]:
    return {k: str(v) for k, v in _data()["channel_media"].items() if k != LINE_KEY}


@lru_cache(maxsize=1)
def _context_lexicons() -> dict[str, Any]:
    """The engine's context lexicons (hedges and the phrases that only look like one), read once."""
    data: dict[str, Any] = load_yaml((pack_root() / "lexicons" / "context.yaml").read_text(encoding="utf-8"), "context.yaml")["lexicons"]
    return data


@lru_cache(maxsize=1)
def hedges() -> re.Pattern[str]:
    """The engine's ``hedge`` lexicon as one pattern, its ``hedge_pseudo`` phrases ("the most secure") taken out first."""
    lexicons = _context_lexicons()
    return _alternatives([_phrase(w) for w in lexicons["hedge"]["words"]] + list(_data()["hedges"]))


@lru_cache(maxsize=1)
def hedge_pseudo() -> re.Pattern[str]:
    lexicons = _context_lexicons()
    return _alternatives([_phrase(w) for w in lexicons["hedge_pseudo"]["words"]])


def _phrase(word: str) -> str:
    """A lexicon phrase as a pattern: spaces match any run of spaces, apostrophes either form."""
    return r"\s+".join(re.escape(part) for part in str(word).split()).replace("'", "['’]")


def hedge_words(text: str) -> list[str]:
    """The hedges in ``text`` that soften it, not counting phrases that only look like one ("about us")."""
    pseudo = [m.span() for m in hedge_pseudo().finditer(text)]
    return [m.group(0) for m in hedges().finditer(text) if not any(s <= m.start() < e for s, e in pseudo)]


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """One of the extractor's ``patterns`` (a full regular expression), compiled case-insensitively."""
    return re.compile(str(_data()["patterns"][name]), re.IGNORECASE)


@lru_cache(maxsize=1)
def subjects() -> dict[str, tuple[str, str]]:
    """Each kind's subject label and the words that name its variant ("chat", "standard")."""
    return {kind: (str(spec["label"]), str(spec["words"])) for kind, spec in _data()["subjects"].items() if kind != LINE_KEY}
