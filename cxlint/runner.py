"""Run the linter over paths: find files, read each with its reader, lint, collect problems."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxlint.channels import infer_channel
from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.errors import FatalError, InputError
from cxlint.findings import FileProblem, Finding
from cxlint.readers import reader_for
from cxlint.rulepack.model import RuleSet

if TYPE_CHECKING:
    from cxlint.promises.lint import PromiseCheck

MAX_FILE_BYTES = 10 * 1024 * 1024
STDIN_NAME = "-"
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0


def iter_files(paths: tuple[str, ...] | list[str]) -> Iterator[str]:
    """Files named directly, and files under folders whose format cxlint reads, in sorted order."""
    for path in paths:
        if path == STDIN_NAME:
            yield path
        elif os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if reader_for(full) is not None:
                        yield full
        elif os.path.exists(path):
            yield path
        else:
            raise FatalError(f"{path}: no such file or directory")


def decode(path: str, data: bytes) -> str:
    """UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is an InputError naming the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not copy")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"invalid UTF-8 at byte {exc.start} ({exc.reason})", line) from exc


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
    doc = reader(display, text)
    if doc.channel is None:
        doc.channel = channel or infer_channel(reader_path)
    return doc


def _known_suffixes() -> list[str]:
    from cxlint.readers import READERS

    return sorted(READERS)


def lint_paths(paths: tuple[str, ...] | list[str], ruleset: RuleSet, channel: str | None = None, stdin_name: str = "stdin.md",
               promise_check: PromiseCheck | None = None) -> RunResult:
    """Lint every file; a file that cannot be read becomes a FileProblem and the run goes on.

    With ``promise_check`` (``--promises``), promise findings are judged against the registry.
    """
    result = RunResult()
    for path in iter_files(paths):
        try:
            doc = read_document(path, channel, stdin_name)
        except InputError as exc:
            result.problems.append(FileProblem(exc.path, exc.reason, exc.line))
            continue
        result.files += 1
        findings = lint_document(doc, ruleset)
        if promise_check is not None:
            findings = promise_check.apply(doc, findings)
        result.findings.extend(findings)
    return result
