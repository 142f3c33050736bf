"""``check --dask`` and ``audit --dask``: the same output as a local run, byte for byte, on a real two-worker cluster."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PINNED_TODAY = "2026-06-01"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def corpus_texts() -> list[tuple[str, str]]:
    """(text, channel) of the project's own labelled cases: copy of every kind, flagged and clean."""
    cases = []
    for path in sorted((REPO / "corpora").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                if isinstance(case.get("text"), str):
                    cases.append((case["text"], case.get("channel") or "email"))
    return cases


def write_archive(path: Path, messages: int) -> Path:
    """A JSON Lines archive of ``messages`` messages, the corpus cases over and over."""
    texts = itertools.cycle(corpus_texts())
    with path.open("w", encoding="utf-8") as out:
        for number in range(messages):
            text, channel = next(texts)
            out.write(json.dumps({"id": f"m{number}", "text": text, "channel": channel}) + "\n")
    return path


def same_on_the_cluster(cxlint, scheduler: str, command: str, archive: Path) -> dict:
    """Run ``command`` on ``archive`` locally and on the cluster; both give exit 1 and the same JSON, returned.

    Both runs are given one date: a run that crosses midnight must not make the reports differ.
    """
    pinned = ("--format", "json", "--isolated", "--today", PINNED_TODAY)
    local = cxlint(command, str(archive), *pinned, "--jobs", "1")
    remote = cxlint(command, str(archive), *pinned, "--dask", scheduler)
    assert local.code == remote.code == 1
    assert remote.out == local.out
    return json.loads(local.out)


def test_a_10000_message_archive_is_the_same_on_the_cluster(tmp_path: Path, cxlint, scheduler: str) -> None:
    report = same_on_the_cluster(cxlint, scheduler, "check", write_archive(tmp_path / "sent.jsonl", 10_000))
    assert report["summary"]["findings"] > 1000


def test_an_audit_is_the_same_on_the_cluster(tmp_path: Path, cxlint, scheduler: str) -> None:
    """The workers send back promise records; the inventory and its contradictions are built here, as locally."""
    summary = same_on_the_cluster(cxlint, scheduler, "audit", write_archive(tmp_path / "macros.jsonl", 3_000))["summary"]
    assert summary["promises"] > 300 and summary["conflicts"] > 0


def test_files_are_the_same_on_the_cluster(tmp_path: Path, cxlint, scheduler: str) -> None:
    for number, (text, channel) in enumerate(corpus_texts()[:120]):
        folder = tmp_path / channel
        folder.mkdir(exist_ok=True)
        (folder / f"copy-{number}.md").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00bin\x00")
    local = cxlint("check", str(tmp_path), "--format", "sarif", "--isolated", "--jobs", "1")
    remote = cxlint("check", str(tmp_path), "--format", "sarif", "--isolated", "--dask", scheduler)
    assert local.code == remote.code == 2
    assert remote.out == local.out


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, cxlint) -> None:
    (tmp_path / "a.md").write_text("Hello.\n", encoding="utf-8")
    run = cxlint("check", str(tmp_path), "--dask", "tcp://127.0.0.1:9", "--isolated")
    assert run.code == 2
    assert "cannot reach the scheduler at tcp://127.0.0.1:9" in run.err
