"""The pygls server: buffers in, diagnostics and quick fixes out, over stdio.

An opened buffer is linted at once; edits are debounced (a lint starts once the buffer has been
still for ``DEBOUNCE_SECONDS``, and a lint whose buffer changed meanwhile is not published).
Lints run one at a time on one worker thread, so the connection keeps reading while the engine
works and the engine is never entered twice. Every diagnostic set carries the buffer version it
was computed from.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from cxlint import __version__
from cxlint.lsp.actions import Edit, disable_edit, replacement_edit
from cxlint.lsp.linting import BufferLinter, Linted, LintFailure
from cxlint.lsp.positions import ENCODINGS, UTF16
from cxlint.lsp.project import Project

DEBOUNCE_SECONDS = 0.3
NAME = "cxlint"


class CxlintServer(LanguageServer):
    """The LanguageServer with cxlint's state: one engine, the last lint of each open buffer."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__(NAME, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.linter = BufferLinter(Project())
        self.linted: dict[str, Linted] = {}
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cxlint-lint")
        self.shown_errors: set[str] = set()

    async def lint_and_publish(self, uri: str) -> None:
        """Lint the buffer as it is now; publish unless it changed (or closed) while the lint ran."""
        if not self.is_open(uri):
            return
        document = self.workspace.get_text_document(uri)
        version, text, language = document.version, document.source, document.language_id
        outcome = await asyncio.get_running_loop().run_in_executor(self.lint_thread, self.linter.lint, uri, text, version, language)
        if not self.is_open(uri) or self.workspace.get_text_document(uri).version != version:
            return  # closed, or edited since: the lint of the newer text will publish
        if isinstance(outcome, LintFailure):
            self.report(outcome)
            return
        self.linted[uri] = outcome
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=outcome.diagnostics))

    def is_open(self, uri: str) -> bool:
        return uri in self.workspace.text_documents

    def report(self, failure: LintFailure) -> None:
        """Log every failure; show a broken config once (it would otherwise pop up on every keystroke)."""
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=failure.message))
        if failure.config_error and failure.message not in self.shown_errors:
            self.shown_errors.add(failure.message)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=failure.message))


def build_server(debounce: float = DEBOUNCE_SECONDS) -> CxlintServer:
    server = CxlintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: CxlintServer, params: types.InitializeParams) -> None:
        encoding = str(getattr(ls.workspace.position_encoding, "value", ls.workspace.position_encoding) or UTF16)
        ls.linter.encoding = encoding if encoding in ENCODINGS else UTF16
        folder = ls.workspace.root_path
        if folder:
            ls.linter.project.fallback_folder = folder

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CxlintServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint_and_publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: CxlintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri, version = params.text_document.uri, params.text_document.version
        await asyncio.sleep(ls.debounce)
        if ls.is_open(uri) and ls.workspace.get_text_document(uri).version == version:
            await ls.lint_and_publish(uri)  # only the last of a burst of edits is linted

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: CxlintServer, params: types.DidSaveTextDocumentParams) -> None:
        await ls.lint_and_publish(params.text_document.uri)  # a saved config beside it may change the verdict

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CxlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False),
    )
    def code_action(ls: CxlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return []
        try:
            return code_actions(linted, params.range)
        except Exception as exc:  # noqa: BLE001 - a defect costs the menu entry, not the session
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=f"cxlint: code actions failed: {type(exc).__name__}: {exc}"))
            return []

    return server


def code_actions(linted: Linted, wanted: types.Range) -> list[types.CodeAction]:
    """Quick fixes for the findings whose diagnostics touch ``wanted``, as edits of the version linted."""
    actions: list[types.CodeAction] = []
    settings = linted.settings
    for diagnostic, finding in linted.findings:
        if not _touches(diagnostic.range, wanted):
            continue
        rule = settings.rules.get(finding.rule) if settings else None
        edits = [replacement_edit(finding, rule.replacement if rule else None)]
        if linted.reader_path is not None:
            require_reason = settings.config.require_reason if settings else True
            edits.append(disable_edit(finding, linted.text, linted.reader_path, require_reason, linted.positions))
        actions += [_action(linted, diagnostic, edit) for edit in edits if edit is not None]
    return actions


def _action(linted: Linted, diagnostic: types.Diagnostic, edit: Edit) -> types.CodeAction:
    start = types.Position(*linted.positions.position(edit.start))
    end = types.Position(*linted.positions.position(edit.end))
    change = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=linted.uri, version=linted.version),
        edits=[types.TextEdit(range=types.Range(start, end), new_text=edit.new_text)],
    )
    return types.CodeAction(
        title=edit.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=edit.preferred or None,
        edit=types.WorkspaceEdit(document_changes=[change]),
    )


def _touches(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def serve() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING)  # pygls logs to stderr; stdout carries the protocol
    build_server().start_io()
    return 0
