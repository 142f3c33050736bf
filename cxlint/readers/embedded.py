"""Templates that are HTML with code spliced in (ERB, Svelte, Vue): neutralise the code, then read the HTML.

A reader finds the code with a real parser (or a block splitter) and says, for each piece, whether
it shows a value (a placeholder carrying its name) or only steers (blanked; an ``else`` starts a
new block so two branches never read as one sentence). The pieces are replaced in place, same
length, so the HTML reader never trips on a ``<`` inside code and every offset is the file's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL, Document, Placeholder
from cxlint.readers.html import HTML, HtmlSpec, mask_html


@dataclass(frozen=True)
class Steering:
    """Code at ``[start, end)`` that shows nothing; ``branch`` when it starts another branch (``else``)."""

    start: int
    end: int
    branch: bool = False


def read_embedded(
    path: str,
    source: str,
    placeholders: list[Placeholder],
    steering: list[Steering],
    spec: HtmlSpec = HTML,
    channel: str | None = None,
) -> Document:
    """Read ``source`` as HTML once its placeholders are filled and its steering code blanked."""
    chars = list(source)
    for piece in steering:
        _blank(chars, piece.start, piece.end)
        if piece.branch and piece.end > piece.start:
            chars[piece.start] = BLOCK_BREAK
    for placeholder in placeholders:
        for index in range(placeholder.start, placeholder.end):
            if chars[index] != "\n":
                chars[index] = PLACEHOLDER_FILL
    neutral = "".join(chars)
    mask, found = mask_html(neutral, spec)
    shown = [p for p in placeholders if p.end > p.start and mask[p.start] == PLACEHOLDER_FILL]
    shown += [p for p in found if source.startswith(p.raw, p.start)]  # a merge field the HTML reader met, not our filler
    return Document(path=path, source=source, mask=mask, placeholders=tuple(sorted(shown, key=lambda p: p.start)), channel=channel)


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "
