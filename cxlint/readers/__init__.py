"""One reader per format behind one small registry: ``READERS[suffix](path, text) -> Document``.

A reader module imports its parser inside ``read`` so the linter's start-up stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable

from cxlint.document import Document
from cxlint.readers import android, eml, fluent, gettext, html, ini, jsonfile, markdown, mdx, mjml, plaintext, properties, template, yamlfile

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": plaintext.read,
    ".text": plaintext.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".mdown": markdown.read,
    ".mkd": markdown.read,
    ".mdx": mdx.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".mjml": mjml.read,
    ".j2": template.read,
    ".jinja": template.read,
    ".jinja2": template.read,
    ".njk": template.read,
    ".liquid": template.read,
    ".hbs": template.read,
    ".handlebars": template.read,
    ".mustache": template.read,
    ".twig": template.read,
    ".json": jsonfile.read,
    ".yaml": yamlfile.read,
    ".yml": yamlfile.read,
    ".po": gettext.read,
    ".pot": gettext.read,
    ".ftl": fluent.read,
    ".properties": properties.read,
    ".ini": ini.read,
    ".xml": android.read,
    ".eml": eml.read,
}


def reader_for(path: str) -> Reader | None:
    """The reader for a path by its suffix, or None when cxlint does not read that format."""
    dot = path.rfind(".")
    if dot == -1 or "/" in path[dot:]:
        return None
    return READERS.get(path[dot:].lower())
