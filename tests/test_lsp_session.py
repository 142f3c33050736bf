"""``cxlint lsp`` driven by a real LSP client over stdio: a subprocess, JSON-RPC framing, the whole protocol."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import USER_PACK
from tests.lsp_client import LspClient

pytest.importorskip("pygls")

# "Café 😀 ñ — " is 11 code points, 12 UTF-16 units (the emoji is a surrogate pair) and 18 UTF-8 bytes.
LEAD = "Café 😀 ñ — "
COPY = LEAD + "We noticed you browsed socks.\n"


def _initialize(client: LspClient, root: Path, encodings: list[str] | None = None) -> dict[str, Any]:
    capabilities: dict[str, Any] = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
    if encodings is not None:
        capabilities["general"] = {"positionEncodings": encodings}
    result = client.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities})
    client.notify("initialized", {})
    return result


def _open(client: LspClient, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})


def _span(diagnostic: dict[str, Any]) -> tuple[int, int, int, int]:
    r = diagnostic["range"]
    return r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[LspClient]:
    session = LspClient(tmp_path)
    yield session
    if session.process.poll() is None:
        session.process.kill()
    session.stop()


def test_session_lints_opened_and_changed_buffers_in_utf16_and_offers_a_fix(client: LspClient, tmp_path: Path) -> None:
    result = _initialize(client, tmp_path)
    assert result["capabilities"]["positionEncoding"] == "utf-16"
    assert result["capabilities"]["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    uri = (tmp_path / "welcome.md").as_uri()  # never written to disk: the editor's text is what is linted
    _open(client, uri, "# Hello\n\n" + COPY)
    [diagnostic] = client.diagnostics(uri, 1)
    assert _span(diagnostic) == (2, 12, 2, 26)  # "We noticed you" after 12 UTF-16 units
    assert diagnostic["code"] == "CX101"
    assert diagnostic["source"] == "cxlint"
    assert diagnostic["severity"] == 2
    assert diagnostic["codeDescription"]["href"].endswith("docs/rules.md#cx101")
    assert "\nSuggestion: " in diagnostic["message"]

    # An incremental edit: a precise time at the end of line 3 adds CX102 (and raises CX101's score).
    end = {"line": 2, "character": 12 + len("We noticed you browsed socks")}
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": end, "end": end}, "text": " at 11:48 PM"}],
    })
    diagnostics = client.diagnostics(uri, 2)
    assert [(d["code"], _span(d)) for d in diagnostics] == [("CX101", (2, 12, 2, 26)), ("CX102", (2, 41, 2, 52))]

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": diagnostics[1]["range"],
        "context": {"diagnostics": [diagnostics[1]]},
    })
    [action] = [a for a in actions if "disable" in a["title"]]
    assert action["kind"] == "quickfix"
    [change] = action["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 2}
    [edit] = change["edits"]
    line_end = 12 + len("We noticed you browsed socks at 11:48 PM.")
    assert edit["range"] == {"start": {"line": 2, "character": line_end}, "end": {"line": 2, "character": line_end}}
    assert edit["newText"] == " <!-- cxlint-disable-line CX102 -- -->"

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


@pytest.mark.parametrize(("encoding", "column"), [("utf-8", 18), ("utf-32", 11)])
def test_session_counts_in_the_encoding_the_client_offers(client: LspClient, tmp_path: Path, encoding: str, column: int) -> None:
    result = _initialize(client, tmp_path, [encoding, "utf-16"])
    assert result["capabilities"]["positionEncoding"] == encoding
    uri = (tmp_path / "a.md").as_uri()
    _open(client, uri, COPY)
    [diagnostic] = client.diagnostics(uri, 1)
    assert _span(diagnostic) == (0, column, 0, column + len("We noticed you"))
    assert client.close() == 0


def test_session_uses_the_config_beside_the_file_and_offers_its_packs_replacement(client: LspClient, tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(USER_PACK)
    (tmp_path / ".cxlint.yaml").write_text("packs: [house.yaml]\nexclude: [drafts]\nper-file:\n  'sms/**': {disable: [CX101]}\n")
    (tmp_path / "promo.md").write_text("Nothing to see on disk.\n")
    _initialize(client, tmp_path)
    uri = (tmp_path / "promo.md").as_uri()
    _open(client, uri, "Great deals! Act now.\n")
    diagnostics = client.diagnostics(uri, 1)
    assert [(d["code"], _span(d)) for d in diagnostics] == [("CX302", (0, 13, 0, 20)), ("CX901", (0, 13, 0, 20))]
    diagnostic = diagnostics[1]
    assert "codeDescription" not in diagnostic  # a user pack's rule has no page in docs/rules.md
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]},
    })
    [fix] = [a for a in actions if a.get("isPreferred")]
    [edit] = fix["edit"]["documentChanges"][0]["edits"]
    assert (edit["newText"], edit["range"]) == ("Offer ends Friday", diagnostic["range"])

    for path, expected in (("sms/offer.md", []), ("drafts/offer.md", []), ("email/offer.md", ["CX101"])):
        other = (tmp_path / path).as_uri()
        _open(client, other, COPY)
        assert [d["code"] for d in client.diagnostics(other, 1)] == expected, path

    # The config changes on disk: the next lint reads it again (CX101 off, the house pack gone).
    (tmp_path / ".cxlint.yaml").write_text("disable: [CX101]\n")
    email = (tmp_path / "email/offer.md").as_uri()
    client.notify("textDocument/didChange", {"textDocument": {"uri": email, "version": 2}, "contentChanges": [{"text": COPY + "Act now.\n"}]})
    assert [d["code"] for d in client.diagnostics(email, 2)] == ["CX302"]
    assert client.close() == 0


def test_session_reads_each_format_and_unsaved_buffers_by_language(client: LspClient, tmp_path: Path) -> None:
    _initialize(client, tmp_path)
    cases = [
        ((tmp_path / "bot.yaml").as_uri(), "yaml", "intro:\n  text: \"Café 😀! We noticed you browsed socks.\"\n", (1, 18, 1, 32)),
        ((tmp_path / "strings.json").as_uri(), "json", '{"a": "😀 We noticed you browsed socks."}', (0, 10, 0, 24)),
        ("untitled:Untitled-1", "html", "<p>😀 We noticed you browsed socks.</p>", (0, 6, 0, 20)),
    ]
    for uri, language, text, span in cases:
        _open(client, uri, text, language)
        assert [(d["code"], _span(d)) for d in client.diagnostics(uri, 1)] == [("CX101", span)], language
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": cases[0][0]}, "range": {"start": {"line": 1, "character": 20}, "end": {"line": 1, "character": 20}},
        "context": {"diagnostics": []},
    })
    [edit] = actions[0]["edit"]["documentChanges"][0]["edits"]
    assert edit["newText"] == "  # cxlint: ignore[CX101] --"
    assert client.close() == 0


def test_session_publishes_only_the_latest_of_a_burst_of_edits(client: LspClient, tmp_path: Path) -> None:
    _initialize(client, tmp_path)
    uri = (tmp_path / "a.md").as_uri()
    _open(client, uri, "Plain copy.\n")
    assert client.diagnostics(uri, 1) == []
    for version, text in ((2, COPY), (3, "Nothing.\n"), (4, "Our 72-hour sale is live.\n")):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})
    assert [d["code"] for d in client.diagnostics(uri, 4)] == ["CX302"]
    client.notifications.clear()  # what came before the newest may include an earlier version's lint: allowed
    client.request("textDocument/codeAction", {  # a round trip: anything published before it has arrived
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []},
    })
    late = [m for m in _drain(client) if m.get("method") == "textDocument/publishDiagnostics"]
    assert late == []  # no lint of an older version is published after the newest
    assert client.close() == 0


def _drain(client: LspClient) -> list[dict[str, Any]]:
    out = list(client.notifications)
    client.notifications.clear()
    while not client.messages.empty():
        out.append(client.messages.get_nowait())
    return out


def test_session_removes_an_unused_suppression(client: LspClient, tmp_path: Path) -> None:
    _initialize(client, tmp_path)
    uri = (tmp_path / "a.md").as_uri()
    _open(client, uri, "Plain copy.\n\n<!-- cxlint-disable-next-line CX101 -- old -->\nNothing here.\n")
    [diagnostic] = client.diagnostics(uri, 1)
    assert diagnostic["code"] == "CX001"
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]},
    })
    assert [a["title"] for a in actions] == ["CX001: remove '<!-- cxlint-disable-next-line CX101 -- …'"]
    [edit] = actions[0]["edit"]["documentChanges"][0]["edits"]
    assert (edit["range"], edit["newText"]) == (diagnostic["range"], "")
    assert client.close() == 0


def test_session_survives_a_broken_config_and_says_why(client: LspClient, tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("disable: [CX999]\n")
    _initialize(client, tmp_path)
    uri = (tmp_path / "a.md").as_uri()
    _open(client, uri, COPY)
    shown = client._wait(lambda m: m.get("method") == "window/showMessage")
    assert "CX999" in shown["params"]["message"] and ".cxlint.yaml" in shown["params"]["message"]
    (tmp_path / ".cxlint.yaml").write_text("disable: [CX102]\n")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": COPY}]})
    assert [d["code"] for d in client.diagnostics(uri, 2)] == ["CX101"]
    assert client.close() == 0
