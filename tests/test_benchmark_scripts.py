"""The benchmark and evaluation scripts take their data folders as arguments: each answers --help,
and one pointed at a folder without its data says so and exits 2 instead of a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p for p in (ROOT / "benchmarks").glob("*.py") if p.name != "checkout.py")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_answers_help(script: Path) -> None:
    done = run(str(script), "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:")


def test_darkpatterns_names_a_folder_without_the_datasets(tmp_path: Path) -> None:
    done = run(str(ROOT / "benchmarks" / "darkpatterns.py"), str(tmp_path))
    assert done.returncode == 2
    assert str(tmp_path) in done.stderr and "yamanalab-ec-darkpattern" in done.stderr
    assert "Traceback" not in done.stderr
