"""The errors cxlint raises on purpose; anything else is an internal error."""

from __future__ import annotations

import re


class FatalError(Exception):
    """A usage, configuration or rule-pack error: the run stops with exit code 2."""


class ConfigError(FatalError):
    """Every problem found in a configuration, reported together (one ``file:line: ...`` a line).

    ``config`` is what could be read around the problems, so later checks (rule selectors,
    which need the packs) can still add theirs before the run stops.
    """

    def __init__(self, messages: list[str], config: object = None) -> None:
        self.messages = sorted(messages, key=_file_line)
        self.config = config
        super().__init__("\n".join(self.messages))


_FILE_LINE = re.compile(r"^(.+?):(\d+): ")


def _file_line(message: str) -> tuple[int, str, int]:
    """Sort key: messages with ``file:line`` first, by file and line; the others (command line) after."""
    found = _FILE_LINE.match(message)
    return (0, found.group(1), int(found.group(2))) if found else (1, "", 0)


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
