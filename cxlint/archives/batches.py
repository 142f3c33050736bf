"""Cut an archive into slices of messages: the unit of work a process or a cluster worker lints.

The main process only finds where slices start (bytes, lines, characters, record numbers); each
worker reads its own slice from the file, so no message crosses a process boundary.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cxlint.archives.messages import (
    ArchiveFields,
    Place,
    Record,
    archive_kind,
    csv_header,
    csv_records,
    csv_rows,
    jsonl_records,
    open_parquet,
    parquet_records,
    text_lines,
)
from cxlint.walk import open_regular

SLICE_MESSAGES = 2000
"""Messages per slice: enough to keep a worker busy, few enough to send and hold cheaply."""


@dataclass(frozen=True)
class ArchiveSlice:
    """Consecutive records of one archive: bytes ``[start, end)`` (a row group for Parquet).

    ``first`` marks the slice that opens the archive: the run counts the archive once, there.
    """

    path: str
    kind: str
    start: int
    end: int
    place: Place
    header: tuple[str, ...] = ()
    first: bool = True


def archive_slices(path: str, size: int | None = None) -> Iterator[ArchiveSlice]:
    """The archive's slices in file order; at least one, so an empty archive is still linted (and counted).

    ``size``: messages per slice (None: :data:`SLICE_MESSAGES`, read at the call, so it can be tuned).
    """
    size = size or SLICE_MESSAGES
    kind = archive_kind(path) or "jsonl"
    if kind == "parquet":
        yield from _parquet_slices(path)
        return
    with open_regular(path) as handle:
        yield from _text_slices(path, kind, handle, size)


def _text_slices(path: str, kind: str, handle: BinaryIO, size: int) -> Iterator[ArchiveSlice]:
    header: tuple[str, ...] = ()
    position, line, offset, index = 0, 1, 0, 0
    start = Place(1, 0, 0)
    start_byte = 0
    in_quotes = False
    count = 0
    first = True
    for raw in handle:
        text = raw.decode("utf-8", errors="replace")
        if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
            text = text[1:]
        position += len(raw)
        line += 1
        offset += len(text)
        if kind == "csv":
            in_quotes ^= text.count('"') % 2 == 1
            if in_quotes:
                continue
            if not header:
                header = tuple(csv_header(_header_text(handle, position)) or ())
                start_byte, start = position, Place(line, offset, 0)
                continue
        if not text.strip():
            continue
        count += 1
        index += 1
        if count >= size:
            yield ArchiveSlice(path, kind, start_byte, position, start, header, first)
            first, count = False, 0
            start_byte, start = position, Place(line, offset, index)
    yield ArchiveSlice(path, kind, start_byte, position, start, header, first)


def _header_text(handle: BinaryIO, end: int) -> str:
    """The first row of a CSV file (it may run over several lines), read again from the start."""
    here = handle.tell()
    handle.seek(0)
    data = handle.read(end)
    handle.seek(here)
    return data.decode("utf-8", errors="replace").lstrip("\ufeff").rstrip("\r\n")


def _parquet_slices(path: str) -> Iterator[ArchiveSlice]:
    parquet = open_parquet(path)
    rows = 0
    groups = parquet.metadata.num_row_groups
    for group in range(groups):
        yield ArchiveSlice(path, "parquet", group, group + 1, Place(rows + 1, 0, rows), first=group == 0)
        rows += parquet.metadata.row_group(group).num_rows
    if groups == 0:
        yield ArchiveSlice(path, "parquet", 0, 0, Place(), first=True)


def slice_records(piece: ArchiveSlice, fields: ArchiveFields) -> Iterator[Record]:
    """The records of one slice, read from the file."""
    if piece.kind == "parquet":
        if piece.end > piece.start:
            yield from parquet_records(piece.path, piece.start, piece.place.index, fields)
        return
    with open_regular(piece.path) as handle:
        handle.seek(piece.start)
        data = io.BytesIO(handle.read(piece.end - piece.start))
    lines = text_lines(data, piece.place, first=piece.first)
    if piece.kind == "csv":
        yield from csv_records(csv_rows(lines), piece.place, list(piece.header), fields)
    else:
        yield from jsonl_records(lines, piece.place, fields)
