"""A block's words from the sentences the engine already read, instead of tokenizing it again.

The rules' prefilter matched every sentence for its words. A block made of whole sentences with
blanks between them has their words end to end: a token never holds a blank, and the token
pattern looks at most one character past a token's edge for a boundary, which is a blank either
way. A block the sentences do not tile so (a long line cut mid-word, text outside every sentence)
is tokenized itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from cxlint.engine.sentences import DocumentScan
from cxlint.text.tokens import token_words


def block_words(mask: str, scan: DocumentScan, start: int, end: int) -> Sequence[str]:
    """``tokenize(mask[start:end]).words`` for the block ``[start, end)`` (trimmed of blanks) of the document
    ``scan`` read."""
    spans, sentences = scan.spans, scan.sentences
    index = bisect.bisect_left(scan.starts, start)
    if index > 0 and spans[index - 1][1] > start:
        return token_words(mask[start:end])  # a sentence begins before the block
    words: list[str] = []
    at = start
    while index < len(spans) and spans[index][0] < end:
        first, last = spans[index]
        if last > end or (first <= at and at != start) or not _blank(mask, at, first):
            return token_words(mask[start:end])
        words += sentences[index].words
        at = last
        index += 1
    if at == start or not _blank(mask, at, end):
        return token_words(mask[start:end])
    return words


def _blank(mask: str, start: int, end: int) -> bool:
    return start >= end or mask[start:end].isspace()
