"""``cxlint serve`` as a process: prints its URL, answers on 127.0.0.1, stops cleanly on Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CREEPY, REPO

URL = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)")


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """The server as a terminal would start it: with Ctrl-C's default action, even when the test run
    itself was started in the background (a shell's background job ignores SIGINT, and Python then
    installs no KeyboardInterrupt handler, so the server would never stop)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "BROWSER": "false"}
    return subprocess.Popen([sys.executable, "-m", "cxlint", "serve", *args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def first_url(process: subprocess.Popen[str]) -> re.Match[str]:
    assert process.stdout is not None
    for _ in range(5):
        line = process.stdout.readline()
        match = URL.search(line)
        if match:
            return match
    process.kill()
    raise AssertionError(f"no URL printed; stderr: {process.communicate()[1]}")


def test_serve_prints_its_url_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / "email").mkdir()
    (tmp_path / "email" / "welcome.md").write_text(CREEPY, encoding="utf-8")
    process = start("--port", "0", "--no-open", cwd=tmp_path)  # the current folder by default
    try:
        match = first_url(process)
        port, token = match.group(1), match.group(2)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/files", headers={"X-CXLint-Token": token})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["files"] == [os.path.join("email", "welcome.md")]
        listening = socket.create_connection(("127.0.0.1", int(port)), timeout=5)
        listening.close()
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "stopped" in out
    assert "Traceback" not in err


@pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (iproute2) to list listening sockets")
def test_serve_listens_on_loopback_only(tmp_path: Path) -> None:
    process = start(str(tmp_path), "--port", "0", "--no-open", cwd=tmp_path)
    try:
        port = int(first_url(process).group(1))
        listing = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
        local_addresses = [line.split()[3] for line in listing.splitlines() if line.strip()]
        assert local_addresses == [f"127.0.0.1:{port}"]
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start(str(tmp_path), "--port", str(port), "--no-open", cwd=tmp_path)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert f"port {port} is in use" in err and "--port 0" in err


def test_serving_something_that_is_not_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    copy = tmp_path / "copy.md"
    copy.write_text(CREEPY, encoding="utf-8")
    process = start(str(copy), "--no-open", cwd=tmp_path)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "copy.md" in err


@pytest.mark.parametrize("option", ["--open", "--no-open", "--port"])
def test_help_lists_the_options(option: str) -> None:
    result = subprocess.run([sys.executable, "-m", "cxlint", "serve", "--help"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0
    assert option in result.stdout



@pytest.mark.parametrize("open_browser", [True, False])
def test_open_hands_the_url_to_the_browser_and_no_open_does_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                open_browser: bool) -> None:
    import io
    import threading

    from cxlint.commands.serve import run_serve
    from cxlint.serve.server import ReviewServer

    opened: list[str] = []
    told = threading.Event()

    def fake_open(url: str) -> bool:
        opened.append(url)
        told.set()
        return True

    def interrupted(self: ReviewServer, poll_interval: float = 0.5) -> None:
        told.wait(10 if open_browser else 0)  # Ctrl-C once the browser was told (or at once)
        raise KeyboardInterrupt

    monkeypatch.setattr("webbrowser.open", fake_open)
    monkeypatch.setattr(ReviewServer, "serve_forever", interrupted)
    out = io.StringIO()
    assert run_serve(str(tmp_path), 0, open_browser, out, io.StringIO(), isolated=True) == 0
    url = URL.search(out.getvalue())
    assert url is not None and out.getvalue().endswith("cxlint serve: stopped\n")
    assert opened == ([url.group(0)] if open_browser else [])
