"""The walk: only regular files are read, unreadable folders are reported, links never loop or repeat.

Tests run as root, who reads every folder; permission errors are made by failing the very
system call (``os.scandir``, ``os.stat``) for the locked folder, which is what a non-root user
meets (checked by hand under ``setpriv --bounding-set=-dac_override,-dac_read_search``).
"""

from __future__ import annotations

import errno
import inspect
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxlint.errors import FatalError, InputError
from cxlint.findings import FileProblem
from cxlint.runner import read_document
from cxlint.walk import iter_files, open_regular
from tests.conftest import CREEPY

RULES_IN_CREEPY = {"CX101", "CX102"}


def walk(*paths: Path | str) -> tuple[list[str], list[FileProblem], list[str]]:
    problems: list[FileProblem] = []
    notices: list[str] = []
    files = list(iter_files([str(p) for p in paths], problems=problems, notice=notices.append))
    return files, problems, notices


def errors(report: dict) -> list[tuple[str, str]]:
    return [(error["path"], error["message"]) for error in report["errors"]]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "creepy.md").write_text(CREEPY, encoding="utf-8")
    return tmp_path / "site"


@pytest.fixture
def no_reader_waits() -> Iterator[list[str]]:
    """Fails a test whose code blocks opening a FIFO, instead of hanging it.

    A background thread keeps trying to open each FIFO for writing without blocking, which
    succeeds only while a reader has it open; it then lets that reader go (the FIFO reads as
    empty) and records the path, so the test fails on the record rather than never ending.
    A reader that opened without blocking only to look at the file (``open_regular``) is gone a
    moment later, so a write finds no reader and nothing is recorded; a reader that blocked is
    still reading.
    """
    fifos: list[str] = []
    waited: list[str] = []
    done = threading.Event()

    def release() -> None:
        while not done.wait(0.02):
            for fifo in fifos:
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:
                    continue  # ENXIO: nobody is reading, as it should be
                try:
                    time.sleep(0.2)
                    os.write(fd, b"\n")
                except BrokenPipeError:
                    continue  # the reader only looked and let go without waiting
                finally:
                    os.close(fd)
                waited.append(fifo)

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    yield fifos
    done.set()
    thread.join()
    assert not waited, f"something blocked opening {waited}"


def make_fifo(path: Path, fifos: list[str]) -> Path:
    os.mkfifo(path)
    fifos.append(str(path))
    return path


def test_fifo_in_a_folder_is_skipped_with_a_notice_and_the_run_finishes(cxlint, site: Path, no_reader_waits) -> None:
    make_fifo(site / "pipe.md", no_reader_waits)
    run = cxlint("check", "--format", "json", "site", cwd=site.parent)
    report = json.loads(run.out)
    assert run.code == 1 and not report["errors"]
    assert {f["rule"] for f in report["findings"]} >= RULES_IN_CREEPY
    assert "cxlint: notice: site/pipe.md: not a regular file (named pipe); skipped" in run.err


def test_named_fifo_is_an_error_and_the_other_file_is_linted(cxlint, site: Path, no_reader_waits) -> None:
    make_fifo(site / "pipe.md", no_reader_waits)
    run = cxlint("check", "--format", "json", "site/pipe.md", "site/creepy.md", cwd=site.parent)
    report = json.loads(run.out)
    assert run.code == 2
    assert errors(report) == [("site/pipe.md", "not a regular file (named pipe)")]
    assert {f["path"] for f in report["findings"]} == {"site/creepy.md"}


def test_a_file_swapped_for_a_fifo_after_the_walk_is_refused_without_blocking(site: Path, no_reader_waits) -> None:
    fifo = make_fifo(site / "raced.md", no_reader_waits)
    with pytest.raises(InputError, match="not a regular file \\(named pipe\\)"):
        open_regular(str(fifo))
    with pytest.raises(InputError, match="not a regular file"):
        read_document(str(fifo))


def test_open_regular_reads_a_regular_file_in_blocking_mode(site: Path) -> None:
    with open_regular(str(site / "creepy.md")) as handle:
        assert os.get_blocking(handle.fileno())
        assert handle.read() == CREEPY.encode()


def _deny(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Make ``locked`` behave like a folder with mode 000 for a user without root's powers."""
    real_scandir, real_stat = os.scandir, os.stat

    def denied(path: object) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if os.path.abspath(os.fspath(path)) == str(locked):  # type: ignore[arg-type]
            raise denied(path)
        return real_scandir(path)  # type: ignore[arg-type]

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, (str, bytes, os.PathLike)) and os.path.abspath(os.fsdecode(path)).startswith(f"{locked}{os.sep}"):
            raise denied(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)


@pytest.fixture
def locked(site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = site / "locked"
    folder.mkdir()
    (folder / "offer.md").write_text(CREEPY, encoding="utf-8")
    _deny(monkeypatch, folder.resolve())
    return folder


def test_unreadable_subfolder_is_reported_and_everything_else_linted(cxlint, locked: Path) -> None:
    run = cxlint("check", "--format", "json", "site", cwd=locked.parent.parent)
    report = json.loads(run.out)
    assert run.code == 2
    assert errors(report) == [("site/locked", "cannot read folder: Permission denied")]
    assert {f["path"] for f in report["findings"]} == {"site/creepy.md"}


def test_unreadable_folder_named_on_the_command_line_holds_no_config(cxlint, locked: Path) -> None:
    """Config discovery starts in the locked folder: it must look above it, not crash on it."""
    (locked.parent.parent / ".cxlint.yaml").write_text("disable: [CX102]\n", encoding="utf-8")
    run = cxlint("check", "--format", "json", "site/locked", "site/creepy.md", cwd=locked.parent.parent)
    report = json.loads(run.out)
    assert run.code == 2
    assert errors(report) == [("site/locked", "cannot read folder: Permission denied")]
    assert {f["rule"] for f in report["findings"]} == RULES_IN_CREEPY - {"CX102"}  # the config above was found


def test_file_in_an_unreadable_folder_is_unreadable_not_missing(cxlint, locked: Path) -> None:
    run = cxlint("check", "--isolated", "--format", "json", "site/locked/offer.md", "site/creepy.md", cwd=locked.parent.parent)
    report = json.loads(run.out)
    assert run.code == 2
    assert errors(report) == [("site/locked/offer.md", "cannot read: Permission denied")]
    assert {f["path"] for f in report["findings"]} == {"site/creepy.md"}


def test_audit_reports_the_unreadable_folder_too(cxlint, locked: Path) -> None:
    run = cxlint("audit", "site", cwd=locked.parent.parent)
    assert run.code == 2 and "site/locked: cannot read folder: Permission denied" in run.out


def test_missing_path_is_still_fatal(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="no such file or directory"):
        walk(tmp_path / "nope.md")


def test_link_loops_are_told_once_and_each_file_is_walked_once(site: Path, tmp_path: Path) -> None:
    (site / "loop").symlink_to(".")  # site/loop -> site
    (site / "sub").mkdir()
    (site / "sub" / "b.md").write_text("b\n", encoding="utf-8")
    (site / "sub" / "up").symlink_to("..")  # site/sub/up -> site
    files, problems, notices = walk(site)
    assert files == [str(site / "creepy.md"), str(site / "sub" / "b.md")]
    assert not problems
    assert notices == [
        f"{site / 'loop'}: same folder as {site}, already walked; skipped",
        f"{site / 'sub' / 'up'}: same folder as {site}, already walked; skipped",
    ]


def test_linked_folders_are_walked_once_under_their_real_name_when_they_have_one(site: Path, tmp_path: Path) -> None:
    (site / "a-link").symlink_to("real")  # sorts before its target, walked after it all the same
    (site / "real").mkdir()
    (site / "real" / "r.md").write_text("r\n", encoding="utf-8")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "s.md").write_text("s\n", encoding="utf-8")
    (site / "shared").symlink_to(tmp_path / "shared")
    (site / "shared-again").symlink_to(tmp_path / "shared")
    files, problems, notices = walk(site)
    assert files == [str(site / "creepy.md"), str(site / "real" / "r.md"), str(site / "shared" / "s.md")]
    assert not problems
    assert [n.split(":")[0] for n in notices] == [str(site / "a-link"), str(site / "shared-again")]


def test_the_same_file_under_two_names_is_linted_once(site: Path) -> None:
    (site / "alias.md").symlink_to("creepy.md")
    files, problems, _ = walk(site, site / "creepy.md")
    assert files == [str(site / "alias.md")] and not problems


def test_file_link_loop_and_dangling_link_are_reported_once_each(site: Path) -> None:
    (site / "a.md").symlink_to("b.md")
    (site / "b.md").symlink_to("a.md")
    (site / "gone.md").symlink_to("nowhere.md")
    files, problems, _ = walk(site)
    assert files == [str(site / "creepy.md")]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("a.md", "cannot read: Too many levels of symbolic links"),
        ("b.md", "cannot read: Too many levels of symbolic links"),
        ("gone.md", "cannot read: No such file or directory"),
    ]


def test_walk_order_is_files_first_then_subfolders_sorted(tmp_path: Path) -> None:
    for name in ("b/z.md", "b/a.md", "a/c/d.md", "a/y.md", "x.md", ".hidden/h.md", "node_modules/n.md", "data.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    files, _, _ = walk(tmp_path)
    assert [os.path.relpath(f, tmp_path) for f in files] == ["x.md", "a/y.md", "a/c/d.md", "b/a.md", "b/z.md"]


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    """The limit is lowered instead of the tree made deeper, so that removing the tree stays cheap."""
    deep = tmp_path.joinpath(*["d"] * 600)
    deep.mkdir(parents=True)
    (deep / "bottom.md").write_text("x\n", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 300)
    try:
        files, problems, _ = walk(tmp_path)
    finally:
        sys.setrecursionlimit(limit)
    assert files == [str(deep / "bottom.md")] and not problems


def test_a_fifo_named_as_a_pack_is_refused_not_waited_on(cxlint, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pack.yaml")
    (tmp_path / "a.md").write_text("Hello.\n", encoding="utf-8")
    run = cxlint("check", "--rules", "pack.yaml", "a.md", cwd=tmp_path)
    assert run.code == 2 and "pack.yaml: cannot read rule pack: not a regular file (named pipe)" in run.err


def test_read_bounded_reads_a_small_file_whole_and_one_byte_past_the_limit(tmp_path: Path) -> None:
    from cxlint.walk import read_bounded

    small = tmp_path / "small.txt"
    small.write_bytes(b"short copy")
    with small.open("rb") as handle:
        assert read_bounded(handle, 1000) == b"short copy"
    with small.open("rb") as handle:
        assert read_bounded(handle, 4) == b"short"  # limit + 1: the caller sees "too big"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with empty.open("rb") as handle:
        assert read_bounded(handle, 1000) == b""


def test_read_bounded_reads_on_when_a_file_grew_after_its_size_was_taken(tmp_path: Path, monkeypatch) -> None:
    import cxlint.walk as walk

    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"0123456789" * 10)
    real_fstat = os.fstat

    class Stale:
        def __init__(self, fd: int) -> None:
            self.st_size = real_fstat(fd).st_size - 60  # the size as it was before the writer added more

    monkeypatch.setattr(walk.os, "fstat", Stale)
    with grown.open("rb") as handle:
        assert walk.read_bounded(handle, 1000) == b"0123456789" * 10
    with grown.open("rb") as handle:
        assert walk.read_bounded(handle, 50) == (b"0123456789" * 10)[:51]
