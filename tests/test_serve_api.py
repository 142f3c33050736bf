"""The review page's server and API: the same findings as ``check``, and a server that refuses what it should."""

from __future__ import annotations

import base64
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxlint.commands.check import run_check
from cxlint.config import find_config, load_config
from cxlint.readers import READERS
from cxlint.serve.api import file_types
from cxlint.serve.review import MAX_COPY_BYTES
from cxlint.serve.server import MAX_BODY_BYTES
from cxlint.walk import iter_files
from tests.conftest import CLEAN, CREEPY, REPO
from tests.serve_support import Running, serving

CONFIG = """\
exclude: [drafts]
per-file:
  "sms/**": {channel: sms}
  "support/**": {disable: [CX101]}
"""
FILES = {
    "email/win-back.md": CREEPY + "\nIt's guaranteed to arrive in 24 hours or your money back.\n",
    "sms/offer.txt": "Only 2 left! We saw you checking these out at 11:48 PM.\n",
    "support/reply.md": CREEPY,
    "landing/page.html": "<html><body><nav>x</nav><p>We noticed you looked at our plans 3 times today.</p></body></html>\n",
    "drafts/old.md": CREEPY,
    "notes.bin": "not copy",
    "clean.txt": CLEAN,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("served")
    (root / ".cxlint.yaml").write_text(CONFIG, encoding="utf-8")
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def running(folder: Path) -> Iterator[Running]:
    with serving(str(folder), load_config(find_config(str(folder)))) as run:
        yield run


def check_json(*args: str, channel: str | None = None, stdin: str | None = None, stdin_filename: str = "stdin.md",
               monkeypatch: pytest.MonkeyPatch | None = None) -> dict:
    """What ``cxlint check --format json`` prints for these paths."""
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    out = io.StringIO()
    run_check(args, "json", "never", out, channel=channel, stdin_filename=stdin_filename, err=io.StringIO())
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("name", "rules", "channel"),
    [
        ("email/win-back.md", {"CX101", "CX102"}, "email"),
        ("sms/offer.txt", {"CX101", "CX102", "CX303"}, "sms"),  # the channel the config gives sms/**
        ("support/reply.md", {"CX102"}, None),  # the config switches CX101 off there
        ("landing/page.html", {"CX101", "CX104"}, "landing"),
    ],
)
def test_a_folder_file_gets_exactly_checks_json(running: Running, folder: Path, name: str, rules: set, channel: str | None) -> None:
    status, answer = running.json("POST", "/api/check", {"file": name})
    assert status == 200
    assert answer["report"] == check_json(str(folder / name))
    assert rules <= {f["rule"] for f in answer["report"]["findings"]}
    assert "CX101" in rules or all(f["rule"] != "CX101" for f in answer["report"]["findings"])
    assert {f.get("channel") for f in answer["report"]["findings"]} == {channel}


def test_a_repository_example_gets_exactly_checks_json() -> None:
    examples = str(REPO / "examples")
    with serving(examples, load_config(find_config(examples))) as run:
        status, answer = run.json("POST", "/api/check", {"file": os.path.join("email", "win-back.md")})
    assert status == 200
    expected = check_json(os.path.join(examples, "email", "win-back.md"))
    assert expected["findings"]
    assert answer["report"] == expected


def test_an_explicit_channel_is_checks_channel_option(running: Running, folder: Path) -> None:
    status, answer = running.json("POST", "/api/check", {"file": "email/win-back.md", "channel": "push"})
    assert status == 200
    assert answer["report"] == check_json(str(folder / "email/win-back.md"), channel="push")
    assert {f["channel"] for f in answer["report"]["findings"]} == {"push"}


def test_pasted_copy_gets_exactly_checks_json_for_standard_input(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    status, answer = running.json("POST", "/api/check", {"text": CREEPY, "filename": "pasted.md", "channel": "sms"})
    assert status == 200
    expected = check_json("-", channel="sms", stdin=CREEPY, stdin_filename="pasted.md", monkeypatch=monkeypatch)
    assert expected["findings"]
    assert answer["report"] == expected
    assert answer["source"] == CREEPY


def test_dropped_file_bytes_are_read_as_check_reads_them(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    html = "<p>We noticed you were browsing socks at 2:14am last night.</p>\n"
    data = base64.b64encode(("\ufeff" + html).encode("utf-8")).decode("ascii")
    status, answer = running.json("POST", "/api/check", {"data": data, "filename": "promo.html"})
    assert status == 200
    assert answer["source"] == html  # the BOM is decoded away, as check decodes files
    assert answer["report"] == check_json("-", stdin=html, stdin_filename="promo.html", monkeypatch=monkeypatch)


def test_each_range_counts_utf16_units_to_the_findings_text(running: Running) -> None:
    text = "🎉 Ünïcode first. We noticed you were browsing socks at 2:14am last night.\n"
    status, answer = running.json("POST", "/api/check", {"text": text})
    assert status == 200
    utf16 = text.encode("utf-16-le")
    assert answer["report"]["findings"]
    for finding, span in zip(answer["report"]["findings"], answer["ranges"]):
        assert utf16[2 * span["start"]: 2 * span["end"]].decode("utf-16-le") == finding["text"]
        assert span["start"] != text.index(finding["text"])  # the emoji counts two units, not one code point


def test_clean_copy_has_no_findings(running: Running) -> None:
    status, answer = running.json("POST", "/api/check", {"text": CLEAN, "filename": "pasted.txt"})
    assert status == 200
    assert answer["report"]["findings"] == [] and answer["ranges"] == []


def test_unreadable_copy_is_a_cx000_error_not_a_crash(running: Running) -> None:
    data = base64.b64encode(b"\x00\x01binary").decode("ascii")
    status, answer = running.json("POST", "/api/check", {"data": data, "filename": "image.txt"})
    assert status == 200
    assert answer["source"] is None
    assert [e["code"] for e in answer["report"]["errors"]] == ["CX000"]
    assert "binary" in answer["report"]["errors"][0]["message"]


def test_folder_lists_what_check_walks_honouring_exclude(running: Running, folder: Path) -> None:
    status, answer = running.json("GET", "/api/files")
    assert status == 200
    config = load_config(find_config(str(folder)))
    walked = [os.path.relpath(p, folder) for p in iter_files((str(folder),), config.is_excluded, problems=[])]
    assert answer["files"] == walked
    assert "drafts/old.md" not in answer["files"] and "notes.bin" not in answer["files"]
    assert "email/win-back.md" in answer["files"]


@pytest.mark.parametrize("name", ["drafts/old.md", "../served/email/win-back.md", "/etc/passwd", "notes.bin", "missing.md"])
def test_only_listed_files_can_be_opened(running: Running, name: str) -> None:
    status, answer = running.json("POST", "/api/check", {"file": name})
    assert status == 404
    assert "not a lintable file" in answer["error"]["message"]


def test_export_renders_sarif_text_and_json(running: Running, folder: Path) -> None:
    request = {"file": "email/win-back.md"}
    status, headers, body = running.call("POST", "/api/export", {**request, "format": "sarif"})
    assert status == 200 and headers["content-type"].startswith("application/sarif+json")
    assert headers["content-disposition"] == 'attachment; filename="cxlint-win-back.sarif"'
    sarif = json.loads(body)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    status, headers, body = running.call("POST", "/api/export", {**request, "format": "text"})
    assert status == 200 and "CX101" in body.decode() and body.decode().rstrip().endswith("in 1 file.")
    status, headers, body = running.call("POST", "/api/export", {**request, "format": "json"})
    assert json.loads(body) == check_json(str(folder / "email/win-back.md"))


def test_export_names_a_dropped_file_safely(running: Running) -> None:
    data = base64.b64encode(CREEPY.encode()).decode()
    status, headers, _ = running.call("POST", "/api/export", {"data": data, "filename": 'a "b"\r\nX: y.md', "format": "json"})
    assert status == 200
    assert headers["content-disposition"] == 'attachment; filename="cxlint-a-b-X-y.json"'


def test_meta_lists_channels_file_types_and_exports(running: Running) -> None:
    status, meta = running.json("GET", "/api/meta")
    assert status == 200
    assert "sms" in meta["channels"] and "in-app" in meta["channels"]
    assert meta["exports"] == ["json", "sarif", "text"]
    assert meta["folder"] == "served0" or meta["folder"].startswith("served")


def test_every_reader_can_be_chosen_for_pasted_copy() -> None:
    chosen = {READERS[entry["suffix"]] for entry in file_types()}
    assert chosen == set(READERS.values())


# ---- what the server refuses ------------------------------------------------------------------


def test_a_rebound_host_is_refused(running: Running) -> None:
    """DNS rebinding: a page at evil.example resolved to 127.0.0.1 sends its own name as Host."""
    for host in (f"evil.example:{running.port}", "127.0.0.1:1", "localhost", None):
        status, answer = running.json("GET", "/api/meta", headers={"Host": host})
        assert status == 421, host
        assert "127.0.0.1" in answer["error"]["message"]
    status, headers, _ = running.call("GET", "/", headers={"Host": f"evil.example:{running.port}"})
    assert status == 421


def test_localhost_by_name_is_served(running: Running) -> None:
    status, _ = running.json("GET", "/api/meta", headers={"Host": f"localhost:{running.port}"})
    assert status == 200


@pytest.mark.parametrize("token", [None, "", "wrong", "test-token-0123456789x"])
def test_the_api_needs_the_runs_token(running: Running, token: str | None) -> None:
    for method, path, body in (("GET", "/api/files", None), ("POST", "/api/check", {"text": CREEPY})):
        status, answer = running.json(method, path, body, headers={"X-CXLint-Token": token})
        assert status == 403
        assert "token" in answer["error"]["message"]


def test_a_cross_origin_post_is_refused(running: Running) -> None:
    status, answer = running.json("POST", "/api/check", {"text": CREEPY}, headers={"Origin": "https://evil.example"})
    assert status == 403 and "cross-origin" in answer["error"]["message"]
    status, _ = running.json("POST", "/api/check", {"text": CREEPY}, headers={"Origin": f"http://127.0.0.1:{running.port}"})
    assert status == 200


def test_posts_must_be_json(running: Running) -> None:
    status, answer = running.json("POST", "/api/check", raw=b"text=hi", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    status, answer = running.json("POST", "/api/check", raw=b"{not json", headers={"Content-Type": "application/json"})
    assert status == 400 and "not JSON" in answer["error"]["message"]
    status, answer = running.json("POST", "/api/check", raw=b"[1, 2]", headers={"Content-Type": "application/json"})
    assert status == 400 and "JSON object" in answer["error"]["message"]


def test_a_body_over_the_limit_is_refused_unread(running: Running) -> None:
    status, answer = running.json(
        "POST", "/api/check", raw=b"{}", headers={"Content-Type": "application/json", "Content-Length": str(MAX_BODY_BYTES + 1)}
    )
    assert status == 413


def test_copy_over_the_limit_is_refused(running: Running) -> None:
    status, answer = running.json("POST", "/api/check", {"text": "a" * (MAX_COPY_BYTES + 1)})
    assert status == 413 and "too large" in answer["error"]["message"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": CREEPY, "channel": "fax"}, "unknown channel"),
        ({"text": CREEPY, "filename": "copy.docx"}, "does not read .docx"),
        ({"text": 3}, "'text' must be a str"),
        ({"data": "***"}, "base64"),
        ({"channel": "sms"}, "needs 'file', 'text' or 'data'"),
        ({"file": "email/win-back.md", "format": "pdf"}, "unknown export format"),
    ],
)
def test_bad_requests_get_a_clear_json_error(running: Running, body: dict, words: str) -> None:
    path = "/api/export" if "format" in body else "/api/check"
    status, answer = running.json("POST", path, body)
    assert status == 400
    assert words in answer["error"]["message"]


def test_http_servers_own_errors_are_json_too(running: Running) -> None:
    status, headers, body = running.call("BREW", "/")
    assert status == 501
    assert json.loads(body)["error"]["status"] == 501
    status, answer = running.json("GET", "/nowhere")
    assert status == 404
    status, answer = running.json("GET", "/api/check")
    assert status == 405


def test_an_internal_error_is_a_json_500_and_one_log_line(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("engine fell over")

    monkeypatch.setattr(running.api.reviewer, "review_copy", broken)
    status, answer = running.json("POST", "/api/check", {"text": CREEPY})
    assert status == 500
    assert answer["error"]["message"] == "internal error: RuntimeError: engine fell over"
    assert "Traceback" not in running.log.getvalue()
    assert "engine fell over" in running.log.getvalue()


def test_the_page_and_its_headers(running: Running) -> None:
    status, headers, body = running.call("GET", "/?token=abc", headers={"X-CXLint-Token": None})
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "no-referrer"
    assert b'src="/review.js"' in body
    assert "abc" not in running.log.getvalue()  # a query (the token) is never logged


def test_the_page_loads_nothing_from_elsewhere() -> None:
    page = Path(__file__).resolve().parent.parent / "cxlint" / "serve" / "page"
    for asset in page.iterdir():
        text = asset.read_text(encoding="utf-8")
        for scheme in ("http://", "https://", "//fonts", "@import", "url("):
            if asset.suffix == ".svg" and scheme == "http://":
                continue  # the SVG namespace is a name, not a request
            assert scheme not in text, f"{asset.name} refers to {scheme}"
