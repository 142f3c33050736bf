"""The review page's JSON API, apart from HTTP: a parsed request in, a status and a payload out.

``GET /api/meta`` (channels, file types, export formats, limits), ``GET /api/files`` (the
folder's lintable files), ``POST /api/check`` (findings for a file or for copy, with the
characters each one highlights) and ``POST /api/export`` (the same run as a report file).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from cxlint import __version__
from cxlint.channels import CHANNELS
from cxlint.formatters.common import problem_record
from cxlint.readers import READERS
from cxlint.serve.review import MAX_COPY_BYTES, NotListed, Review, Reviewer

EXPORTS = {"json": ("application/json", "json"), "sarif": ("application/sarif+json", "sarif"), "text": ("text/plain", "txt")}
"""Report formats the page offers for download: content type and file suffix."""

DEFAULT_COPY_NAME = "pasted"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


class ApiError(Exception):
    """A request the API refuses: its HTTP status and a message for the page."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message
        super().__init__(f"{status}: {message}")


@dataclass(frozen=True)
class Download:
    """A report to save: its text, content type and file name."""

    body: str
    content_type: str
    filename: str


def file_types() -> list[dict[str, str]]:
    """What pasted copy may be read as (``file_types.yaml``): a label and the suffix that picks the reader."""
    text = resources.files("cxlint.serve").joinpath("file_types.yaml").read_text(encoding="utf-8")
    entries: list[dict[str, str]] = yaml.safe_load(text)
    return [{"suffix": e["suffix"], "label": e["label"]} for e in entries]


class Api:
    """The API of one served folder."""

    def __init__(self, reviewer: Reviewer) -> None:
        self.reviewer = reviewer
        self.types = file_types()

    def meta(self) -> dict[str, Any]:
        return {
            "version": __version__,
            "folder": os.path.basename(os.path.abspath(self.reviewer.root)) or self.reviewer.root,
            "channels": list(CHANNELS),
            "file_types": self.types,
            "exports": list(EXPORTS),
            "max_copy_bytes": MAX_COPY_BYTES,
        }

    def files(self) -> dict[str, Any]:
        listed, problems = self.reviewer.files()
        return {"files": listed, "errors": [problem_record(p) for p in problems]}

    def check(self, request: Any) -> dict[str, Any]:
        review = self._review(request)
        report = json.loads(review.report("json"))
        return {
            "name": review.name,
            "source": review.source,
            "parts": review.parts,
            "report": report,
            "ranges": [_utf16_range(review, f.start, f.end, dict(f.extra).get("part")) for f in review.result.findings],
        }

    def export(self, request: Any) -> Download:
        output_format = _field(request, "format", str, "json")
        if output_format not in EXPORTS:
            raise ApiError(400, f"unknown export format {output_format!r}; one of {', '.join(EXPORTS)}")
        review = self._review(request)
        content_type, suffix = EXPORTS[output_format]
        stem = _SAFE_NAME.sub("-", os.path.splitext(os.path.basename(review.name))[0]).strip("-.") or "copy"
        return Download(review.report(output_format), content_type, f"cxlint-{stem}.{suffix}")

    def _review(self, request: Any) -> Review:
        if not isinstance(request, dict):
            raise ApiError(400, "the request body must be a JSON object")
        channel = _field(request, "channel", str, None) or None
        if channel is not None and channel not in CHANNELS:
            raise ApiError(400, f"unknown channel {channel!r}; one of {', '.join(CHANNELS)}")
        if "file" in request:
            try:
                return self.reviewer.review_file(_field(request, "file", str, ""), channel)
            except NotListed as exc:
                raise ApiError(404, str(exc)) from exc
        filename = self._copy_name(_field(request, "filename", str, f"{DEFAULT_COPY_NAME}.txt"))
        data = _copy_bytes(request)
        if len(data) > MAX_COPY_BYTES:
            raise ApiError(413, f"copy too large ({len(data):,} bytes); the page takes up to {MAX_COPY_BYTES:,}")
        return self.reviewer.review_copy(data, filename, channel)

    def _copy_name(self, filename: str) -> str:
        """A file name whose suffix picks a reader cxlint has; only the base name is kept."""
        name = os.path.basename(filename.replace("\\", "/")).strip() or DEFAULT_COPY_NAME
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in READERS:
            raise ApiError(400, f"{name}: cxlint does not read {suffix or 'files without a suffix'}; it reads {', '.join(sorted(READERS))}")
        return name


def _field(request: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = request.get(key, default)
    if value is None and default is None:
        return None
    if not isinstance(value, kind):
        raise ApiError(400, f"'{key}' must be a {kind.__name__}")
    return value


def _copy_bytes(request: dict[str, Any]) -> bytes:
    """The copy as bytes: ``text`` (typed or pasted) as UTF-8, or ``data`` (a dropped file) from base64."""
    if "data" in request:
        try:
            return base64.b64decode(_field(request, "data", str, ""), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ApiError(400, "'data' must be base64") from exc
    text = _field(request, "text", str, None)
    if text is None:
        raise ApiError(400, "the request needs 'file', 'text' or 'data'")
    return str(text).encode("utf-8", "surrogatepass")


def _utf16_range(review: Review, start: int, end: int, part: str | None) -> dict[str, Any] | None:
    """Where a finding stands in the page's text, counted in UTF-16 code units as JavaScript counts;
    None when the text is not shown (the file could not be read)."""
    source = review.parts.get(part) if part else review.source
    if source is None:
        return None
    before = len(source[:start].encode("utf-16-le", "surrogatepass")) // 2
    length = len(source[start:end].encode("utf-16-le", "surrogatepass")) // 2
    return {"part": part, "start": before, "end": before + length}


__all__ = ["Api", "ApiError", "Download", "EXPORTS", "file_types"]
