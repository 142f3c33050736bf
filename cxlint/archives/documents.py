"""A message as a document of its own, and its findings moved to where it stands in the archive."""

from __future__ import annotations

from dataclasses import replace
from typing import TypedDict

from cxlint.archives.messages import Message
from cxlint.channels import CHANNELS
from cxlint.document import Document, Segment
from cxlint.findings import Finding
from cxlint.promises.records import PromiseRecord
from cxlint.readers.jsonfile import reveal_json_string
from cxlint.readers.masking import Mask
from cxlint.text.placeholders import mask_templates


def message_document(path: str, message: Message) -> Document:
    """The record's text revealed, the rest of the record blank: one message, linted alone, so
    nothing of one message (its sentences, a notice at its end) counts for another."""
    mask = Mask(message.source)
    start, end = message.text_start, message.text_end
    if message.escaped == "json":
        reveal_json_string(mask, start, end)
    elif message.escaped == "csv":
        mask.reveal(start, end)
        at = message.source.find('""', start, end)
        while at != -1:
            mask.write(at, at + 2, '"')
            at = message.source.find('""', at + 2, end)
    else:
        mask.reveal(start, end)
    masked, placeholders = mask_templates(message.source, mask.text())
    channel = message.channel.lower() if message.channel and message.channel.lower() in CHANNELS else None
    return Document(
        path=path,
        source=message.source,
        mask=masked,
        channel=channel,
        placeholders=placeholders,
        segments=(Segment(start, end, message.pointer),),
    )


def in_archive(finding: Finding, message: Message) -> Finding:
    """The finding as the archive's reader sees it: the record's line and offset, and the message id."""
    extra = finding.extra + ((("message_id", message.id),) if message.id is not None else ())
    return replace(finding, **_placed(finding, message), extra=extra)


def record_in_archive(record: PromiseRecord, message: Message) -> PromiseRecord:
    """A promise record (and the findings it stands on) where it stands in the archive, as its findings are."""
    place = record.place + ((("message_id", message.id),) if message.id is not None else ())
    return replace(record, **_placed(record, message), findings=tuple(in_archive(f, message) for f in record.findings), place=place)


class _Placement(TypedDict, total=False):
    start: int
    end: int
    line: int
    end_line: int
    column: int
    end_column: int


def _placed(located: Finding | PromiseRecord, message: Message) -> _Placement:
    """Offsets, lines and columns of something found in ``message``, moved to the archive."""
    start, end = located.start + message.offset, located.end + message.offset
    if message.in_text:
        return _Placement(start=start, end=end, line=located.line + message.line - 1, end_line=located.end_line + message.line - 1)
    # Parquet: the text has no place in a text file; the row is the line and the column counts in
    # the text; offsets are virtual (distinct per row), so baseline fingerprints stay apart
    return _Placement(start=start, end=end, line=message.line, end_line=message.line, column=located.start + 1, end_column=located.end + 1)
