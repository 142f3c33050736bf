"""The review page's HTTP server: the standard library's ThreadingHTTPServer on the loopback interface.

Every request passes the :class:`~cxlint.serve.guard.Guard` first; bodies have a size limit;
every error, down to a malformed request line, is answered as JSON (never an HTML traceback).
The page's HTML, CSS and JavaScript ship inside the package: nothing is fetched from elsewhere.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, TextIO
from urllib.parse import urlsplit

from cxlint.serve.api import Api, ApiError, Download
from cxlint.serve.guard import TOKEN_HEADER, Guard

HOST = "127.0.0.1"
MAX_BODY_BYTES = 2 * 1024 * 1024
"""A posted body above this is refused before it is read (a dropped file arrives base64-encoded: 4/3 its size)."""
REQUEST_TIMEOUT = 30
"""Seconds a connection may stay silent: a stalled client does not hold a thread for ever."""

PAGE_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/review.css": ("review.css", "text/css; charset=utf-8"),
    "/review.js": ("review.js", "text/javascript; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def page_assets() -> dict[str, tuple[bytes, str]]:
    """The page's files, read once from the package: URL path -> (body, content type)."""
    folder = resources.files("cxlint.serve").joinpath("page")
    return {url: (folder.joinpath(name).read_bytes(), kind) for url, (name, kind) in PAGE_FILES.items()}


class ReviewServer(ThreadingHTTPServer):
    """One served folder: its API, its guard and the page's files; threads die with the server."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, api: Api, port: int, token: str, log: TextIO | None = None) -> None:
        super().__init__((HOST, port), ReviewHandler)
        self.api = api
        self.guard = Guard(self.server_address[1], token)
        self.assets = page_assets()
        self.log = log or sys.stderr

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection that broke (the tab closed mid-answer) is one line on stderr, not a traceback."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            self.log.write(f"cxlint serve: connection error: {type(error).__name__}: {error}\n")

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        """The address to open: the token rides in the query, the page moves it into a header."""
        return f"http://{HOST}:{self.port}/?token={self.guard.token}"


class ReviewHandler(BaseHTTPRequestHandler):
    """Routes a request to the page's files or the API, after the guard's checks."""

    server: ReviewServer
    server_version = "cxlint-serve"
    timeout = REQUEST_TIMEOUT
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self._answer(self._get)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(self._get, body=False)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(self._post)

    def _answer(self, route: Callable[[str], tuple[int, bytes, str, dict[str, str]]], body: bool = True) -> None:
        """Guard, route, and answer; anything unforeseen is a 500 in JSON, logged as one line."""
        try:
            if not self.server.guard.host_allowed(self.headers.get("Host")):
                raise ApiError(421, "this server answers only to 127.0.0.1 and localhost on its own port")
            status, payload, kind, extra = route(urlsplit(self.path).path)
        except ApiError as exc:
            status, payload, kind, extra = _error(exc.status, exc.message)
        except Exception as exc:  # noqa: BLE001 - the boundary: a defect is a JSON error, not a traceback page
            self.server.log.write(f"cxlint serve: internal error on {self.command} {urlsplit(self.path).path}: {type(exc).__name__}: {exc}\n")
            status, payload, kind, extra = _error(500, f"internal error: {type(exc).__name__}: {exc}")
        self._send(status, payload, kind, extra, body)

    def _get(self, path: str) -> tuple[int, bytes, str, dict[str, str]]:
        if path in self.server.assets:
            content, kind = self.server.assets[path]
            return 200, content, kind, {}
        if path == "/api/meta":
            return _json(200, self._api().meta())
        if path == "/api/files":
            return _json(200, self._api().files())
        if path.startswith("/api/"):
            raise ApiError(405 if path in ("/api/check", "/api/export") else 404, f"no GET {path}")
        raise ApiError(404, f"no page at {path}")

    def _post(self, path: str) -> tuple[int, bytes, str, dict[str, str]]:
        if path not in ("/api/check", "/api/export"):
            raise ApiError(405 if path in self.server.assets or path in ("/api/meta", "/api/files") else 404, f"no POST {path}")
        if not self.server.guard.origin_allowed(self.headers.get("Origin")):
            raise ApiError(403, "cross-origin request refused")
        api = self._api()
        request = self._json_body()
        if path == "/api/check":
            return _json(200, api.check(request))
        download = api.export(request)
        return _download(download)

    def _api(self) -> Api:
        """The API, for a request that carries the run's token."""
        if not self.server.guard.token_valid(self.headers.get(TOKEN_HEADER)):
            raise ApiError(403, "missing or wrong token: open the address `cxlint serve` printed")
        return self.server.api

    def _json_body(self) -> Any:
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise ApiError(415, "send the request as application/json")
        if self.headers.get("Transfer-Encoding"):
            raise ApiError(411, "send a Content-Length, not a chunked body")
        length_header = self.headers.get("Content-Length")
        try:
            length = int(length_header or "")
        except ValueError:
            raise ApiError(411, "a Content-Length is needed") from None
        if length < 0 or length > MAX_BODY_BYTES:
            self.close_connection = True  # the body is not read: the connection cannot be reused
            raise ApiError(413, f"request too large ({length:,} bytes); the page takes up to {MAX_BODY_BYTES:,}")
        raw = self.rfile.read(length)
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, f"the body is not JSON: {exc}") from None

    def _send(self, status: int, payload: bytes, kind: str, extra: dict[str, str], body: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in {**SECURITY_HEADERS, **extra}.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (a malformed request line, an unknown method) in JSON, like the API's."""
        self.close_connection = True
        try:
            status, payload, kind, extra = _error(code, message or HTTPStatus(code).phrase)
        except ValueError:
            status, payload, kind, extra = _error(code, message or "error")
        self._send(status, payload, kind, extra, body=code >= 200 and code not in (204, 304))

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Only refused or failed requests are logged, by path alone: a query may hold the token."""
        if isinstance(code, HTTPStatus):
            code = code.value
        if isinstance(code, int) and code >= 400:
            where = urlsplit(self.path).path if hasattr(self, "path") else "-"
            self.server.log.write(f"cxlint serve: {code} {getattr(self, 'command', None) or '-'} {where}\n")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        """http.server's other messages (timeouts, bad requests) are told by log_request; keep stderr quiet."""


def _json(status: int, payload: Any) -> tuple[int, bytes, str, dict[str, str]]:
    return status, json.dumps(payload).encode("ascii"), "application/json; charset=utf-8", {}


def _error(status: int, message: str) -> tuple[int, bytes, str, dict[str, str]]:
    return _json(status, {"error": {"status": status, "message": message}})


def _download(download: Download) -> tuple[int, bytes, str, dict[str, str]]:
    headers = {"Content-Disposition": f'attachment; filename="{download.filename}"'}
    return 200, download.body.encode("utf-8", "surrogatepass"), f"{download.content_type}; charset=utf-8", headers
