"""The command line: exit codes 0/1/2, output shapes, standard input, rules, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CREEPY = "Hi Sam, we noticed you clicked on socks at 3:17 AM last Tuesday.\n"
CLEAN = "Thanks for your order. We'll email you when it ships.\n"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cxlint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture()
def copy_dir(tmp_path: Path) -> Path:
    (tmp_path / "emails").mkdir()
    (tmp_path / "emails" / "creepy.md").write_text(CREEPY, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "ignored.py").write_text("print('we noticed you at 3:17 AM')\n", encoding="utf-8")
    return tmp_path


def test_clean_file_exits_0(copy_dir: Path) -> None:
    result = run("check", str(copy_dir / "clean.txt"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Found 0 findings" in result.stdout


def test_findings_exit_1_with_ruff_style_lines(copy_dir: Path) -> None:
    result = run("check", str(copy_dir))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    path, line, column, rest = first.split(":", 3)
    assert path.endswith("creepy.md") and line == "1" and column.isdigit()
    assert rest.startswith(" CX10") and "[" in rest
    assert "suggestion:" in result.stdout
    assert "ignored.py" not in result.stdout  # folders are walked by known extensions only


def test_json_output_follows_the_contract(copy_dir: Path) -> None:
    result = run("check", "--format", "json", str(copy_dir))
    payload = json.loads(result.stdout)
    assert payload["version"] == 1
    assert payload["summary"]["files"] == 2
    assert payload["summary"]["findings"] == len(payload["findings"]) > 0
    source = (copy_dir / "emails" / "creepy.md").read_text(encoding="utf-8")
    for finding in payload["findings"]:
        for key in ("path", "line", "column", "end_line", "end_column", "rule", "name", "category", "severity",
                    "message", "text", "suggestion"):
            assert key in finding
        assert finding["category"] in ("barista", "promise", "pressure")
        assert finding["severity"] in ("error", "warning", "info")
        line = source.split("\n")[finding["line"] - 1]
        assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]


def test_fail_on_levels(copy_dir: Path) -> None:
    target = str(copy_dir / "emails" / "creepy.md")
    assert run("check", "--fail-on", "never", target).returncode == 0
    assert run("check", "--fail-on", "warning", target).returncode == 1
    assert run("check", "--fail-on", "info", target).returncode == 1


def test_stdin_is_read_with_a_name_for_the_reader() -> None:
    result = run("check", "--format", "json", "-", stdin=CREEPY)
    payload = json.loads(result.stdout)
    assert result.returncode == 1
    assert {f["path"] for f in payload["findings"]} == {"-"}


def test_unreadable_file_is_reported_and_the_others_still_linted(copy_dir: Path) -> None:
    (copy_dir / "broken.md").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01")
    (copy_dir / "latin1.txt").write_bytes("Caf\xe9 we noticed you at 3:17 AM".encode("latin-1"))
    result = run("check", "--format", "json", str(copy_dir))
    payload = json.loads(result.stdout)
    assert result.returncode == 2
    problems = {Path(p["path"]).name: p["message"] for p in payload["errors"]}
    assert "latin1.txt" in problems and "UTF-8" in problems["latin1.txt"]
    assert any(Path(f["path"]).name == "creepy.md" for f in payload["findings"])


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "nope.md" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    assert run("check", "--frobnicate", "x.md").returncode == 2


def test_rules_lists_every_pack() -> None:
    result = run("rules")
    assert result.returncode == 0
    for rule_id in ("CX101", "CX110", "CX201", "CX214", "CX301"):
        assert rule_id in result.stdout
    assert "barista" in result.stdout.splitlines()[-1] and "promise" in result.stdout.splitlines()[-1]


def test_rule_explains_rationale_examples_and_suggestion() -> None:
    result = run("rule", "cx102")
    assert result.returncode == 0
    assert "Why:" in result.stdout and "Suggestion:" in result.stdout and "[[" in result.stdout


def test_unknown_rule_exits_2() -> None:
    result = run("rule", "CX999")
    assert result.returncode == 2 and "CX999" in result.stderr


def test_broken_extra_pack_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text("rules:\n  - id: CX901\n    name: x\n    category: promise\n    message: m\n"
                    "    rationale: r\n    suggestion: s\n    anchors: [x]\n    patterns:\n      - regex: '(unclosed'\n",
                    encoding="utf-8")
    result = run("check", "--rules", str(pack), "-", stdin=CLEAN)
    assert result.returncode == 2
    assert f"{pack}:10" in result.stderr and "invalid regex" in result.stderr


def test_user_pack_adds_a_rule(tmp_path: Path) -> None:
    pack = tmp_path / "brand.yaml"
    pack.write_text("pack: brand\nrules:\n  - id: BR101\n    name: no-awesome\n    category: promise\n"
                    "    message: Avoid 'awesome'.\n    rationale: House style.\n    suggestion: Be specific.\n"
                    "    anchors: [awesome]\n    patterns:\n      - regex: '\\bawesome\\b'\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), "--format", "json", "-", stdin="An awesome deal.\n")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["BR101"]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and "cxlint" in result.stdout
