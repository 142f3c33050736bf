"""One reader per format behind one small registry: ``READERS[suffix](path, text) -> Document``."""

from __future__ import annotations

from collections.abc import Callable

from cxlint.document import Document
from cxlint.readers import markdown, plaintext

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": plaintext.read,
    ".text": plaintext.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
}


def reader_for(path: str) -> Reader | None:
    """The reader for a path by its suffix, or None when cxlint does not read that format."""
    dot = path.rfind(".")
    if dot == -1 or "/" in path[dot:]:
        return None
    return READERS.get(path[dot:].lower())
