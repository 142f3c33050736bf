"""Run the linter over paths: find files, read each with its reader, lint it, and hand on what it left, file by file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxlint.boundary import StageFailure, internal_error, stage
from cxlint.channels import infer_channel
from cxlint.decision.per_file import DecideFile, FileDecision, keep_all
from cxlint.decision.run import source_order
from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.errors import InputError, RuleError
from cxlint.findings import FileProblem, Finding
from cxlint.readers import reader_for
from cxlint.readers.decoding import decode
from cxlint.report import RunResult
from cxlint.rulepack.model import RuleSet
from cxlint.sizes import show_size
from cxlint.walk import STDIN_NAME, PathFilter, iter_files, open_regular

if TYPE_CHECKING:
    from cxlint.promises.lint import PromiseCheck

MAX_FILE_BYTES = 10 * 1024 * 1024

__all__ = ["FileOutcome", "RunResult", "iter_files", "lint_files", "lint_paths", "read_document"]

ChannelFor = Callable[[str], "str | None"]
Progress = Callable[[int, int, str], None]


def read_document(
    path: str, channel: str | None = None, stdin_name: str = "stdin.md", max_bytes: int = MAX_FILE_BYTES
) -> Document:
    """Read and parse one file (or standard input) into a Document; one over ``max_bytes`` is reported, not read."""
    if path == STDIN_NAME:
        data = sys.stdin.buffer.read(max_bytes + 1)
        display, reader_path = STDIN_NAME, stdin_name
    else:
        display = reader_path = path
        try:
            with open_regular(path) as handle:
                size = os.fstat(handle.fileno()).st_size  # the file opened, not whatever stands at the path later
                if size > max_bytes:
                    raise InputError(path, f"file too large ({show_size(size)}, over the {show_size(max_bytes)} limit); skipped")
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise InputError(display, f"input too large (over the {show_size(max_bytes)} limit); skipped")
    reader = reader_for(reader_path)
    if reader is None:
        raise InputError(display, "unsupported file type; cxlint reads " + ", ".join(_known_suffixes()))
    text = decode(display, data)
    del data
    try:
        doc = reader(display, text)
    except RecursionError as exc:
        raise InputError(display, "nested too deeply to read") from exc
    inferred = channel or doc.channel or infer_channel(reader_path, text)
    for part in doc.documents():
        part.channel = channel or part.channel or inferred
    return doc


def _known_suffixes() -> list[str]:
    from cxlint.readers import READERS

    return sorted(READERS)


def lint_paths(
    paths: tuple[str, ...] | list[str],
    ruleset: RuleSet,
    channel: str | None = None,
    stdin_name: str = "stdin.md",
    *,
    excluded: PathFilter | None = None,
    included: PathFilter | None = None,
    channel_for: ChannelFor | None = None,
    progress: Progress | None = None,
    promise_check: PromiseCheck | None = None,
    jobs: int | None = None,
    skip_strings: tuple[str, ...] = (),
    disabled_for: Callable[[str], frozenset[str]] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    decide_file: DecideFile | None = None,
) -> RunResult:
    """Lint every file under ``paths`` and collect the run in memory: the library call (``cxlint
    check`` streams :func:`lint_files` instead, so its memory does not grow with the findings).

    ``excluded`` and ``included`` filter the walk (:func:`~cxlint.walk.iter_files`); the other
    options are :func:`lint_files`'s.
    """
    result = RunResult()
    files = list(iter_files(paths, excluded, included, problems=result.problems))
    outcomes = lint_files(
        files, ruleset, channel, stdin_name, channel_for=channel_for, progress=progress, promise_check=promise_check,
        jobs=jobs, skip_strings=skip_strings, disabled_for=disabled_for, max_bytes=max_bytes, decide_file=decide_file,
    )
    for outcome in outcomes:
        result.problems.extend(outcome.problems)
        if outcome.decision is not None:
            result.files += 1
            result.linted.append(outcome.path)
            result.findings.extend(sorted(outcome.decision.findings, key=source_order))
            result.suppressed += outcome.decision.suppressed
            if outcome.decision.lines:
                result.lines[outcome.path] = outcome.decision.lines
    return result


def lint_files(
    files: list[str],
    ruleset: RuleSet,
    channel: str | None = None,
    stdin_name: str = "stdin.md",
    *,
    channel_for: ChannelFor | None = None,
    progress: Progress | None = None,
    promise_check: PromiseCheck | None = None,
    jobs: int | None = None,
    skip_strings: tuple[str, ...] = (),
    disabled_for: Callable[[str], frozenset[str]] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    decide_file: DecideFile | None = None,
) -> Iterator[FileOutcome]:
    """Lint each file and yield what it left, in the order of ``files`` whatever the workers' pace:
    a file that cannot be read, or a rule that breaks on it, is a FileProblem and the run goes on.

    ``channel_for`` gives a file's channel from configuration (per-glob overrides) when
    ``channel`` (the command line) does not; ``progress`` is told of each file as it is done.
    With ``promise_check`` (``--promises``), promise findings are judged against the registry;
    that check gathers state across files, so such a run stays in one process. ``jobs``: how
    many processes (None: one per core for large runs). ``disabled_for`` gives the rules
    configuration switches off for a file: they are not run, so they feed no other rule.
    A file over ``max_bytes`` is reported as too large and not read. ``decide_file`` decides
    each file's findings while its text is at hand (suppressions, fingerprints); an outcome
    keeps no file's text, only the lines the findings stand on.
    """
    from cxlint.parallel import auto_jobs, ordered_map

    def lint_one(path: str) -> FileOutcome:
        file_channel = channel or (channel_for(path) if channel_for and path != STDIN_NAME else None)
        disabled = disabled_for(path) if disabled_for is not None else frozenset()
        return _lint_file(path, file_channel, stdin_name, ruleset, promise_check, skip_strings, disabled, max_bytes, decide_file)

    serial = promise_check is not None or STDIN_NAME in files
    workers = 1 if serial else auto_jobs(len(files), jobs, lambda: _total_bytes(files))
    for number, outcome in enumerate(ordered_map(lint_one, files, workers), 1):
        if progress is not None:
            progress(number, len(files), files[number - 1])
        yield outcome


def _total_bytes(files: list[str]) -> int:
    """The size of the files to lint, from the file system (one stat each; unreadable ones count 0)."""
    total = 0
    for path in files:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
    return total


@dataclass
class FileOutcome:
    """What linting one file left (picklable, so a worker process can send it back); no text: the
    file's decision holds only its findings and the lines they stand on. No decision: not linted."""

    path: str
    decision: FileDecision | None = None
    problems: list[FileProblem] = field(default_factory=list)


def _lint_file(
    path: str,
    channel: str | None,
    stdin_name: str,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...] = (),
    disabled: frozenset[str] = frozenset(),
    max_bytes: int = MAX_FILE_BYTES,
    decide_file: DecideFile | None = None,
) -> FileOutcome:
    """Read and lint one file inside the error boundary: whatever breaks is this file's error record.

    A rule that breaks (a user regex past its time limit) costs that rule alone: the file's
    other findings are kept and the rule error is reported beside them.
    """
    try:
        with stage("reading"):
            doc = read_document(path, channel, stdin_name, max_bytes)
    except InputError as exc:
        return FileOutcome(path, problems=[FileProblem(exc.path, exc.reason, exc.line)])
    except StageFailure as failure:
        return FileOutcome(path, problems=[internal_error(path, failure)])
    outcome = FileOutcome(doc.path)
    findings: list[Finding] = []
    rule_errors: list[RuleError] = []
    for part in doc.documents():  # an e-mail's parts are linted apart: one that breaks keeps the others' findings
        try:
            findings.extend(_lint_part(part, ruleset, promise_check, skip_strings, disabled, rule_errors))
        except StageFailure as failure:
            outcome.problems.append(internal_error(doc.path, failure))
    for message in dict.fromkeys(str(e) for e in rule_errors):
        outcome.problems.append(FileProblem(doc.path, f"rule error: {message}"))
    try:
        with stage("decision"):
            outcome.decision = (decide_file or keep_all)(doc.path, doc.source, findings)
    except StageFailure as failure:
        outcome.problems.append(internal_error(doc.path, failure))
        outcome.decision = keep_all(doc.path, doc.source, findings)
    return outcome


def _lint_part(
    part: Document,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...],
    disabled: frozenset[str],
    rule_errors: list[RuleError],
) -> list[Finding]:
    if skip_strings:
        from cxlint.readers.structured import blank_strings

        with stage("masking"):
            blank_strings(part, skip_strings)
    with stage("rules"):
        findings = lint_document(part, ruleset, disabled=disabled, errors=rule_errors)
    if promise_check is not None:
        with stage("promise check"):
            findings = promise_check.apply(part, findings)
    return findings
