"""Lint one slice of an archive: each message as its own document, its findings moved to the archive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cxlint.archives.batches import ArchiveSlice, slice_records
from cxlint.archives.documents import in_archive, message_document
from cxlint.archives.messages import ArchiveFields, Message, Skipped
from cxlint.channels import infer_channel
from cxlint.boundary import StageFailure, internal_error
from cxlint.decision.per_file import DecideFile, FileDecision, keep_all
from cxlint.document import Document
from cxlint.findings import FileProblem, Finding

LintPart = Callable[[Document, Message], list[Finding]]
"""Lints one message's document; given the message, so what it gathers on the side can be placed in the archive."""


def lint_slice(
    piece: ArchiveSlice, fields: ArchiveFields, lint_part: LintPart, channel: str | None, decide_file: DecideFile | None
) -> tuple[FileDecision, list[FileProblem]]:
    """The slice's decided findings (in archive positions) and the records it could not read.

    Each message is decided apart, with its own record as the text (a suppression comment in one
    message never silences another), then moved to where it stands in the archive.
    """
    decide = decide_file or keep_all
    merged = FileDecision([])
    problems: list[FileProblem] = []
    for record in slice_records(piece, fields):
        if isinstance(record, Skipped):
            problems.append(FileProblem(piece.path, f"record skipped: {record.reason}", record.line))
            continue
        doc = message_document(piece.path, record)
        doc.channel = channel or doc.channel or infer_channel(piece.path, doc.mask)
        try:
            findings = lint_part(doc, record)
        except StageFailure as failure:  # one message that breaks costs that message alone
            problems.append(replace(internal_error(piece.path, failure), line=record.line))
            continue
        if not findings:
            continue
        decision = decide(piece.path, record.source, findings)
        merged.findings.extend(in_archive(f, record) for f in decision.findings)
        merged.suppressed += decision.suppressed
        for number, text in decision.lines.items():  # Parquet has no lines: the row is the line
            merged.lines[number + record.line - 1 if record.in_text else record.line] = text
        for (path, rule, start, end), fingerprint in decision.fingerprints.items():
            merged.fingerprints[(path, rule, start + record.offset, end + record.offset)] = fingerprint
    return merged, problems
