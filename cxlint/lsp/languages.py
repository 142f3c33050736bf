"""Which reader reads an editor's buffer: the file name's suffix, as ``check`` decides from a path,
else the editor's languageId (an unsaved ``untitled:`` buffer has no suffix)."""

from __future__ import annotations

from cxlint.readers import reader_for

LANGUAGE_SUFFIXES: dict[str, str] = {
    "markdown": ".md",
    "mdx": ".mdx",
    "html": ".html",
    "plaintext": ".txt",
    "mjml": ".mjml",
    "json": ".json",
    "jsonc": ".json",
    "yaml": ".yaml",
    "po": ".po",
    "gettext": ".po",
    "fluent": ".ftl",
    "properties": ".properties",
    "java-properties": ".properties",
    "ini": ".ini",
    "xml": ".xml",
    "email": ".eml",
    "eml": ".eml",
    "jinja": ".j2",
    "jinja-html": ".j2",
    "django-html": ".j2",
    "nunjucks": ".njk",
    "liquid": ".liquid",
    "handlebars": ".hbs",
    "mustache": ".mustache",
    "twig": ".twig",
}
"""languageId (the identifiers VS Code, Neovim and Zed send) -> the suffix whose reader reads it."""


def reader_path(path: str, language_id: str | None) -> str | None:
    """The path whose suffix picks the reader for this buffer, or None when cxlint reads neither."""
    if reader_for(path) is not None:
        return path
    suffix = LANGUAGE_SUFFIXES.get((language_id or "").lower())
    return (path + suffix) if suffix else None
