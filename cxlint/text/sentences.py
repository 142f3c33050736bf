"""Cheap sentence spans over a mask, so the costly NLP only sees sentences that need it."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no vs etc e.g i.e approx inc ltd co corp jr sr prof mt ft apt fig est dept".split()
)
_TERMINAL = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)""")
_BLOCK_BREAK = re.compile(r"\u2029|\n[ \t\r]*\n|\n(?=[ \t]*(?:[-*+•·]|\d{1,2}[.)]|#{1,6})\s)")


def split_sentences(mask: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of sentences in ``mask``, trimmed of surrounding blanks."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(mask):
        for start, end in _lines(mask, block_start, block_end):
            _split_line(mask, start, end, spans)
    return spans


def _blocks(mask: str) -> list[tuple[int, int]]:
    blocks, last = [], 0
    for match in _BLOCK_BREAK.finditer(mask):
        blocks.append((last, match.start()))
        last = match.end()
    blocks.append((last, len(mask)))
    return blocks


def _lines(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at line breaks except soft wraps (a line going on in lower case)."""
    out, line_start = [], start
    pos = mask.find("\n", start, end)
    while pos != -1:
        before = mask[line_start:pos].rstrip()
        after = mask[pos + 1 : end].lstrip(" \t")
        soft = bool(before) and before[-1] not in ".!?:;…" and bool(after) and (after[0].islower() or after[0] in ",")
        if not soft:
            out.append((line_start, pos))
            line_start = pos + 1
        pos = mask.find("\n", pos + 1, end)
    out.append((line_start, end))
    return out


def _split_line(mask: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sent_start = start
    for match in _TERMINAL.finditer(mask, start, end):
        stop = match.end()
        word = mask[max(sent_start, stop - 12) : match.start()].split()
        if match.group(0) == "." and word and word[-1].lower().strip("(") in _ABBREVIATIONS:
            continue
        nxt = mask[stop:end].lstrip()
        if nxt and nxt[0].islower():
            continue
        _emit(mask, sent_start, stop, spans)
        sent_start = stop
    _emit(mask, sent_start, end, spans)


def _emit(mask: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and mask[start].isspace():
        start += 1
    while end > start and mask[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
