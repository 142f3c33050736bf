"""A piece of copy with no file behind it (an eval case, a test string): Markdown and HTML alike."""

from __future__ import annotations

from cxlint.document import Document
from cxlint.readers import markdown


def read_snippet(name: str, text: str, channel: str | None = None) -> Document:
    """Read ``text`` as Markdown, which also blanks inline HTML tags, and set its channel."""
    doc = markdown.read(name, text)
    doc.channel = channel
    return doc
