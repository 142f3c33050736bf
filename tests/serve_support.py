"""Helpers for the review page's tests: a server on a free port in a thread, and raw HTTP calls to it."""

from __future__ import annotations

import http.client
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cxlint.config import Config
from cxlint.serve.api import Api, Download
from cxlint.serve.review import Reviewer
from cxlint.serve.server import ReviewServer

TOKEN = "test-token-0123456789"


class RecordingApi(Api):
    """The real API, remembering each check and export request it was sent (what the page asked for)."""

    def __init__(self, reviewer: Reviewer) -> None:
        super().__init__(reviewer)
        self.requests: list[Any] = []
        self.exports: list[Any] = []

    def check(self, request: Any) -> dict[str, Any]:
        self.requests.append(request)
        return super().check(request)

    def export(self, request: Any) -> Download:
        self.exports.append(request)
        return super().export(request)


@dataclass
class Running:
    server: ReviewServer
    api: RecordingApi
    log: io.StringIO = field(default_factory=io.StringIO)

    @property
    def port(self) -> int:
        return self.server.port

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
             raw: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request with this run's Host and token unless ``headers`` says otherwise."""
        sent = {"Host": f"127.0.0.1:{self.port}", "X-CXLint-Token": TOKEN}
        if body is not None:
            raw = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        sent = {k: v for k, v in sent.items() if v is not None}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            if raw is not None and "Content-Length" not in sent:
                connection.putheader("Content-Length", str(len(raw)))
            connection.endheaders(raw)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def json(self, method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        status, headers, payload = self.call(method, path, body, **kwargs)
        assert headers["content-type"].startswith("application/json"), headers
        return status, json.loads(payload)


@contextmanager
def serving(folder: str, config: Config | None = None) -> Iterator[Running]:
    """The review server for ``folder`` on a free port of 127.0.0.1, stopped on exit."""
    log = io.StringIO()
    api = RecordingApi(Reviewer(folder, config or Config()))
    server = ReviewServer(api, 0, TOKEN, log=log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Running(server, api, log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
