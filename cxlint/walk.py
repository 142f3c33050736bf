"""Which files a run lints: the paths named, and the files under named folders that cxlint reads.

Only regular files are read: a FIFO would block the run forever and a device never ends, so a
folder walk skips them with a notice and a named one is a file problem. A folder that cannot be
read is a file problem too, never a silent gap. Links to folders are followed, but each real
folder is walked once (a link back to a folder already walked gets a notice), so a link loop
cannot walk forever and no file is linted twice. The walk keeps its own stack: a deep tree
cannot hit Python's recursion limit.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterator
from typing import BinaryIO

from cxlint.errors import FatalError, InputError
from cxlint.findings import FileProblem
from cxlint.archives.messages import is_archive
from cxlint.readers import reader_for
from cxlint.tooling import is_tooling_file

STDIN_NAME = "-"
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})

PathFilter = Callable[[str], bool]
Notice = Callable[[str], None]
_Identity = tuple[int, int]

_KINDS = (
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISDIR, "folder"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def say_notice(message: str) -> None:
    """The default notice: one line on standard error (a skipped file is not an error)."""
    sys.stderr.write(f"cxlint: notice: {message}\n")


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "special file")


def iter_files(
    paths: tuple[str, ...] | list[str],
    excluded: PathFilter | None = None,
    included: PathFilter | None = None,
    *,
    problems: list[FileProblem],
    notice: Notice = say_notice,
) -> Iterator[str]:
    """Files named directly, and regular files under folders whose format cxlint reads, in sorted order.

    A tool's configuration (``package.json``, a lockfile, ``.pre-commit-config.yaml``: see
    :mod:`cxlint.tooling`) is never copy: skipped in a walk, and told to ``notice`` when named.

    ``excluded`` applies to named files too (pre-commit names every file it passes, and an
    excluded file must stay excluded there); ``included`` only narrows what a folder walk finds.
    Folders that are excluded are not descended into. What cannot be walked or read goes to
    ``problems``; what is skipped on purpose (a FIFO in a folder, a link to a folder already
    walked) is told to ``notice``. A file reached under two names is yielded once.
    """
    walk = _Walk(excluded, included, problems, notice)
    for path in paths:
        if path == STDIN_NAME:
            yield path
            continue
        try:
            info = os.stat(path)
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise FatalError(f"{path}: no such file or directory") from exc
        except OSError as exc:
            if not (excluded and excluded(path)):
                problems.append(FileProblem(path, f"cannot read: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from walk.folder(path, info)
        elif excluded and excluded(path):
            continue
        elif is_tooling_file(path):
            notice(f"{path}: a tool's configuration, not copy; skipped")
        elif not stat.S_ISREG(info.st_mode):
            problems.append(FileProblem(path, f"not a regular file ({file_kind(info.st_mode)})"))
        elif walk.first_time(walk.files, path, info):
            yield path


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading, refusing anything but a regular file (an ``InputError``).

    O_NONBLOCK makes the open of a FIFO return at once instead of waiting for a writer, and the
    check is made on the open descriptor, so a file swapped for a FIFO after the walk looked at
    it cannot hang the run.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, f"not a regular file ({file_kind(mode)})")
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(handle: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of an open file: one byte over the limit tells the caller "too big".

    ``handle.read(limit + 1)`` would first allocate the whole limit (ten megabytes for every small
    file, most of a run's reading time). The file's size is read first instead, and a file that
    grew since its size was taken is read on up to the limit.
    """
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, limit) + 1)
    if len(data) <= size or len(data) > limit:
        return data
    return data + handle.read(limit + 1 - len(data))


class _Walk:
    """The state of one run's walk: the real folders and files already met, by device and inode."""

    def __init__(self, excluded: PathFilter | None, included: PathFilter | None,
                 problems: list[FileProblem], notice: Notice) -> None:
        self.excluded = excluded
        self.included = included
        self.problems = problems
        self.notice = notice
        self.folders: dict[_Identity, str] = {}
        self.files: dict[_Identity, str] = {}

    def first_time(self, seen: dict[_Identity, str], path: str, info: os.stat_result) -> bool:
        """Record ``path``; False if the same file or folder was met before under any name."""
        if not info.st_ino:  # a file system without inode numbers: nothing to compare
            return True
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return False
        seen[key] = path
        return True

    def folder(self, top: str, info: os.stat_result) -> Iterator[str]:
        """Depth first, files before subfolders, names sorted; links to folders after the real tree."""
        stack: list[tuple[str, os.stat_result]] = [(top, info)]
        links: deque[str] = deque()
        while stack or links:
            if stack:
                path, info = stack.pop()
            else:
                path = links.popleft()
                try:
                    info = os.stat(path)
                except OSError as exc:
                    self.problems.append(FileProblem(path, f"cannot read folder: {exc.strerror or exc}"))
                    continue
            if not self.first_time(self.folders, path, info):
                self.notice(f"{path}: same folder as {self.folders[(info.st_dev, info.st_ino)]}, already walked; skipped")
                continue
            files, subfolders = self._read_folder(path, links)
            yield from files
            stack.extend(reversed(subfolders))

    def _read_folder(self, path: str, links: deque[str]) -> tuple[list[str], list[tuple[str, os.stat_result]]]:
        """The lintable files and the subfolders to walk in one folder; links to folders go to ``links``."""
        try:
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            self.problems.append(FileProblem(path, f"cannot read folder: {exc.strerror or exc}"))
            return [], []
        files: list[str] = []
        subfolders: list[tuple[str, os.stat_result]] = []
        for entry in entries:
            full = os.path.join(path, entry.name)
            if _is_dir(entry):
                if entry.name in SKIP_DIRS or entry.name.startswith(".") or (self.excluded and self.excluded(full)):
                    continue
                if entry.is_symlink():
                    links.append(full)
                    continue
                try:
                    subfolders.append((full, entry.stat(follow_symlinks=False)))
                except OSError as exc:  # listed, but not searchable
                    self.problems.append(FileProblem(full, f"cannot read folder: {exc.strerror or exc}"))
            elif self._wanted(full) and self._regular(full, entry):
                files.append(full)
        return files, subfolders

    def _wanted(self, path: str) -> bool:
        """A file whose format cxlint reads; a message archive only when ``include`` names it (a
        repository's ``.jsonl`` and ``.csv`` files are mostly data: archives are linted when asked for)."""
        if self.excluded and self.excluded(path):
            return False
        if is_archive(path):
            return bool(self.included and self.included(path))
        return reader_for(path) is not None and not is_tooling_file(path) and not (self.included and not self.included(path))

    def _regular(self, path: str, entry: os.DirEntry[str]) -> bool:
        """A regular file not met before; anything else is reported (unreadable) or told (skipped)."""
        try:
            info = entry.stat()
        except OSError as exc:  # a dangling link, a link loop, a file that just went away
            self.problems.append(FileProblem(path, f"cannot read: {exc.strerror or exc}"))
            return False
        if not stat.S_ISREG(info.st_mode):
            self.notice(f"{path}: not a regular file ({file_kind(info.st_mode)}); skipped")
            return False
        return self.first_time(self.files, path, info)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
