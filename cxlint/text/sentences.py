"""Cheap sentence spans over a mask, so the costly NLP only sees sentences that need it."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no vs etc e.g i.e approx inc ltd co corp jr sr prof mt ft apt fig est dept".split()
)
_SIGNS_BEFORE_AMOUNT = frozenset("afl b/ cg dhs fr gs kr ksh kshs rs s/ sfr tk".split())
"""Currency signs written with a full stop ("Rs. 299", "Fr. 49", "kr. 250"): before a number the stop is
the sign's, not the sentence's. They are the dotted signs of rules/currencies.generated.yaml (a test keeps
them the same); kept here, as plain words, so splitting needs no rule pack."""
_TERMINAL = re.compile(r"""[.!?…](?<![.!?…][.!?…])[.!?…]*["'”’)\]]*(?=\s)""")
"""Sentence-ending punctuation, tried only where a run of it starts (else a long run is quadratic). The
pattern opens with the punctuation itself, then looks back: ``re`` then skips at C speed to the next stop
or mark, where a pattern opening with the lookbehind is tried at every character of the text."""

MAX_SENTENCE = 2000
"""A "sentence" longer than this (a line of data, text without full stops) is cut at blanks into pieces
of at most this length: every later stage then works on bounded pieces, in time linear in the file."""
_BLOCK_BREAK = re.compile(r"\u2029|\n[ \t\r]*\n|\n(?=[ \t]*(?:[-*+•·]|\d{1,2}[.)]|#{1,6})\s)")
_LINE_BLOCK_BREAK = re.compile(r"\n[ \t\r]*\n|\n(?=[ \t]*(?:[-*+•·]|\d{1,2}[.)]|#{1,6})\s)")
"""``_BLOCK_BREAK`` for a mask without a reader's block break (U+2029), where it finds the same: each match then
opens with a line break, which ``re`` skips to at C speed; a pattern opening with either character has its class
tested at every character of the text."""


_last: tuple[str, list[tuple[int, int]]] | None = None
"""The last mask split and its spans: the engine and the promise records both split each document."""


def split_sentences(mask: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of sentences in ``mask``, trimmed of surrounding blanks (callers only read them)."""
    global _last
    if _last is not None and _last[0] is mask:
        return _last[1]
    spans = _split(mask)
    _last = (mask, spans)
    return spans


def _split(mask: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(mask):
        for start, end in _lines(mask, block_start, block_end):
            _split_line(mask, start, end, spans)
    if any(end - start > MAX_SENTENCE for start, end in spans):
        return [piece for start, end in spans for piece in _pieces(mask, start, end)]
    return spans


def _pieces(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """``mask[start:end]`` in pieces of at most MAX_SENTENCE characters, cut at the last blank before the limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(mask.rfind(" ", start + 1, limit), mask.rfind("\n", start + 1, limit))
        cut = cut if cut > start else limit
        _emit(mask, start, cut, pieces)
        start = cut
    _emit(mask, start, end, pieces)
    return pieces


def _blocks(mask: str) -> list[tuple[int, int]]:
    blocks, last = [], 0
    for match in (_BLOCK_BREAK if "\u2029" in mask else _LINE_BLOCK_BREAK).finditer(mask):
        blocks.append((last, match.start()))
        last = match.end()
    blocks.append((last, len(mask)))
    return blocks


def _lines(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at line breaks except soft wraps (a line going on in lower case).

    Looks at the characters on either side of each break only, so a block of a million short
    lines costs a million steps, not a million slices.
    """
    out, line_start = [], start
    pos = mask.find("\n", start, end)
    while pos != -1:
        last = _last_visible(mask, line_start, pos)
        after = _skip_blanks(mask, pos + 1, end)
        first = mask[after] if after < end else ""
        soft = last is not None and last not in ".!?:;…" and (first.islower() or first == ",")
        if not soft:
            out.append((line_start, pos))
            line_start = pos + 1
        pos = mask.find("\n", pos + 1, end)
    out.append((line_start, end))
    return out


_NEXT_VISIBLE = re.compile(r"\S")
_BLANKS = re.compile(r"[ \t]*")


def _last_visible(mask: str, start: int, end: int) -> str | None:
    """The last non-blank character of ``mask[start:end]``, looking back from ``end`` only as far as needed."""
    while end > start and mask[end - 1].isspace():
        end -= 1
    return mask[end - 1] if end > start else None


def _skip_blanks(mask: str, start: int, end: int) -> int:
    match = _BLANKS.match(mask, start, end)
    return match.end() if match else start


def _split_line(mask: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sent_start = start
    for match in _TERMINAL.finditer(mask, start, end):
        stop = match.end()
        word = mask[max(sent_start, stop - 12) : match.start()].split()
        before = word[-1].lower().strip("(") if match.group(0) == "." and word else ""
        if before in _ABBREVIATIONS:
            continue
        nxt = _NEXT_VISIBLE.search(mask, stop, end)
        if nxt and (nxt.group().islower() or (nxt.group().isdigit() and before in _SIGNS_BEFORE_AMOUNT)):
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
