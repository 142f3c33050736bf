"""The Python API: lint a string or a record in-process and get plain data back.

For programs that bring their own texts: a notebook, a CMS hook, a Spark or Dask job over a
message archive. The findings are the dictionaries ``cxlint check --format json`` prints, the
promise records those ``cxlint audit --format json`` lists, so what a job stores is what the
command line shows. Load a :class:`Linter` once and call it many times; it holds the compiled
rule packs and the configuration, and is picklable, so a cluster can ship it to its workers.

    >>> from cxlint.api import Linter
    >>> linter = Linter()
    >>> result = linter.lint("We noticed you looked at this 7 times.", channel="email")
    >>> [f["rule"] for f in result.findings]
    ['CX101', 'CX104']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from cxlint.channels import CHANNELS
from cxlint.config import Config, find_config, load_config
from cxlint.decision.per_file import FileDecider
from cxlint.decision.selection import Policy
from cxlint.errors import FatalError
from cxlint.promises.check_run import registry_check
from cxlint.readers import reader_for
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.runner import lint_document_text

__all__ = ["Linter", "Result", "lint_text"]


@dataclass
class Result:
    """What one text gave: findings, promise records and problems as plain dictionaries, and the message's id."""

    findings: list[dict[str, Any]] = field(default_factory=list)
    promises: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    """What could not be linted (unreadable markup, a rule that broke), as ``check --format json`` lists errors."""
    id: str | None = None


class Linter:
    """The rule packs and configuration of a run, loaded once.

    ``config``: a config file (``.cxlint.yaml`` or ``pyproject.toml``); ``root``: a folder to find
    one from, as ``check`` does; neither: the defaults. ``packs``: extra rule pack files.
    ``enable``/``disable``: rule ids, names, categories or packs, as on the command line.
    """

    def __init__(
        self,
        *,
        config: str | None = None,
        root: str | None = None,
        packs: Iterable[str] = (),
        enable: Iterable[str] = (),
        disable: Iterable[str] = (),
    ) -> None:
        from cxlint.commands.check import rule_infos

        self.config = load_config(config) if config else load_config(find_config(root)) if root else Config()
        self.ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in (*self.config.packs, *packs)])
        self.policy = Policy(self.config, rule_infos(self.ruleset), tuple(enable), tuple(disable))
        self._decide = FileDecider(self.policy, require_reason=self.config.require_reason, allow_words=self.config.allow_words)

    def lint(self, text: str, *, name: str = "message.txt", channel: str | None = None, promises: bool = False) -> Result:
        """Lint ``text`` as a file called ``name`` (its suffix picks the reader: ``.html``, ``.md``…).

        ``channel`` is one of :data:`cxlint.channels.CHANNELS`, else the configuration's for
        ``name``, else guessed from the name and the text. ``promises=True`` also extracts the
        promise records (what the audit checks against a registry).
        """
        if channel is not None and channel not in CHANNELS:
            raise FatalError(f"unknown channel {channel!r}; one of {', '.join(CHANNELS)}")
        gathered = registry_check(None, None) if promises else None
        findings, problems = lint_document_text(
            name,
            text,
            self.ruleset,
            reader_path=name if reader_for(name) is not None else "message.txt",  # an unknown suffix: plain text
            channel=channel or self.config.channel_for(name),
            skip_strings=self.config.skip_strings,
            disabled=self.policy.disabled(name),
            decide_file=self._decide,
            promise_check=gathered,
        )
        return Result(
            findings=[f.to_dict() for f in findings],
            promises=[a.record.to_dict() for a in gathered.assessments] if gathered is not None else [],
            problems=[p.to_dict() for p in problems],
        )

    def lint_record(
        self,
        record: Mapping[str, Any],
        *,
        text_field: str = "text",
        id_field: str = "id",
        channel_field: str = "channel",
        name: str = "message.txt",
        promises: bool = False,
    ) -> Result:
        """Lint one message of an archive: ``record[text_field]``, with its id and channel if it has them."""
        text = record.get(text_field)
        if not isinstance(text, str):
            raise FatalError(f"the record has no string field {text_field!r}")
        channel = record.get(channel_field)
        channel = channel.lower() if isinstance(channel, str) and channel.lower() in CHANNELS else None
        result = self.lint(text, name=name, channel=channel, promises=promises)
        result.id = None if record.get(id_field) is None else str(record.get(id_field))
        return result

    def lint_records(self, records: Iterable[Mapping[str, Any]], **options: Any) -> Iterator[Result]:
        """:meth:`lint_record` over many records, lazily."""
        for record in records:
            yield self.lint_record(record, **options)


_DEFAULT: Linter | None = None


def lint_text(text: str, *, name: str = "message.txt", channel: str | None = None, promises: bool = False) -> Result:
    """Lint one text with the built-in rules and default settings (the rule packs load on first call)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter()
    return _DEFAULT.lint(text, name=name, channel=channel, promises=promises)
