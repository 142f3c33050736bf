"""Run the linter over paths: find files, read each with its reader, lint it, and hand on what it left, file by file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cxlint.archives import ArchiveFields, Message, is_archive
from cxlint.archives.batches import ArchiveSlice, archive_slices
from cxlint.boundary import StageFailure, internal_error, stage
from cxlint.channels import infer_channel
from cxlint.decision.per_file import DecideFile, FileDecision, keep_all
from cxlint.decision.run import source_order
from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.engine.records.stage import find_promises
from cxlint.engine.run import DocumentRun
from cxlint.engine.sentences import DocumentScan
from cxlint.errors import InputError, RuleError
from cxlint.findings import FileProblem, Finding
from cxlint.readers import reader_for
from cxlint.readers.decoding import decode
from cxlint.report import RunResult
from cxlint.rulepack.model import RuleSet
from cxlint.sizes import show_size
from cxlint.walk import STDIN_NAME, PathFilter, iter_files, open_regular, read_bounded

if TYPE_CHECKING:
    from cxlint.promises.lint import PromiseCheck
    from cxlint.promises.records import PromiseRecord

MAX_FILE_BYTES = 10 * 1024 * 1024

__all__ = [
    "FileOutcome",
    "RunResult",
    "iter_files",
    "lint_document_text",
    "lint_files",
    "lint_paths",
    "lint_read_document",
    "parse_document",
    "parse_text",
    "read_document",
    "work_items",
]

ChannelFor = Callable[[str], "str | None"]
WorkItem = str | ArchiveSlice
"""A unit of work: a file, or a slice of a message archive."""
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
                data = read_bounded(handle, max_bytes)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    return parse_document(display, reader_path, data, channel, max_bytes)


def parse_document(
    display: str, reader_path: str, data: bytes, channel: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Document:
    """Decode and parse bytes already read (a file, standard input, copy pasted into the review page).

    ``display`` is the path findings carry; ``reader_path`` the name whose suffix picks the reader.
    """
    if len(data) > max_bytes:
        raise InputError(display, f"input too large (over the {show_size(max_bytes)} limit); skipped")
    if reader_for(reader_path) is None:  # refused before decoding a file cxlint would not read
        raise InputError(display, "unsupported file type; cxlint reads " + ", ".join(_known_suffixes()))
    text = decode(display, data)
    del data
    return parse_text(display, text, channel, reader_path)


def parse_text(display: str, text: str, channel: str | None = None, reader_path: str | None = None) -> Document:
    """Parse text already in memory (a file just decoded, an editor's unsaved buffer) with the reader of
    ``reader_path`` (default: ``display``), and give it and its parts their channel."""
    reader_path = reader_path or display
    reader = reader_for(reader_path)
    if reader is None:
        raise InputError(display, "unsupported file type; cxlint reads " + ", ".join(_known_suffixes()))
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
    archive_fields: ArchiveFields | None = None,
    dask: str | None = None,
) -> RunResult:
    """Lint every file under ``paths`` and collect the run in memory: the library call (``cxlint
    check`` streams :func:`lint_files` instead, so its memory does not grow with the findings).

    ``excluded`` and ``included`` filter the walk (:func:`~cxlint.walk.iter_files`); the other
    options are :func:`lint_files`'s.
    """
    result = RunResult()
    files = list(iter_files(paths, excluded, included, problems=result.problems))
    outcomes = lint_files(
        files,
        ruleset,
        channel,
        stdin_name,
        channel_for=channel_for,
        progress=progress,
        promise_check=promise_check,
        jobs=jobs,
        skip_strings=skip_strings,
        disabled_for=disabled_for,
        max_bytes=max_bytes,
        decide_file=decide_file,
        archive_fields=archive_fields,
        dask=dask,
        problems=result.problems,
    )
    for outcome in outcomes:
        _collect(result, outcome)
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
    archive_fields: ArchiveFields | None = None,
    dask: str | None = None,
    problems: list[FileProblem] | None = None,
) -> Iterator[FileOutcome]:
    """Lint each file and yield what it left, one outcome per file in the order of ``files`` whatever
    the workers' pace: a file that cannot be read, or a rule that breaks on it, is a FileProblem
    and the run goes on.

    ``channel_for`` gives a file's channel from configuration (per-glob overrides) when
    ``channel`` (the command line) does not; ``progress`` is told of each unit of work as it is done.
    With ``promise_check``, each file's promises are gathered (and judged against a registry if it
    has one); a worker sends its files' promises back, so the check sees the whole run. ``jobs``: how
    many processes (None: one per core for large runs). ``disabled_for`` gives the rules
    configuration switches off for a file: they are not run, so they feed no other rule.
    A file over ``max_bytes`` is reported as too large and not read. ``decide_file`` decides
    each file's findings while its text is at hand (suppressions, fingerprints); an outcome
    keeps no file's text, only the lines the findings stand on. Message archives (``.jsonl``,
    ``.csv``, ``.parquet`` named on the command line) are cut into slices of messages, each
    message linted as its own document and the slices of one archive merged back into one
    outcome; ``archive_fields`` names their text, id and channel fields, and an archive that
    cannot be cut is added to ``problems``. With ``dask`` (a scheduler's address) files and
    slices are linted on that cluster, their outcomes still yielded in order.
    """
    from cxlint.parallel import auto_jobs, forks, ordered_map

    fields = archive_fields or ArchiveFields()
    items = list(work_items(files, problems if problems is not None else []))

    def lint_one(item: WorkItem) -> FileOutcome:
        path = item.path if isinstance(item, ArchiveSlice) else item
        file_channel = channel or (channel_for(path) if channel_for and path != STDIN_NAME else None)
        disabled = disabled_for(path) if disabled_for is not None else frozenset()
        if isinstance(item, ArchiveSlice):
            return _lint_archive_slice(item, fields, file_channel, ruleset, promise_check, skip_strings, disabled, decide_file)
        return _lint_file(path, file_channel, stdin_name, ruleset, promise_check, skip_strings, disabled, max_bytes, decide_file)

    serial = STDIN_NAME in items
    outcomes: Iterator[FileOutcome]
    if dask is not None and not serial:
        from cxlint.scale.dask_map import dask_map

        outcomes = dask_map(lint_one, items, dask)
        remote = True  # outcomes come from other processes, with their files' promises
    else:
        workers = 1 if serial else auto_jobs(len(items), jobs, lambda: _total_bytes(items))
        outcomes = ordered_map(lint_one, items, workers)
        remote = forks(len(items), workers)  # in this process the promises are in the check already
    yield from _whole_files(_received(outcomes, len(items), progress, promise_check if remote else None), items)


def _received(
    outcomes: Iterator[FileOutcome], total: int, progress: Progress | None, promise_check: PromiseCheck | None
) -> Iterator[FileOutcome]:
    """Each unit's outcome as it arrives: progress told, a worker's promises added to the run-wide check."""
    for number, outcome in enumerate(outcomes, 1):
        if progress is not None:
            progress(number, total, outcome.path)
        if promise_check is not None:
            promise_check.assessments.extend(outcome.assessments)
        yield outcome


def _whole_files(outcomes: Iterator[FileOutcome], items: list[WorkItem]) -> Iterator[FileOutcome]:
    """Consecutive slices of one archive as one outcome, so each file reaches the report once.

    An outcome is held back only while the next unit of work is a later slice of the same
    archive; every other file is handed on the moment it is done.
    """
    held: FileOutcome | None = None
    for number, outcome in enumerate(outcomes):
        if held is None:
            held = outcome
        else:
            _absorb(held, outcome)
        following = items[number + 1] if number + 1 < len(items) else None
        if not (isinstance(following, ArchiveSlice) and not following.first and following.path == held.path):
            yield held
            held = None
    if held is not None:
        yield held


def _absorb(outcome: FileOutcome, later: FileOutcome) -> None:
    """Add a later slice's findings, counts, lines and problems to the outcome of its archive."""
    outcome.problems.extend(later.problems)
    if later.decision is None:
        return
    if outcome.decision is None:
        outcome.decision = later.decision
        return
    decision = outcome.decision
    decision.findings.extend(later.decision.findings)
    decision.suppressed += later.decision.suppressed
    decision.lines.update(later.decision.lines)
    decision.fingerprints.update(later.decision.fingerprints)


def work_items(files: Iterable[str], problems: list[FileProblem]) -> Iterator[WorkItem]:
    """Files to lint, each a unit of work, but message archives, which come as slices of messages."""
    for path in files:
        if path != STDIN_NAME and is_archive(path):
            try:
                yield from archive_slices(path)
            except InputError as exc:
                problems.append(FileProblem(exc.path, exc.reason, exc.line))
            except (OSError, ImportError) as exc:
                problems.append(FileProblem(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}"))
        else:
            yield path


def lint_read_document(
    doc: Document,
    ruleset: RuleSet,
    *,
    promise_check: PromiseCheck | None = None,
    skip_strings: tuple[str, ...] = (),
    disabled: frozenset[str] = frozenset(),
    decide_file: DecideFile | None = None,
) -> FileOutcome:
    """Lint a document already read (the review page's copy) exactly as :func:`lint_files` lints a file."""
    return _lint_read(doc, ruleset, promise_check, skip_strings, disabled, decide_file)


def _collect(result: RunResult, outcome: FileOutcome) -> None:
    """Add one file's outcome to a run held in memory, its findings in source order."""
    result.problems.extend(outcome.problems)
    decision = outcome.decision
    if decision is not None:
        if outcome.opens_file:
            result.files += 1
            result.linted.append(outcome.path)
        result.findings.extend(sorted(decision.findings, key=source_order))
        result.suppressed += decision.suppressed
        if decision.lines:
            result.lines.setdefault(outcome.path, {}).update(decision.lines)


def _total_bytes(items: list[str | ArchiveSlice]) -> int:
    """The size of the files to lint, from the file system (one stat each; unreadable ones count 0)."""
    total = 0
    for path in items:
        if isinstance(path, ArchiveSlice):
            total += path.end - path.start
            continue
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
    opens_file: bool = True
    """False for an archive's later slices: the archive counts as one file, at its first slice."""
    assessments: list[Any] = field(default_factory=list)  # the file's promises, from a worker process


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
    return _lint_read(doc, ruleset, promise_check, skip_strings, disabled, decide_file)


def lint_document_text(
    display: str,
    text: str,
    ruleset: RuleSet,
    *,
    reader_path: str | None = None,
    channel: str | None = None,
    skip_strings: tuple[str, ...] = (),
    disabled: frozenset[str] = frozenset(),
    decide_file: DecideFile | None = None,
    promise_check: PromiseCheck | None = None,
) -> tuple[list[Finding], list[FileProblem]]:
    """Lint text held in memory (an editor's buffer) as ``check`` lints a file, inside the same error
    boundary: the decided findings, and the problems (unreadable copy, a broken rule) beside them."""
    try:
        with stage("reading"):
            doc = parse_text(display, text, channel, reader_path)
    except InputError as exc:
        return [], [FileProblem(exc.path, exc.reason, exc.line)]
    except StageFailure as failure:
        return [], [internal_error(display, failure)]
    outcome = _lint_read(doc, ruleset, promise_check, skip_strings, disabled, decide_file)
    return (outcome.decision.findings if outcome.decision is not None else []), outcome.problems


def _lint_read(
    doc: Document,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...],
    disabled: frozenset[str],
    decide_file: DecideFile | None,
) -> FileOutcome:
    """Lint and decide one document that was read, inside the error boundary."""
    outcome = FileOutcome(doc.path)
    before = len(promise_check.assessments) if promise_check is not None else 0
    findings: list[Finding] = []
    rule_errors: list[RuleError] = []
    for part in doc.documents():  # an e-mail's parts are linted apart: one that breaks keeps the others' findings
        try:
            findings.extend(_lint_part(part, ruleset, promise_check, skip_strings, disabled, rule_errors))
        except StageFailure as failure:
            outcome.problems.append(internal_error(doc.path, failure))
    if promise_check is not None:
        outcome.assessments = promise_check.assessments[before:]
    for message in dict.fromkeys(str(e) for e in rule_errors):
        outcome.problems.append(FileProblem(doc.path, f"rule error: {message}"))
    try:
        with stage("decision"):
            outcome.decision = (decide_file or keep_all)(doc.path, doc.source, findings)
    except StageFailure as failure:
        outcome.problems.append(internal_error(doc.path, failure))
        outcome.decision = keep_all(doc.path, doc.source, findings)
    return outcome


def _lint_archive_slice(
    piece: ArchiveSlice,
    fields: ArchiveFields,
    channel: str | None,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...],
    disabled: frozenset[str],
    decide_file: DecideFile | None,
) -> FileOutcome:
    """Lint a slice of an archive inside the error boundary, each message as its own document."""
    from cxlint.archives.lint import lint_slice

    rule_errors: list[RuleError] = []
    outcome = FileOutcome(piece.path, opens_file=piece.first)
    before = len(promise_check.assessments) if promise_check is not None else 0
    try:
        outcome.decision, outcome.problems = lint_slice(
            piece,
            fields,
            lambda doc, message: _lint_part(doc, ruleset, promise_check, skip_strings, disabled, rule_errors, message),
            channel,
            decide_file,
        )
    except InputError as exc:
        outcome.problems.append(FileProblem(exc.path, exc.reason, exc.line))
    except (OSError, ImportError) as exc:
        outcome.problems.append(FileProblem(piece.path, f"cannot read: {getattr(exc, 'strerror', None) or exc}"))
    except Exception as exc:  # the boundary: a defect in reading the slice is this archive's error record
        outcome.problems.append(internal_error(piece.path, StageFailure("reading", exc)))
    for message in dict.fromkeys(str(e) for e in rule_errors):
        outcome.problems.append(FileProblem(piece.path, f"rule error: {message}"))
    if promise_check is not None:
        outcome.assessments = promise_check.assessments[before:]
    if outcome.decision is None and piece.first:
        outcome.decision = FileDecision([])  # read in part: the archive still counts as linted
    return outcome


def _lint_part(
    part: Document,
    ruleset: RuleSet,
    promise_check: PromiseCheck | None,
    skip_strings: tuple[str, ...],
    disabled: frozenset[str],
    rule_errors: list[RuleError],
    message: Message | None = None,
) -> list[Finding]:
    """One document's findings; its promises gathered by ``promise_check``, placed in the archive when it is ``message``."""
    if skip_strings:
        from cxlint.readers.structured import blank_strings

        with stage("masking"):
            blank_strings(part, skip_strings)
    with stage("rules"):
        scan = DocumentScan.of(part)  # read once: the promise check below reads the same sentences
        findings = lint_document(part, ruleset, disabled=disabled, errors=rule_errors, scan=scan)
    if promise_check is None:
        return findings
    place: Callable[[PromiseRecord], PromiseRecord] | None = None
    if message is not None:
        from cxlint.archives.documents import record_in_archive

        place = lambda record: record_in_archive(record, message)  # noqa: E731 - the message bound for the check
    with stage("promise check"):
        return promise_check.apply(part, DocumentRun(findings, find_promises(part, ruleset, findings, scan=scan)), place)
