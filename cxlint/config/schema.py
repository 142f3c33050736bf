"""Validate raw config data into a :class:`Config`; every error names ``file:line`` and the bad key.

A misspelt key is the commonest config bug, so an unknown key suggests the closest known
one (``exlude`` -> ``exclude``), and snake_case spellings point to the kebab-case ones.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from cxlint.channels import CHANNELS
from cxlint.config.model import Config, Override
from cxlint.config.sources import KEY_LINES, Locate, strip
from cxlint.sizes import parse_size
from cxlint.errors import ConfigError
from cxlint.findings import SEVERITIES
from cxlint.rulepack.names import closest

FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "full", "json", "json-lines", "sarif", "github", "junit", "gitlab", "rdjson")
"""Kept in step with ``cxlint.formatters.FORMATTERS`` (a test checks), without importing them."""

_LIST_KEYS = ("include", "exclude", "enable", "disable", "packs", "allow-words", "skip-strings")
TOP_KEYS = (*_LIST_KEYS, "severity", "per-file", "promises", "fail-on", "format", "channel", "require-reason", "max-file-size")
OVERRIDE_KEYS = ("enable", "disable", "severity", "channel")


class _Check:
    """Validation helpers bound to one file: each problem is noted with its ``file:line`` and
    validation goes on with a neutral value, so one run reports every mistake in the file."""

    def __init__(self, shown: str, locate: Locate) -> None:
        self.shown = shown
        self.locate = locate
        self.errors: list[str] = []

    def fail(self, keys: tuple[str, ...], message: str) -> None:
        self.errors.append(f"{self.shown}:{self.locate(keys)}: {message}")

    def known(self, mapping: dict[str, Any], allowed: tuple[str, ...], keys: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key == KEY_LINES or key in allowed:
                continue
            hint = closest(str(key).replace("_", "-"), allowed)
            suggestion = f"; did you mean '{hint}'?" if hint else f"; known keys: {', '.join(allowed)}"
            self.fail((*keys, str(key)), f"unknown {what} key '{key}'{suggestion}")

    def strings(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(keys, f"'{keys[-1]}' must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)

    def choice(self, value: Any, allowed: tuple[str, ...], keys: tuple[str, ...]) -> str | None:
        if value not in allowed:
            hint = closest(str(value), allowed)
            suggestion = f" (did you mean '{hint}'?)" if hint else ""
            self.fail(keys, f"'{keys[-1]}' must be one of {', '.join(allowed)}, not {value!r}{suggestion}")
            return None
        return str(value)

    def severities(self, value: Any, keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            self.fail(keys, f"'{keys[-1]}' must map rules, categories or packs to {', '.join(SEVERITIES)}")
            return ()
        levels = []
        for selector, level in value.items():
            if selector == KEY_LINES:
                continue
            chosen = self.choice(level, SEVERITIES, (*keys, str(selector)))
            if chosen is not None:
                levels.append((str(selector), chosen))
        return tuple(levels)

    def optional(self, data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        return self.choice(data[key], allowed, (key,)) if key in data else None

    def raise_errors(self, config: Config) -> None:
        """Stop with every problem noted (``config`` holds the rest, for the checks that come later)."""
        if self.errors:
            raise ConfigError(self.errors, config)


def build_config(shown: str, root: str, data: Any, locate: Locate) -> Config:
    """Validate ``data`` (from ``shown``, whose folder is ``root``) and resolve its paths.

    Raises one :class:`ConfigError` listing every problem, each with its ``file:line``.
    """
    check = _Check(shown, locate)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([f"{shown}:1: the config must be a mapping of settings"])
    check.known(data, TOP_KEYS, (), "config")
    values: dict[str, Any] = {}
    for key in _LIST_KEYS:
        if key in data:
            values[key] = check.strings(data[key], (key,))
    resolve: Callable[[str], str] = lambda p: os.path.normpath(os.path.join(root, p))  # noqa: E731
    per_file = _overrides(check, data.get("per-file"))
    promises = data.get("promises")
    if promises is not None and not (isinstance(promises, str) and promises.strip()):
        check.fail(("promises",), "'promises' must be a path to the promises registry")
        promises = None
    require_reason = data.get("require-reason", True)
    if not isinstance(require_reason, bool):
        check.fail(("require-reason",), "'require-reason' must be true or false")
        require_reason = True
    max_file_size = None
    if "max-file-size" in data:
        try:
            max_file_size = parse_size(data["max-file-size"])
        except ValueError as exc:
            check.fail(("max-file-size",), f"'max-file-size': {exc}")
    config = Config(
        path=shown,
        root=root,
        include=values.get("include", ()),
        exclude=values.get("exclude", ()),
        enable=values.get("enable", ()),
        disable=values.get("disable", ()),
        severity=check.severities(data["severity"], ("severity",)) if "severity" in data else (),
        per_file=per_file,
        packs=tuple(resolve(p) for p in values.get("packs", ())),
        promises=resolve(promises) if promises else None,
        fail_on=check.optional(data, "fail-on", FAIL_ON),
        format=check.optional(data, "format", FORMATS),
        channel=check.optional(data, "channel", CHANNELS),
        allow_words=values.get("allow-words", ()),
        skip_strings=values.get("skip-strings", ()),
        require_reason=require_reason,
        max_file_size=max_file_size,
        lines={key: locate((key,)) for key in data if key != KEY_LINES},
    )
    check.raise_errors(config)
    return config


def _overrides(check: _Check, value: Any) -> tuple[Override, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        check.fail(("per-file",), "'per-file' must map globs to settings (enable, disable, severity, channel)")
        return ()
    overrides = []
    for glob, spec in value.items():
        if glob == KEY_LINES:
            continue
        keys = ("per-file", str(glob))
        if isinstance(spec, list):  # ruff's short form: "legal/**" = ["CX201"]
            spec = {"disable": spec}
        if not isinstance(spec, dict):
            check.fail(keys, f"per-file '{glob}' must be a mapping with {', '.join(OVERRIDE_KEYS)}")
            continue
        check.known(spec, OVERRIDE_KEYS, keys, "per-file")
        overrides.append(
            Override(
                patterns=tuple(p.strip() for p in str(glob).split(",")),
                line=check.locate(keys),
                enable=check.strings(spec["enable"], (*keys, "enable")) if "enable" in spec else (),
                disable=check.strings(spec["disable"], (*keys, "disable")) if "disable" in spec else (),
                severity=check.severities(spec["severity"], (*keys, "severity")) if "severity" in spec else (),
                channel=check.choice(spec["channel"], CHANNELS, (*keys, "channel")) if "channel" in spec else None,
            )
        )
    return tuple(overrides)


__all__ = ["FAIL_ON", "FORMATS", "TOP_KEYS", "build_config", "strip"]
