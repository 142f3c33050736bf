"""``cxlint check``: load config, then lint (produce), decide and render file by file, and return 0 / 1 / 2."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from cxlint.archives import ArchiveFields
from cxlint.commands import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from cxlint.config import Config, find_config, load_config
from cxlint.errors import ConfigError, FatalError
from cxlint.formatters import FORMATTERS
from cxlint.formatters.escaping import shown_location, shown_text
from cxlint.report import RuleInfo, RunSummary
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.rulepack.model import RuleSet

if TYPE_CHECKING:
    from cxlint.decision.selection import Policy

STDIN_READ_AS = "stdin.md"
"""The name standard input is read under when ``--stdin-filename`` gives none: Markdown."""
DEFAULT_FORMAT = "text"
DEFAULT_FAIL_ON = "warning"
HUMAN_FORMATS = ("text", "full", "github")


@dataclass(frozen=True)
class CheckOptions:
    """Options of ``cxlint check`` beyond the paths; None means "the config decides"."""

    config_file: str | None = None
    isolated: bool = False
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline: str | None = None
    diff_ref: str | None = None
    progress: bool | None = None
    promises: str | None = None
    today: dt.date | None = None
    jobs: int | None = None
    max_file_bytes: int | None = None
    archive_fields: ArchiveFields | None = None
    dask: str | None = None


def run_check(
    paths: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    stream: TextIO,
    extra_packs: tuple[str, ...] = (),
    channel: str | None = None,
    stdin_filename: str | None = None,
    options: CheckOptions = CheckOptions(),
    err: TextIO | None = None,
) -> int:
    """Lint, decide and report file by file: each file's findings reach the formatter once the
    file is done (in walk order, whatever ``--jobs``) and are not kept after; run-wide findings
    follow the last file; the summary, the stale baseline entries and the exit code come from counts."""
    from cxlint.decision import DecideOptions, run_decision
    from cxlint.findings import FileProblem
    from cxlint.own_files import excluded_from_run
    from cxlint.progress import ProgressBar, wants_progress
    from cxlint.runner import MAX_FILE_BYTES, iter_files, lint_files

    err = err or sys.stderr
    stdin_name = stdin_filename or STDIN_READ_AS
    config, ruleset, policy = _setup(paths, options, extra_packs)
    output_format = output_format or config.format or DEFAULT_FORMAT
    fail_on = fail_on or config.fail_on or DEFAULT_FAIL_ON
    from cxlint.promises.check_run import registry_check, run_wide_findings

    promise_check = registry_check(options.promises or config.promises, options.today)  # without one: consistency only
    if options.write_baseline:  # refused before a minute of linting, not after
        from cxlint.decision.baseline import refuse_non_baseline

        refuse_non_baseline(options.write_baseline)
    decide_options = DecideOptions(
        require_reason=config.require_reason,
        allow_words=config.allow_words,
        baseline=options.baseline,
        write_baseline=options.write_baseline,
        diff_ref=options.diff_ref,
        stdin_name=stdin_name,
        stdin_shown=stdin_filename,
    )
    decision = run_decision(policy, decide_options)
    problems: list[FileProblem] = []
    excluded = excluded_from_run(config, options.promises, options.baseline, options.write_baseline)
    files = list(iter_files(paths, excluded, config.is_included if config.include else None, problems=problems))
    formatter = FORMATTERS[output_format](stream)
    formatter.start(policy.rules)
    bar = ProgressBar(err) if wants_progress(err, options.progress) else None
    try:
        outcomes = lint_files(
            files,
            ruleset,
            channel=channel,
            stdin_name=stdin_name,
            channel_for=config.channel_for,
            progress=bar,
            promise_check=promise_check,
            jobs=options.jobs,
            skip_strings=config.skip_strings,
            disabled_for=policy.disabled,
            max_bytes=options.max_file_bytes or config.max_file_size or MAX_FILE_BYTES,
            decide_file=decision.per_file,
            archive_fields=options.archive_fields,
            dask=options.dask,
            problems=problems,
        )
        for outcome in outcomes:
            problems.extend(outcome.problems)
            if outcome.decision is not None:
                formatter.file(decision.file(outcome.path, outcome.decision))
    finally:
        if bar is not None:
            bar.close()
    for report in decision.late(run_wide_findings(promise_check), files):
        formatter.file(report)
    summary, baseline_written = decision.finish(problems)
    formatter.finish(summary)
    if output_format not in HUMAN_FORMATS:
        for problem in summary.problems:  # a machine format may be going to a file: say it on stderr too
            err.write(f"cxlint: error: {shown_location(problem.path, problem.line)}: {problem.code} {shown_text(problem.message)}\n")
    if baseline_written is not None:
        err.write(f"cxlint: wrote {baseline_written} baseline entries to {options.write_baseline}\n")
    return exit_code(summary, fail_on)


def _setup(paths: tuple[str, ...], options: CheckOptions, extra_packs: tuple[str, ...]) -> tuple[Config, RuleSet, Policy]:
    """The config, the rule set and the selection policy; every configuration mistake is reported at once.

    Selectors (``disable: [CX999]``) can only be checked against the packs, which the config
    names, so a config with other mistakes is still read as far as it goes and its selectors
    checked before the run stops with all of them.
    """
    from cxlint.decision.selection import Policy

    noted: list[str] = []
    try:
        config = _config(paths, options)
    except ConfigError as exc:
        if not isinstance(exc.config, Config):
            raise
        config, noted = exc.config, exc.messages
    try:
        ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in (*config.packs, *extra_packs)])
        policy = Policy(config, rule_infos(ruleset), options.enable, options.disable)
    except ConfigError as exc:
        raise ConfigError(noted + exc.messages) from exc
    except FatalError as exc:  # a pack the config names cannot be loaded
        if noted:
            raise ConfigError([*noted, *str(exc).splitlines()]) from exc
        raise
    if noted:
        raise ConfigError(noted)
    return config, ruleset, policy


def _config(paths: tuple[str, ...], options: CheckOptions) -> Config:
    if options.isolated:
        return Config()
    if options.config_file:
        return load_config(options.config_file)
    start = next((p for p in paths if p != "-"), os.getcwd())
    return load_config(find_config(start))


def rule_infos(ruleset: RuleSet) -> dict[str, RuleInfo]:
    """Metadata of every rule the formatters and the decision step may meet (one table: the packs)."""
    infos: dict[str, RuleInfo] = {}
    for rule in ruleset.rules:
        infos[rule.id] = RuleInfo(
            id=rule.id,
            name=rule.name,
            category=rule.category,
            severity=rule.severity,
            message=rule.message,
            rationale=rule.rationale,
            suggestion=rule.suggestion,
            replacement=rule.replacement,
            pack=rule.pack,
        )
    return infos


def exit_code(summary: RunSummary, fail_on: str) -> int:
    """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if summary.problems:
        return EXIT_ERROR
    if fail_on != "never" and summary.reaches(fail_on):
        return EXIT_FINDINGS
    return EXIT_OK
