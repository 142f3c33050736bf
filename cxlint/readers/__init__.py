"""One reader per format behind one small registry: ``reader_for(path)(path, text) -> Document``.

Reader modules are imported on first use, and each imports its parser inside ``read``, so start-up stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from cxlint.document import Document

Reader = Callable[[str, str], Document]

READERS: dict[str, str] = {
    ".txt": "plaintext",
    ".text": "plaintext",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "mdx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mjml": "mjml",
    ".j2": "template",
    ".jinja": "template",
    ".jinja2": "template",
    ".njk": "template",
    ".liquid": "template",
    ".hbs": "template",
    ".handlebars": "template",
    ".mustache": "template",
    ".twig": "template",
    ".json": "jsonfile",
    ".yaml": "yamlfile",
    ".yml": "yamlfile",
    ".po": "gettext",
    ".pot": "gettext",
    ".ftl": "fluent",
    ".properties": "properties",
    ".ini": "ini",
    ".xml": "android",
    ".eml": "eml",
    ".jsx": "jsx",
    ".tsx": "jsx",
    ".erb": "erb",
    ".vue": "vue",
    ".svelte": "svelte",
}
"""Suffix -> the module of ``cxlint.readers`` whose ``read(path, text)`` reads it.

Modules are imported on first use, so a run pays only for the formats it meets.
"""


@lru_cache(maxsize=None)
def _load(module: str) -> Reader:
    reader: Reader = importlib.import_module(f"cxlint.readers.{module}").read
    return reader


def reader_for(path: str) -> Reader | None:
    """The reader for a path by its suffix, or None when cxlint does not read that format."""
    dot = path.rfind(".")
    if dot == -1 or "/" in path[dot:]:
        return None
    module = READERS.get(path[dot:].lower())
    return _load(module) if module is not None else None
