"""Registries for ``cxlint eval``: each case's own (relative to the cases file), loaded once each."""

from __future__ import annotations

import datetime as dt

from cxlint.evaluation.cases import Case
from cxlint.promises.lint import PromiseCheck
from cxlint.promises.registry import Registry, load_registry


class RegistryChecks:
    """A case naming a registry is checked against it; ``--promises`` supplies one for the others."""

    def __init__(self, today: dt.date, default: str | None = None) -> None:
        self.today = today
        self.default = default
        self._loaded: dict[str, Registry] = {}
        self.used = 0

    def for_case(self, case: Case) -> PromiseCheck | None:
        path = str(case.registry) if case.registry is not None else self.default
        if path is None:
            return None
        if path not in self._loaded:
            self._loaded[path] = load_registry(path)
        self.used += 1
        return PromiseCheck(self._loaded[path], self.today)
