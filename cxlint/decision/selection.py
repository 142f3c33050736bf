"""Which rules run on which file, and at what severity: config ``enable``/``disable``/``severity``
and the per-glob overrides, as ruff's select/ignore/per-file-ignores.

A selector is a rule id (``CX101``), an id prefix (``CX1``), a category (``barista``), a pack
name, or ``ALL``. An unknown selector in the config is a config error (exit 2) that names
the file and line and suggests the closest known selector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cxlint.config.model import Config, Override
from cxlint.errors import ConfigError
from cxlint.report import RuleInfo
from cxlint.rulepack.names import closest

_PREFIX = re.compile(r"^[A-Z]+\d*$")


def selector_matches(selector: str, rule: RuleInfo) -> bool:
    if selector == "ALL" or selector in (rule.category, rule.pack):
        return True
    upper = selector.upper()
    return upper == rule.id or (bool(_PREFIX.match(upper)) and rule.id.startswith(upper))


def _specificity(selector: str, rule: RuleInfo) -> int:
    """Exact id beats prefix beats category/pack beats ALL, so ``barista: info`` + ``CX101: error`` works."""
    upper = selector.upper()
    if upper == rule.id:
        return 3
    if selector == "ALL":
        return 0
    if selector in (rule.category, rule.pack):
        return 1
    return 2


def known_selector(selector: str, rules: Iterable[RuleInfo]) -> bool:
    return any(selector_matches(selector, rule) for rule in rules)


def unknown_selectors(selectors: Iterable[str], rules: list[RuleInfo], where: str) -> list[str]:
    """A config error for each selector that matches no rule, with the closest valid name."""
    vocabulary = sorted({r.id for r in rules} | {r.category for r in rules} | {r.pack for r in rules if r.pack})
    errors = []
    for selector in selectors:
        if not known_selector(selector, rules):
            hint = closest(selector, vocabulary)
            suggestion = f"; did you mean '{hint}'?" if hint else "; `cxlint rules` lists the rules"
            errors.append(f"{where}: unknown rule, category or pack '{selector}'{suggestion}")
    return errors


class Policy:
    """Rule selection and severity for each file, from one validated config."""

    def __init__(self, config: Config, rules: dict[str, RuleInfo], enable: tuple[str, ...] = (), disable: tuple[str, ...] = ()) -> None:
        self.config = config
        self.rules = rules
        self.enable = enable or config.enable
        self.disable = config.disable + disable
        known = list(rules.values())
        errors = unknown_selectors(config.enable, known, config.where("enable"))
        errors += unknown_selectors(config.disable, known, config.where("disable"))
        errors += unknown_selectors((s for s, _ in config.severity), known, config.where("severity"))
        for override in config.per_file:
            selectors = override.enable + override.disable + tuple(s for s, _ in override.severity)
            errors += unknown_selectors(selectors, known, f"{config.path}:{override.line}")
        errors += unknown_selectors(enable + disable, known, "--enable/--disable")
        if errors:
            raise ConfigError(errors)
        self._cache: dict[str, tuple[frozenset[str], dict[str, str]]] = {}
        self._by_overrides: dict[tuple[int, ...], tuple[frozenset[str], dict[str, str]]] = {}

    def _for(self, path: str) -> tuple[frozenset[str], dict[str, str]]:
        cached = self._cache.get(path)
        if cached is not None:
            return cached
        overrides = self.config.overrides_for(path) if path != "-" else []
        key = tuple(map(id, overrides))  # the selection depends on the path only through the overrides it matches
        cached = self._by_overrides.get(key)
        if cached is None:
            cached = self._by_overrides[key] = self._selection(overrides)
        self._cache[path] = cached
        return cached

    def _selection(self, overrides: list[Override]) -> tuple[frozenset[str], dict[str, str]]:
        """The rules enabled and the severity levels set where ``overrides`` apply: worked out once for
        each set of matching overrides (most runs have one, none), not once a file."""
        enabled = set()
        levels: dict[str, str] = {}
        for rule in self.rules.values():
            on = (not self.enable or any(selector_matches(s, rule) for s in self.enable)) and not any(
                selector_matches(s, rule) for s in self.disable
            )
            for override in overrides:
                if any(selector_matches(s, rule) for s in override.enable):
                    on = True
                if any(selector_matches(s, rule) for s in override.disable):
                    on = False
            if on:
                enabled.add(rule.id)
            level = _level(rule, self.config.severity)
            for override in overrides:
                level = _level(rule, override.severity) or level
            if level:
                levels[rule.id] = level
        return frozenset(enabled), levels

    def disabled(self, path: str) -> frozenset[str]:
        """Rules switched off for ``path``."""
        enabled, _ = self._for(path)
        return frozenset(self.rules) - enabled

    def enabled(self, path: str, rule_id: str) -> bool:
        enabled, _ = self._for(path)
        return rule_id in enabled or rule_id not in self.rules

    def severity(self, path: str, rule_id: str, current: str) -> str:
        _, levels = self._for(path)
        return levels.get(rule_id, current)


def _level(rule: RuleInfo, pairs: tuple[tuple[str, str], ...]) -> str | None:
    best: tuple[int, str] | None = None
    for selector, level in pairs:
        if selector_matches(selector, rule):
            rank = _specificity(selector, rule)
            if best is None or rank >= best[0]:
                best = (rank, level)
    return best[1] if best else None
