"""Hostile input: each bad file gets a clear message naming it, the run goes on, nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

import cxlint.runner as runner
from cxlint.runner import lint_paths
from tests.test_readers_support import CREEPY, ruleset


def run_dir(tmp_path: Path) -> tuple[list, list]:
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = lint_paths([str(tmp_path)], ruleset())
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written
    return result.findings, result.problems


def with_good_file(tmp_path: Path) -> None:
    (tmp_path / "zz_good.md").write_text(CREEPY + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("bad.md", "We spotted you\n".encode() + b"caf\xe9 \xff\xfe broken\n", "invalid UTF-8"),
        ("bad.json", b'{"a": "b",\n "c": }', "invalid JSON"),
        ("bad.yaml", b"a: [b\n", "invalid YAML"),
        ("deep.yaml", b"a: " + b"[" * 20_000 + b"]" * 20_000 + b"\n", "deep"),
        ("deep.json", b"[" * 20_000 + b"]" * 20_000, "deep"),
    ],
)
def test_bad_file_is_named_and_the_run_goes_on(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(data)
    with_good_file(tmp_path)
    findings, problems = run_dir(tmp_path)
    assert [p.path for p in problems] == [str(tmp_path / name)]
    assert words in problems[0].message
    assert [f.text for f in findings] == ["We spotted you"]


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"line one\nline two \xff\n")
    _, problems = run_dir(tmp_path)
    assert problems[0].line == 2


def test_bom_and_utf16_are_decoded_and_positions_count_from_the_text(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + CREEPY.encode())
    (tmp_path / "utf16.md").write_bytes(CREEPY.encode("utf-16"))
    findings, problems = run_dir(tmp_path)
    assert not problems
    assert [(f.line, f.column, f.text) for f in findings] == [(1, 1, "We spotted you")] * 2


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.md"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and would cost 50 MB to read
    with_good_file(tmp_path)
    findings, problems = run_dir(tmp_path)
    assert len(problems) == 1 and "huge.md" in problems[0].path and "limit" in problems[0].message
    assert findings


def test_file_that_vanishes_mid_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone.md"
    good = tmp_path / "good.md"
    good.write_text(CREEPY, encoding="utf-8")
    monkeypatch.setattr(runner, "iter_files", lambda *args, **kwargs: iter([str(gone), str(good)]))
    result = lint_paths([str(tmp_path)], ruleset())
    assert [p.path for p in result.problems] == [str(gone)]
    assert "cannot read" in result.problems[0].message
    assert len(result.findings) == 1


def test_billion_laughs_yaml_is_read_in_bounded_time(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol"]']
    for level in range(1, 40):
        prev = "a" if level == 1 else f"l{level - 1}"
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*{prev}"] * 10) + "]")
    (tmp_path / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings, problems = run_dir(tmp_path)
    assert not problems and not findings


def test_unsupported_file_named_directly_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "data.tsv"
    path.write_text("a\tb\n", encoding="utf-8")
    result = lint_paths([str(path)], ruleset())
    assert "unsupported file type" in result.problems[0].message
