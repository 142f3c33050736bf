"""A document: the source text, an offset-preserving mask of its copy, and its placeholders."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

BLOCK_BREAK = "\u2029"
"""Character a reader puts in the mask where markup ends a block (a table cell, a ``<p>``)."""

PLACEHOLDER_FILL = "Ƥ"
"""Letter that fills a placeholder in the mask, so it tokenizes as one word and is never prose."""


@dataclass(frozen=True)
class Placeholder:
    """A template merge field such as ``{{ view_count }}``: one token that carries its variable name."""

    start: int
    end: int
    name: str
    raw: str
    syntax: str


@dataclass(frozen=True)
class Segment:
    """A string of a structured file (JSON, YAML, a locale file) at ``[start, end)``, named by ``pointer``."""

    start: int
    end: int
    pointer: str


@dataclass
class Document:
    """What a reader returns.

    ``mask`` has exactly the length of ``source``: copy is left where it stands, markup is
    replaced by spaces (or newlines where it ends a block), placeholders by ``PLACEHOLDER_FILL``.
    Every offset into ``mask`` is therefore an offset into ``source``.
    """

    path: str
    source: str
    mask: str
    channel: str | None = None
    placeholders: tuple[Placeholder, ...] = ()
    part: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    segments: tuple[Segment, ...] = ()
    subdocuments: tuple[Document, ...] = ()
    """Parts read apart from ``source`` (an encoded e-mail part): each has its own source and ``part`` name."""

    def __post_init__(self) -> None:
        if len(self.mask) != len(self.source):
            raise ValueError(f"{self.path}: mask length {len(self.mask)} != source length {len(self.source)}")

    def pointer_at(self, start: int, end: int) -> str | None:
        """The pointer of the segment holding ``[start, end)``, if one does (readers keep segments sorted)."""
        index = bisect.bisect_right(self.segments, start, key=_segment_start) - 1
        if index >= 0 and self.segments[index].end >= end:
            return self.segments[index].pointer
        return None

    def documents(self) -> tuple[Document, ...]:
        """This document and its parts, each to be linted on its own."""
        return (self, *self.subdocuments)


def _segment_start(segment: Segment) -> int:
    return segment.start
