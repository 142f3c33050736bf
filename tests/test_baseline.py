"""Baseline: known findings accepted (surviving line moves, counted per key), new ones fail, stale ones reported."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import CREEPY
from tests.test_walk import make_fifo, no_reader_waits  # noqa: F401 (a fixture)

OTHER = "We noticed you opened our email three times.\n"


def test_write_then_use_baseline(cxlint, project: Path) -> None:
    run = cxlint("check", "--write-baseline", "cxlint-baseline.json", "emails", cwd=project)
    assert run.code == 0 and "wrote 2 baseline entries" in run.err
    data = json.loads((project / "cxlint-baseline.json").read_text())
    assert {e["rule"] for e in data["entries"]} == {"CX101", "CX102"}
    assert all(e["path"] == "emails/creepy.md" and e["count"] == 1 for e in data["entries"])
    assert [p.name for p in project.iterdir() if p.name.startswith(".cxlint-baseline")] == []  # no temp file left
    run = cxlint("check", "--baseline", "cxlint-baseline.json", "emails", cwd=project)
    assert run.code == 0 and "2 accepted by the baseline" in run.out


def test_baseline_survives_line_moves_but_new_findings_fail(cxlint, project: Path) -> None:
    cxlint("check", "--write-baseline", "b.json", "emails", cwd=project)
    (project / "emails" / "creepy.md").write_text("# Title\n\nSome new intro.\n\n" + CREEPY)
    assert cxlint("check", "--baseline", "b.json", "emails", cwd=project).code == 0
    (project / "emails" / "creepy.md").write_text(CREEPY + "\n" + OTHER)
    out = json.loads(cxlint("check", "--format", "json", "--baseline", "b.json", "emails", cwd=project).out)
    assert {f["line"] for f in out["findings"]} == {5} and "CX101" in {f["rule"] for f in out["findings"]}
    assert out["summary"]["baselined"] == 2
    assert cxlint("check", "--baseline", "b.json", "emails", cwd=project).code == 1


def test_counts_per_key_make_a_repeat_new(cxlint, project: Path) -> None:
    cxlint("check", "--write-baseline", "b.json", "emails", cwd=project)
    (project / "emails" / "creepy.md").write_text(CREEPY + "\n" + CREEPY)
    out = json.loads(cxlint("check", "--format", "json", "--baseline", "b.json", "emails", cwd=project).out)
    assert sorted(f["line"] for f in out["findings"]) == [7, 7]


def test_stale_entries_are_reported(cxlint, project: Path) -> None:
    cxlint("check", "--write-baseline", "b.json", "emails", cwd=project)
    (project / "emails" / "creepy.md").write_text("Hi Sam,\n\nOur socks are back in stock.\n")
    run = cxlint("check", "--baseline", "b.json", "emails", cwd=project)
    assert run.code == 0
    assert "baseline: CX102 'at 2:14am' no longer found" in run.out and "2 stale baseline entries" in run.out
    out = json.loads(cxlint("check", "--format", "json", "--baseline", "b.json", "emails", cwd=project).out)
    assert out["summary"]["stale_baseline_entries"] == 2 and {e["rule"] for e in out["stale_baseline"]} == {"CX101", "CX102"}


def test_baseline_paths_do_not_depend_on_cwd(cxlint, project: Path) -> None:
    cxlint("check", "--write-baseline", "b.json", "emails", cwd=project)
    assert cxlint("check", "--baseline", "../b.json", ".", cwd=project / "emails").code == 0


def test_bad_baseline_exits_2(cxlint, project: Path) -> None:
    (project / "b.json").write_text("{not json")
    run = cxlint("check", "--baseline", "b.json", "emails", cwd=project)
    assert run.code == 2 and "b.json:1: invalid baseline JSON" in run.err
    (project / "b.json").write_text("[]")
    assert cxlint("check", "--baseline", "b.json", "emails", cwd=project).code == 2
    assert cxlint("check", "--baseline", "missing.json", "emails", cwd=project).code == 2
    assert cxlint("check", "--baseline", "b.json", "--write-baseline", "c.json", "emails", cwd=project).code == 2


def test_written_files_get_ordinary_permissions_not_the_temp_files_private_mode(tmp_path) -> None:
    import os
    import stat

    from cxlint.atomic import write_atomically

    target = tmp_path / "baseline.json"
    write_atomically(target, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_atomically(target, "{}\n")  # an existing file keeps its mode
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_write_baseline_refuses_a_file_that_is_not_a_baseline(cxlint, project: Path) -> None:
    readme = project / "README.md"
    readme.write_bytes(b"# Shop copy\r\n\r\nHow we write emails.\n")
    run = cxlint("check", "--write-baseline", "README.md", "emails", cwd=project)
    assert run.code == 2 and "README.md: exists and is not a cxlint baseline; refusing to overwrite it" in run.err
    assert readme.read_bytes() == b"# Shop copy\r\n\r\nHow we write emails.\n"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"tool": "eslint", "entries": []}',
        b'{"tool": "cxlint"}',
        b'{"tool": "cxlint", "entries": {}}',
        b'[{"tool": "cxlint", "entries": []}]',
        b"[" * 100_000,
        b"\xff\xfe not text",
    ],
    ids=["empty", "not-json", "other-tool", "no-entries", "entries-not-a-list", "not-an-object", "deep", "not-text"],
)
def test_write_baseline_refuses_anything_but_a_cxlint_baseline(cxlint, project: Path, content: bytes) -> None:
    (project / "b.json").write_bytes(content)
    assert cxlint("check", "--write-baseline", "b.json", "emails", cwd=project).code == 2
    assert (project / "b.json").read_bytes() == content
    assert [p.name for p in project.iterdir() if p.name.startswith(".b.json")] == []


def test_write_baseline_refuses_a_folder_and_a_fifo_without_blocking(cxlint, project: Path, no_reader_waits) -> None:
    (project / "folder.json").mkdir()
    assert cxlint("check", "--write-baseline", "folder.json", "emails", cwd=project).code == 2
    make_fifo(project / "pipe.json", no_reader_waits)
    run = cxlint("check", "--write-baseline", "pipe.json", "emails", cwd=project)
    assert run.code == 2 and "pipe.json: exists and is not a cxlint baseline" in run.err
    assert (project / "folder.json").is_dir() and stat.S_ISFIFO((project / "pipe.json").stat().st_mode)


def test_write_baseline_replaces_a_cxlint_baseline_and_creates_a_new_one(cxlint, project: Path) -> None:
    (project / "old.json").write_text('{"tool": "cxlint", "entries": [], "version": 1}')
    assert cxlint("check", "--write-baseline", "old.json", "emails", cwd=project).code == 0
    assert len(json.loads((project / "old.json").read_text())["entries"]) == 2
    assert cxlint("check", "--write-baseline", "new/sub/b.json", "emails", cwd=project).code == 0
    assert cxlint("check", "--write-baseline", "new/sub/b.json", "emails", cwd=project).code == 0
    assert json.loads((project / "new" / "sub" / "b.json").read_text())["tool"] == "cxlint"


def test_a_fifo_or_undecodable_file_given_as_baseline_is_an_error_not_a_hang(cxlint, project: Path, no_reader_waits) -> None:
    make_fifo(project / "pipe.json", no_reader_waits)
    run = cxlint("check", "--baseline", "pipe.json", "emails", cwd=project)
    assert run.code == 2 and "pipe.json: cannot read baseline: not a regular file (named pipe)" in run.err
    (project / "bad.json").write_bytes(b'{"tool": "cxlint\xff"}')
    run = cxlint("check", "--baseline", "bad.json", "emails", cwd=project)
    assert run.code == 2 and "bad.json: invalid baseline JSON" in run.err and "internal error" not in run.err
