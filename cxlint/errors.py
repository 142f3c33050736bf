"""The errors cxlint raises on purpose; anything else is an internal error."""

from __future__ import annotations


class FatalError(Exception):
    """A usage, configuration or rule-pack error: the run stops with exit code 2."""


class InputError(Exception):
    """One input file cannot be read; the run reports it and goes on with the others."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class RuleError(Exception):
    """A rule broke while linting (e.g. a user regex hit its time limit): reported, the run goes on."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


def keep_rule_error(errors: list[RuleError] | None, exc: RuleError) -> None:
    """Keep a broken rule's error for the file's report, so the caller can skip that rule and go on;
    without a list to keep it in (a caller that wants the error), raise it."""
    if errors is None:
        raise exc
    errors.append(exc)
