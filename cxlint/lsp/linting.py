"""Lint one editor buffer with the project's loaded engine: the buffer's text, never the file on disk.

Kept apart from the transport so it can be tested in-process: it takes text and a path and
returns diagnostics plus what the code actions need, or raises nothing at all (a failure is a
``LintFailure`` the server logs, leaving the editor's diagnostics as they were).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from lsprotocol import types

from cxlint.errors import FatalError
from cxlint.findings import FileProblem, Finding
from cxlint.lsp.diagnostics import problem_diagnostic, to_diagnostic
from cxlint.lsp.languages import reader_path
from cxlint.lsp.positions import UTF16, EditorPositions
from cxlint.lsp.project import Project, Settings
from cxlint.runner import MAX_FILE_BYTES, lint_document_text
from cxlint.sizes import show_size


@dataclass
class Linted:
    """One lint of one version of a buffer: its diagnostics, and each one's finding for code actions."""

    uri: str
    version: int | None
    text: str
    reader_path: str | None
    positions: EditorPositions
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    findings: list[tuple[types.Diagnostic, Finding]] = field(default_factory=list)
    settings: Settings | None = None


@dataclass(frozen=True)
class LintFailure:
    """Why a buffer could not be linted (a broken config, an internal error): logged, not published."""

    uri: str
    message: str
    config_error: bool = False


class BufferLinter:
    """Turns buffers into diagnostics with one :class:`Project` (one loaded engine) for the session."""

    def __init__(self, project: Project, encoding: str = UTF16) -> None:
        self.project = project
        self.encoding = encoding

    def lint(self, uri: str, text: str, version: int | None = None, language_id: str | None = None) -> Linted | LintFailure:
        """Diagnostics for ``text``; whatever goes wrong becomes a LintFailure, never an exception."""
        try:
            return self._lint(uri, text, version, language_id)
        except FatalError as exc:
            return LintFailure(uri, f"cxlint: {exc}", config_error=True)
        except Exception as exc:  # noqa: BLE001 - the server's boundary: a defect costs this lint, not the session
            return LintFailure(uri, f"cxlint: internal error while linting {uri}: {type(exc).__name__}: {exc}")

    def _lint(self, uri: str, text: str, version: int | None, language_id: str | None) -> Linted:
        path = file_path(uri)
        display = path or _untitled_path(uri, self.project.fallback_folder)
        chosen = reader_path(display, language_id)
        positions = EditorPositions(text, self.encoding)
        linted = Linted(uri, version, text, chosen, positions)
        if chosen is None:
            return linted  # a format cxlint does not read: nothing to say
        display = chosen  # a buffer read by its language is named so: its suppression comments are that format's
        settings = self.project.settings_for(path)
        linted.settings = settings
        config = settings.config
        if path is not None and (config.is_excluded(path) or not config.is_included(path)):
            return linted
        limit = config.max_file_size or MAX_FILE_BYTES
        if len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit:
            linted.diagnostics.append(problem_diagnostic(FileProblem(display, f"buffer too large (over the {show_size(limit)} limit); not linted"), positions))
            return linted
        findings, problems = lint_document_text(
            display,
            text,
            settings.ruleset,
            reader_path=chosen,
            channel=config.channel_for(display),
            skip_strings=config.skip_strings,
            disabled=settings.policy.disabled(display),
            decide_file=settings.decider,
            promise_check=settings.promise_check(),
        )
        documented = self.project.documented()
        for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
            diagnostic = to_diagnostic(finding, positions, documented)
            linted.findings.append((diagnostic, finding))
            linted.diagnostics.append(diagnostic)
        linted.diagnostics.extend(problem_diagnostic(p, positions) for p in problems)
        return linted


def file_path(uri: str) -> str | None:
    """The file system path of a ``file:`` URI, else None (an unsaved buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and len(path) > 2 and path[0] == "/" and path[2] == ":":
        path = path[1:]
    return os.path.normpath(path)


def _untitled_path(uri: str, folder: str) -> str:
    """A name for a buffer with no file (``untitled:Untitled-1``), placed in the workspace folder."""
    name = posixpath.basename(unquote(urlparse(uri).path or uri)) or "untitled"
    return os.path.join(folder, name)
