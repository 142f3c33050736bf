"""Read messages out of an archive, keeping where each one's text stands in the file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

ARCHIVE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
"""Suffix -> the kind of archive it names."""


def archive_kind(path: str) -> str | None:
    """``jsonl``, ``csv`` or ``parquet`` for a message archive, else None."""
    dot = path.rfind(".")
    return ARCHIVE_SUFFIXES.get(path[dot:].lower()) if dot != -1 else None


def is_archive(path: str) -> bool:
    return archive_kind(path) is not None


@dataclass(frozen=True)
class ArchiveFields:
    """Which field of a record holds the message's text, its id and its channel."""

    text: str = "text"
    id: str = "id"
    channel: str = "channel"


@dataclass(frozen=True)
class Message:
    """One message of an archive.

    ``source`` is the record as the file has it (a JSON line, a CSV row) and ``text_start``,
    ``text_end`` where the text's contents stand in it; ``line`` is the record's first line in
    the archive and ``offset`` its first character. Parquet has no text form: there ``source``
    is the text itself and ``line`` the row number.
    """

    index: int
    line: int
    offset: int
    source: str
    text_start: int
    text_end: int
    pointer: str
    id: str | None = None
    channel: str | None = None
    escaped: str = ""
    """How the text is quoted in ``source``: "json" (backslash escapes), "csv" (doubled quotes) or ""."""
    in_text: bool = True
    """Whether the archive is a text file whose lines and columns a finding can name (not Parquet)."""


@dataclass(frozen=True)
class Skipped:
    """A record that holds no message cxlint can read (invalid JSON, no text field)."""

    line: int
    reason: str


@dataclass(frozen=True)
class Place:
    """Where a slice of an archive starts: its line, character offset and record index."""

    line: int = 1
    offset: int = 0
    index: int = 0


Record = Message | Skipped


def text_lines(handle: BinaryIO, place: Place, first: bool) -> Iterator[tuple[int, int, str, bool]]:
    """(line number, character offset, text, valid) of each line from ``place`` on: UTF-8, as JSON
    Lines and CSV exports are. A line that is not valid UTF-8 is decoded with U+FFFD and marked,
    so the lines after it keep their places."""
    number, offset = place.line, place.offset
    for raw in handle:
        if first and number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text, valid = raw.decode("utf-8"), True
        except UnicodeDecodeError:
            text, valid = raw.decode("utf-8", errors="replace"), False
        yield number, offset, text, valid
        number += 1
        offset += len(text)


def pointer(index: int, field: str) -> str:
    """RFC 6901 pointer to a record's field, the archive read as an array of records."""
    return f"/{index}/" + field.replace("~", "~0").replace("/", "~1")


# JSON Lines


def jsonl_records(lines: Iterator[tuple[int, int, str, bool]], place: Place, fields: ArchiveFields) -> Iterator[Record]:
    index = place.index
    for number, offset, line, valid in lines:
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        yield _json_message(body, number, offset, index, valid, fields)
        index += 1


def _json_message(body: str, number: int, offset: int, index: int, valid: bool, fields: ArchiveFields) -> Record:
    if not valid:
        return Skipped(number, "not valid UTF-8")
    try:
        record = json.loads(body)
    except (ValueError, RecursionError) as exc:
        return Skipped(number, f"invalid JSON: {exc.args[0] if exc.args else exc}")
    if not isinstance(record, dict):
        return Skipped(number, "not a JSON object")
    span = _json_text_span(body, fields.text)
    if span is None:
        return Skipped(number, f"no string field {fields.text!r}")
    return Message(
        index, number, offset, body, span[0], span[1], pointer(index, fields.text),
        _scalar(record.get(fields.id)), _scalar(record.get(fields.channel)), "json",
    )


def _json_text_span(body: str, field: str) -> tuple[int, int] | None:
    """Where the top-level ``field``'s string contents stand in the line (between its quotes)."""
    from cxlint.readers.jsonfile import scan_strings

    for start, end, parts in scan_strings("", body):
        if len(parts) == 1 and parts[0] == field:
            return start, end
    return None


def _scalar(value: object) -> str | None:
    return None if value is None or isinstance(value, (dict, list)) else str(value)


# CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks)

_CSV_FIELD = re.compile(r'"((?:[^"]|"")*)"|([^,\r\n"]*)')


def csv_rows(lines: Iterator[tuple[int, int, str, bool]]) -> Iterator[tuple[int, int, str, bool]]:
    """(first line, offset, row text without its line break, valid) of each row, joining the lines
    a quoted field runs over."""
    pending: list[tuple[int, int, str, bool]] = []
    for item in lines:
        pending.append(item)
        text = "".join(piece for _, _, piece, _ in pending)
        if text.count('"') % 2 == 1:
            continue  # inside a quoted field: the row goes on over the next line
        yield pending[0][0], pending[0][1], text.rstrip("\r\n"), all(ok for _, _, _, ok in pending)
        pending = []
    if pending:
        yield pending[0][0], pending[0][1], "".join(p for _, _, p, _ in pending).rstrip("\r\n"), False


def csv_cells(body: str) -> list[tuple[int, int]] | None:
    """The span of each field's contents (inside the quotes for a quoted one), or None when malformed."""
    cells: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _CSV_FIELD.match(body, pos)
        if match is None:
            return None
        group = 1 if match.group(1) is not None else 2
        cells.append((match.start(group), match.end(group)))
        pos = match.end()
        if pos == len(body):
            return cells
        if body[pos] != ",":
            return None
        pos += 1


def csv_header(body: str) -> list[str] | None:
    cells = csv_cells(body)
    return None if cells is None else [body[s:e].replace('""', '"') for s, e in cells]


def csv_records(
    rows: Iterator[tuple[int, int, str, bool]], place: Place, header: list[str], fields: ArchiveFields
) -> Iterator[Record]:
    """The data rows of a CSV archive (``header`` read from its first row)."""
    if fields.text not in header:
        yield Skipped(1, f"no column {fields.text!r}")
        return
    column = header.index(fields.text)
    index = place.index
    for number, offset, body, valid in rows:
        if not body.strip():
            continue
        yield _csv_message(body, number, offset, index, valid, header, column, fields)
        index += 1


def _csv_message(
    body: str, number: int, offset: int, index: int, valid: bool, header: list[str], column: int, fields: ArchiveFields
) -> Record:
    if not valid:
        return Skipped(number, "not valid UTF-8 or an unterminated quoted field")
    cells = csv_cells(body)
    if cells is None:
        return Skipped(number, "malformed CSV row")
    if column >= len(cells):
        return Skipped(number, f"the row has no {fields.text!r} cell")
    values = {name: body[s:e].replace('""', '"') for name, (s, e) in zip(header, cells)}
    start, end = cells[column]
    quoted = start > 0 and body[start - 1] == '"'
    return Message(
        index, number, offset, body, start, end, pointer(index, fields.text),
        values.get(fields.id) or None, values.get(fields.channel) or None, "csv" if quoted else "",
    )


# Parquet (through pyarrow, an optional dependency)


def parquet_records(path: str, row_group: int, first_index: int, fields: ArchiveFields) -> Iterator[Record]:
    """The rows of one row group; ``line`` is the row's number in the file (1-based)."""
    parquet = open_parquet(path)
    names = set(parquet.schema_arrow.names)
    if fields.text not in names:
        yield Skipped(1, f"no column {fields.text!r}")
        return
    columns = list(dict.fromkeys(c for c in (fields.text, fields.id, fields.channel) if c in names))
    rows = parquet.read_row_group(row_group, columns=columns).to_pydict()
    empty = [None] * len(rows[fields.text])
    for position, text in enumerate(rows[fields.text]):
        index = first_index + position
        if not isinstance(text, str):
            yield Skipped(index + 1, f"row {index + 1} has no text")
            continue
        yield Message(
            index, index + 1, index << 32, text, 0, len(text), pointer(index, fields.text),
            _scalar(rows.get(fields.id, empty)[position]), _scalar(rows.get(fields.channel, empty)[position]),
            in_text=False,
        )


def open_parquet(path: str):  # type: ignore[no-untyped-def]
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError("reading Parquet archives needs pyarrow: pip install pyarrow") from exc
    return pq.ParquetFile(path)
