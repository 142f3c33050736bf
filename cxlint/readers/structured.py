"""What is copy in a structured string file (JSON, YAML, locale files), and how its strings are named.

Every string value is copy unless its key says otherwise (ids, URLs, payloads, styles…) or the
value itself is plainly not prose (a URL, a path, an identifier). Teams can pass their own keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cxlint.document import Document

NOT_COPY_KEYS = frozenset(
    """
    id ids uid uuid guid key keys slug url urls uri href src srcset link links image images img icon icons
    avatar logo thumbnail video audio file path route redirect action actions payload intent intents
    entity entities slot slots condition conditions type kind class classname style styles css color
    colour theme variant component template layout format locale lang language version date datetime
    created_at updated_at timestamp hash sha checksum email phone tel regex pattern selector event
    events category tag tags name_id value_id api endpoint method mime content_type encoding
    """.split()
)
"""Keys whose string values are data, not copy (compared case-insensitively, ``-`` as ``_``)."""

_NOT_PROSE = re.compile(r"^[\w.$@:/#?=&%+~\-]*[/_:@#=&.][\w.$@:/#?=&%+~\-]*$")
_LETTER = re.compile(r"[^\W\d_]")


def normal_key(key: str) -> str:
    return key.strip().lower().replace("-", "_")


def is_copy(key_path: Iterable[str], value: str, skip_keys: frozenset[str] = NOT_COPY_KEYS) -> bool:
    """Whether a string value at ``key_path`` reads as copy."""
    if any(normal_key(part) in skip_keys for part in key_path if not part.isdigit()):
        return False
    stripped = value.strip()
    if not stripped or not _LETTER.search(stripped):
        return False
    return " " in stripped or not _NOT_PROSE.match(stripped)


def json_pointer(parts: Iterable[str]) -> str:
    """RFC 6901: ``/a/0/b``, with ``~`` and ``/`` escaped."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def blank_strings(doc: Document, patterns: tuple[str, ...]) -> None:
    """Blank the strings whose JSON Pointer matches one of ``patterns`` (the project says they are not copy).

    Works for every reader that records segments (JSON, YAML, locale files), after reading.
    """
    from cxlint.config.globs import matches_any

    if not patterns or not doc.segments:
        return
    skipped = [s for s in doc.segments if matches_any(patterns, s.pointer.lstrip("/"))]
    if not skipped:
        return
    chars = list(doc.mask)
    for segment in skipped:
        chars[segment.start : segment.end] = [" " if ch != "\n" else ch for ch in doc.mask[segment.start : segment.end]]
    doc.mask = "".join(chars)
    kept = [p for p in doc.placeholders if not any(s.start <= p.start < s.end for s in skipped)]
    doc.placeholders = tuple(kept)
    doc.segments = tuple(s for s in doc.segments if s not in skipped)
