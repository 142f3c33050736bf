"""Run the linter over paths: find files, read each with its reader, lint, collect problems."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxlint.channels import infer_channel
from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.errors import FatalError, InputError, RuleError
from cxlint.findings import FileProblem, Finding
from cxlint.readers import reader_for
from cxlint.readers.decoding import decode
from cxlint.report import RunResult
from cxlint.rulepack.model import RuleSet

if TYPE_CHECKING:
    from cxlint.promises.lint import PromiseCheck

MAX_FILE_BYTES = 10 * 1024 * 1024
STDIN_NAME = "-"
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})

__all__ = ["RunResult", "iter_files", "lint_paths", "read_document"]

PathFilter = Callable[[str], bool]
ChannelFor = Callable[[str], "str | None"]
Progress = Callable[[int, int, str], None]


def iter_files(
    paths: tuple[str, ...] | list[str],
    excluded: PathFilter | None = None,
    included: PathFilter | None = None,
) -> Iterator[str]:
    """Files named directly, and files under folders whose format cxlint reads, in sorted order.

    ``excluded`` applies to named files too (pre-commit names every file it passes, and an
    excluded file must stay excluded there); ``included`` only narrows what a folder walk finds.
    Folders that are excluded are not descended into.
    """
    for path in paths:
        if path == STDIN_NAME:
            yield path
        elif os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in _SKIP_DIRS and not d.startswith(".") and not (excluded and excluded(os.path.join(root, d)))
                )
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if reader_for(full) is None or (excluded and excluded(full)) or (included and not included(full)):
                        continue
                    yield full
        elif os.path.exists(path):
            if not (excluded and excluded(path)):
                yield path
        else:
            raise FatalError(f"{path}: no such file or directory")


def read_document(path: str, channel: str | None = None, stdin_name: str = "stdin.md") -> Document:
    """Read and parse one file (or standard input) into a Document."""
    if path == STDIN_NAME:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        display, reader_path = STDIN_NAME, stdin_name
    else:
        display = reader_path = path
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                raise InputError(path, f"file is {size // (1024 * 1024)} MiB, over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit; skipped")
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise InputError(display, f"input is over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit; skipped")
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
) -> RunResult:
    """Lint every file; a file that cannot be read, or a rule that breaks on it, is a FileProblem and the run goes on.

    ``channel_for`` gives a file's channel from configuration (per-glob overrides) when
    ``channel`` (the command line) does not; ``progress`` is told of each file as it is done.
    With ``promise_check`` (``--promises``), promise findings are judged against the registry;
    that check gathers state across files, so such a run stays in one process. ``jobs``: how
    many processes (None: one per core for large runs). ``disabled_for`` gives the rules
    configuration switches off for a file: they are not run, so they feed no other rule.
    """
    from cxlint.parallel import auto_jobs, ordered_map

    result = RunResult()
    files = list(iter_files(paths, excluded, included))

    def lint_one(path: str) -> _Outcome:
        file_channel = channel or (channel_for(path) if channel_for and path != STDIN_NAME else None)
        disabled = disabled_for(path) if disabled_for is not None else frozenset()
        return _lint_file(path, file_channel, stdin_name, ruleset, promise_check, skip_strings, disabled)

    serial = promise_check is not None or STDIN_NAME in files
    workers = 1 if serial else auto_jobs(len(files), jobs)
    for number, outcome in enumerate(ordered_map(lint_one, files, workers), 1):
        if progress is not None:
            progress(number, len(files), files[number - 1])
        result.problems.extend(outcome.problems)
        if outcome.source is not None:
            result.files += 1
            result.sources[outcome.path] = outcome.source
            result.findings.extend(outcome.findings)
    return result


@dataclass
class _Outcome:
    """What linting one file produced (picklable, so a worker process can send it back)."""

    path: str
    source: str | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def _lint_file(
    path: str,
    channel: str | None,
    stdin_name: str,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...] = (),
    disabled: frozenset[str] = frozenset(),
) -> _Outcome:
    try:
        doc = read_document(path, channel, stdin_name)
    except InputError as exc:
        return _Outcome(path, problems=[FileProblem(exc.path, exc.reason, exc.line)])
    if skip_strings:
        from cxlint.readers.structured import blank_strings

        for part in doc.documents():
            blank_strings(part, skip_strings)
    outcome = _Outcome(doc.path, doc.source)
    try:
        for part in doc.documents():
            findings = lint_document(part, ruleset, disabled=disabled)
            if promise_check is not None:
                findings = promise_check.apply(part, findings)
            outcome.findings.extend(findings)
    except RuleError as exc:
        outcome.problems.append(FileProblem(doc.path, f"rule error: {exc}"))
    return outcome
