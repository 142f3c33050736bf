"""Reading a small text file the user points at (a rule pack, a config): bounded, UTF-8, errors name it.

Only a regular file is read, and never more than the limit: a FIFO, a device or a huge file
named as a pack is an error naming it, in no time and no memory."""

from __future__ import annotations

from cxlint.errors import FatalError, InputError
from cxlint.walk import open_regular, read_bounded


def read_config_text(path: str, what: str, limit: int, shown: str | None = None) -> str:
    """The file's text; a FatalError naming ``shown`` (or ``path``) if it is unreadable, too big or not UTF-8."""
    shown = shown or path
    try:
        with open_regular(path) as handle:  # a FIFO or device named as a pack is refused, never waited on
            data = read_bounded(handle, limit)
    except InputError as exc:
        raise FatalError(f"{shown}: cannot read {what}: {exc.reason}") from exc
    except OSError as exc:
        raise FatalError(f"{shown}: cannot read {what}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise FatalError(f"{shown}: {what} is larger than {limit} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FatalError(f"{shown}: {what} is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
