"""A progress bar on standard error for long runs: only on a terminal, only with many files, never in CI."""

from __future__ import annotations

import os
import shutil
from typing import TextIO

MIN_FILES = 20


class ProgressBar:
    """Redraws one line on ``stream`` as files are linted; ``close`` clears it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, number: int, total: int, path: str) -> None:
        if total < MIN_FILES:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        bar = 24
        filled = bar * number // total
        label = f"[{'#' * filled}{'.' * (bar - filled)}] {number}/{total} "
        room = max(0, width - len(label) - 1)
        name = path if len(path) <= room else "…" + path[-(room - 1):] if room > 1 else ""
        self.stream.write("\r" + (label + name).ljust(width - 1))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            width = shutil.get_terminal_size((80, 20)).columns
            self.stream.write("\r" + " " * (width - 1) + "\r")
            self.stream.flush()


def wants_progress(stream: TextIO, enabled: bool | None = None) -> bool:
    """``--progress/--no-progress`` when given; otherwise a TTY outside CI (``CI`` set by every CI service)."""
    if enabled is not None:
        return enabled
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
