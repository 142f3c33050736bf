"""Writing files the user asked for (a baseline, a starter config) atomically: never half-written."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically: see ``write_bytes_atomically``."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``: see ``atomic_file``."""
    with atomic_file(path) as handle:
        handle.write(data)


@contextmanager
def atomic_text(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text handle whose content replaces ``path`` atomically when the block ends: a
    large file (a baseline of a big corpus) is written as it is produced, never held whole."""
    with atomic_file(path) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        try:
            yield text
        finally:
            text.detach()  # flushed into ``handle``, which atomic_file syncs and closes


@contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``path``, then rename it over ``path``; on any failure the
    temporary file is removed and ``path`` is left as it was.

    The file gets the permissions an ordinary write would give it (an existing file's mode, or
    the umask's), not the private mode temporary files are created with.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
