"""scripts/split_batch.py: a new batch splits by id alone, loses no case, and leaves no writer file
behind; a folder without writer files is an error that names the folder, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "split_batch.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def write_batch(folder: Path, writer: str, ids: list[str]) -> None:
    lines = [json.dumps({"id": case_id, "text": f"copy {case_id}"}) for case_id in ids]
    (folder / f"writer-{writer}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_every_case_lands_in_one_half_and_writer_files_go(tmp_path: Path) -> None:
    write_batch(tmp_path, "a", [f"x-a-{n:03}" for n in range(40)])
    write_batch(tmp_path, "b", [f"x-b-{n:03}" for n in range(40)])
    done = run(str(tmp_path))
    assert done.returncode == 0, done.stderr
    tune, holdout = ids_in(tmp_path / "tune.jsonl"), ids_in(tmp_path / "holdout.jsonl")
    assert sorted(tune + holdout) == sorted([f"x-{w}-{n:03}" for w in "ab" for n in range(40)])
    assert tune and holdout and not set(tune) & set(holdout)
    assert not list(tmp_path.glob("writer-*.jsonl"))


def test_the_split_depends_on_the_ids_alone(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    ids = [f"case-{n}" for n in range(30)]
    write_batch(first, "a", ids)
    write_batch(second, "z", list(reversed(ids)))
    run(str(first))
    run(str(second))
    assert sorted(ids_in(first / "tune.jsonl")) == sorted(ids_in(second / "tune.jsonl"))


def test_a_folder_without_writer_files_is_named_and_exits_2(tmp_path: Path) -> None:
    done = run(str(tmp_path))
    assert done.returncode == 2
    assert str(tmp_path) in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "tune.jsonl").exists()


def test_answers_help() -> None:
    done = run("--help")
    assert done.returncode == 0 and done.stdout.startswith("usage:")
