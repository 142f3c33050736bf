"""Reading a small text file the user points at (a rule pack, a config): bounded, UTF-8, errors name it."""

from __future__ import annotations

from pathlib import Path

from cxlint.errors import FatalError


def read_config_text(path: str, what: str, limit: int, shown: str | None = None) -> str:
    """The file's text; a FatalError naming ``shown`` (or ``path``) if it is unreadable, too big or not UTF-8."""
    shown = shown or path
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read {what}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise FatalError(f"{shown}: {what} is larger than {limit} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FatalError(f"{shown}: {what} is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
