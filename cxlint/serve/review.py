"""The linting behind the review page: the same config, packs, reading and decision as ``cxlint check``.

A file of the folder is linted as ``cxlint check FOLDER`` lints it; copy pasted or dropped
onto the page as ``cxlint check - --stdin-filename NAME`` lints standard input. The engine is
reused in-process, so the page can never disagree with the command line.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from cxlint.boundary import StageFailure, internal_error, stage
from cxlint.commands.check import rule_infos
from cxlint.config import Config
from cxlint.decision import DecideOptions, run_decision
from cxlint.decision.run import source_order
from cxlint.decision.selection import Policy
from cxlint.document import Document
from cxlint.errors import InputError
from cxlint.findings import FileProblem
from cxlint.formatters import render
from cxlint.report import FileReport, RunResult
from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.runner import MAX_FILE_BYTES, lint_read_document, parse_document, read_document
from cxlint.walk import STDIN_NAME, iter_files

MAX_COPY_BYTES = 1024 * 1024
"""Copy pasted or dropped onto the page is refused above this size: a page is not a bulk linter."""


class NotListed(Exception):
    """A file asked for that is not one of the folder's lintable files (missing, excluded, outside it)."""


@dataclass
class Review:
    """One piece of copy as the page shows it: the text the findings point into, and the decided run."""

    name: str
    source: str | None
    result: RunResult
    parts: dict[str, str] = field(default_factory=dict)
    """The sources of an e-mail's encoded parts, by part name: their findings point into these."""

    def report(self, output_format: str) -> str:
        """The run rendered by one of cxlint's formatters, exactly as ``check --format`` writes it."""
        stream = io.StringIO()
        render(output_format, self.result, stream)
        return stream.getvalue()


class Reviewer:
    """Lints the served folder's files and pasted copy; one lint at a time (the engine's caches are shared)."""

    def __init__(self, root: str, config: Config, extra_packs: tuple[str, ...] = ()) -> None:
        self.root = root
        self.config = config
        self.ruleset = load_ruleset(builtin_sources() + [source_from_path(p) for p in (*config.packs, *extra_packs)])
        self.policy = Policy(config, rule_infos(self.ruleset))
        self.max_file_bytes = config.max_file_size or MAX_FILE_BYTES
        self._lock = threading.Lock()

    def files(self) -> tuple[list[str], list[FileProblem]]:
        """The folder's lintable files, relative to it, walked as ``check FOLDER`` walks them (config excludes honoured)."""
        problems: list[FileProblem] = []
        found = iter_files(
            (self.root,),
            self.config.is_excluded if self.config.exclude else None,
            self.config.is_included if self.config.include else None,
            problems=problems,
            notice=lambda _message: None,
        )
        return [os.path.relpath(path, self.root) for path in found], problems

    def review_file(self, relative: str, channel: str | None) -> Review:
        """One file of the folder; ``relative`` must be one that :meth:`files` lists."""
        listed, _ = self.files()
        if relative not in listed:
            raise NotListed(f"{relative}: not a lintable file of the folder")
        path = os.path.join(self.root, relative)
        file_channel = channel or self.config.channel_for(path)
        with self._lock:
            return self._review(relative, path, "stdin.md", lambda: read_document(path, file_channel, max_bytes=self.max_file_bytes))

    def review_copy(self, data: bytes, filename: str, channel: str | None) -> Review:
        """Pasted or dropped copy, read by the reader ``filename`` picks, as standard input is read."""
        limit = min(MAX_COPY_BYTES, self.max_file_bytes)
        with self._lock:
            return self._review(filename, STDIN_NAME, filename, lambda: parse_document(STDIN_NAME, filename, data, channel, limit))

    def _review(self, name: str, path: str, stdin_name: str, read: Callable[[], Document]) -> Review:
        options = DecideOptions(
            require_reason=self.config.require_reason,
            allow_words=self.config.allow_words,
            stdin_name=stdin_name,
            stdin_shown=stdin_name if path == STDIN_NAME else None,  # as check names '-' with --stdin-filename
        )
        try:
            with stage("reading"):
                doc = read()
        except InputError as exc:
            return self._unread(name, FileProblem(exc.path, exc.reason, exc.line))
        except StageFailure as failure:
            return self._unread(name, internal_error(path, failure))
        promise_check = None
        if self.config.promises:
            from cxlint.promises.check_run import registry_check

            promise_check = registry_check(self.config.promises, None)
        decision = run_decision(self.policy, options)
        outcome = lint_read_document(
            doc,
            self.ruleset,
            promise_check=promise_check,
            skip_strings=self.config.skip_strings,
            disabled=self.policy.disabled(path),
            decide_file=decision.per_file,
        )
        result = RunResult(rules=self.policy.rules)
        if outcome.decision is not None:
            result.files, result.linted = 1, [options.stdin_shown or path]
            _add(result, decision.file(path, outcome.decision))
        if promise_check is not None:
            from cxlint.promises.check_run import run_wide_findings

            for late in decision.late(run_wide_findings(promise_check), [path]):
                _add(result, late)
        result.findings.sort(key=source_order)  # one file: its run-wide findings among the others, as the page lists them
        summary, _ = decision.finish(outcome.problems)
        result.problems, result.suppressed = summary.problems, summary.suppressed
        return Review(name, doc.source, result, _part_sources(doc))

    def _unread(self, name: str, problem: FileProblem) -> Review:
        result = RunResult(problems=[problem])
        result.rules = self.policy.rules
        return Review(name, None, result)


def _add(result: RunResult, report: FileReport) -> None:
    """One decided file report into the run the page holds (it renders any format from it)."""
    result.findings.extend(report.findings)
    if report.lines:
        result.lines.setdefault(report.path, {}).update(report.lines)


def _part_sources(doc: Document) -> dict[str, str]:
    return {part.part: part.source for part in doc.subdocuments if part.part}

