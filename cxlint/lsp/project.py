"""One loaded engine for every open document: the rule set, policy and decision of each config file.

A document is linted with the config ``check`` would find for its path (``.cxlint.yaml`` or
``[tool.cxlint]`` above it), its packs, ``exclude``/``include`` and per-file settings. What a
config builds is kept until the config file or one of its packs changes on disk (checked by
``stat`` before each lint), so editing ``.cxlint.yaml`` takes effect on the next keystroke.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxlint.commands.check import rule_infos
from cxlint.config import Config, find_config, load_config
from cxlint.decision import DecideOptions, file_decider
from cxlint.decision.per_file import FileDecider
from cxlint.decision.selection import Policy
from cxlint.promises.registry import Registry
from cxlint.report import RuleInfo
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.rulepack.model import RuleSet

if TYPE_CHECKING:
    from cxlint.promises.lint import PromiseCheck

Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Settings:
    """What linting a document under one config needs, built once per config version."""

    config: Config
    ruleset: RuleSet
    policy: Policy
    decider: FileDecider
    registry: Registry | None
    stamp: Stamp

    @property
    def rules(self) -> dict[str, RuleInfo]:
        return self.policy.rules

    def promise_check(self, today: dt.date | None = None) -> PromiseCheck | None:
        """A fresh registry check for one lint (its assessments are that document's alone), or None."""
        if self.registry is None:
            return None
        from cxlint.promises.lint import PromiseCheck

        return PromiseCheck(self.registry, today or dt.date.today())


class Project:
    """Settings by config file, and the built-in rule set every config without packs shares."""

    def __init__(self, fallback_folder: str | None = None) -> None:
        self.fallback_folder = fallback_folder or os.getcwd()
        self._builtin: RuleSet | None = None
        self._documented: frozenset[str] = frozenset()
        self._settings: dict[str | None, Settings] = {}

    def builtin(self) -> RuleSet:
        if self._builtin is None:
            self._builtin = load_ruleset(builtin_sources())
            self._documented = frozenset(rule.id for rule in self._builtin.rules)
        return self._builtin

    def documented(self) -> frozenset[str]:
        """The ids of the rules shipped with cxlint: those docs/rules.md explains."""
        self.builtin()
        return self._documented

    def config_path(self, path: str | None) -> str | None:
        """The config ``check`` would use for ``path`` (for a buffer without a file: the workspace's)."""
        return find_config(path if path else self.fallback_folder)

    def settings_for(self, path: str | None) -> Settings:
        """The settings for a document at ``path``, rebuilt when its config or packs changed on disk.

        Raises FatalError when the config or a pack is broken (the caller reports it)."""
        config_path = self.config_path(path)
        cached = self._settings.get(config_path)
        if cached is not None and cached.stamp == _stamp(config_path, cached.config):
            return cached
        config = load_config(config_path)
        ruleset = self.builtin() if not config.packs else load_ruleset(builtin_sources() + [source_from_path(p) for p in config.packs])
        policy = Policy(config, rule_infos(ruleset))
        decider = file_decider(policy, DecideOptions(require_reason=config.require_reason, allow_words=config.allow_words))
        registry = None
        if config.promises:
            from cxlint.promises.registry import load_registry

            registry = load_registry(config.promises)
        settings = Settings(config, ruleset, policy, decider, registry, _stamp(config_path, config))
        self._settings[config_path] = settings
        return settings


def _stamp(config_path: str | None, config: Config) -> Stamp:
    """The config file's, its packs' and its registry's modification times and sizes: a change to any means reload."""
    files = [p for p in (config_path, *config.packs, config.promises) if p]
    out = []
    for file in files:
        try:
            info = os.stat(file)
            out.append((file, info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((file, -1, -1))
    return tuple(out)
