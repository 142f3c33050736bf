"""The fast paths give exactly what the slow paths give: parallel vs serial, flat front matter vs YAML, anchors."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxlint.parallel import PARALLEL_MIN_BYTES, PARALLEL_MIN_FILES, auto_jobs
from cxlint.readers import markdown
from cxlint.readers.masking import Mask
from cxlint.text.anchors import AnchorIndex

COPY = [
    "We noticed you browsed sofas at 2:13 AM.\n",
    "Thanks for your order. It ships soon.\n",
    "Free delivery on every order, guaranteed.\n",
    "Only 2 left — hurry!\n",
    "Caf\u00e9 \u2615 — we saw you on our partner store's site.\n",
]


def run_json(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "cxlint", "check", "--isolated", "--format", "json", "--fail-on", "never", *args],
                          capture_output=True, text=True)
    assert done.returncode in (0, 2), done.stderr  # 2: a file could not be read (one is, on purpose)
    return json.loads(done.stdout)


def test_parallel_run_reports_exactly_what_a_serial_run_does(tmp_path: Path) -> None:
    for index in range(PARALLEL_MIN_FILES + 12):
        (tmp_path / f"copy-{index:03d}.md").write_text(COPY[index % len(COPY)] * (1 + index % 3), encoding="utf-8")
    (tmp_path / "broken.md").write_bytes("Caf\xe9 latin-1".encode("latin-1"))
    serial = run_json("--jobs", "1", str(tmp_path))
    parallel = run_json("--jobs", "2", str(tmp_path))
    assert parallel == serial
    assert serial["summary"]["findings"] > PARALLEL_MIN_FILES and serial["errors"]


def test_small_runs_stay_serial() -> None:
    assert auto_jobs(3, None) == 1
    assert auto_jobs(PARALLEL_MIN_FILES - 1, None) == 1
    assert auto_jobs(5, 3) == 3  # an explicit request wins


def test_many_small_files_stay_serial_and_much_text_does_not() -> None:
    """Workers cost more than they save on a few hundred small files; on megabytes they pay."""
    assert auto_jobs(200, None, total_bytes=lambda: 80_000) == 1
    if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
        assert auto_jobs(200, None, total_bytes=lambda: PARALLEL_MIN_BYTES) > 1
    assert auto_jobs(200, 2, total_bytes=lambda: 10) == 2  # an explicit request still wins


@pytest.mark.parametrize(
    "front",
    [
        'title: "Save 40% today"\ndescription: Plain value here\nauthor: "Sam"\n',
        "title: 'Quoted: with colon'\nfaq:\n  - question: \"Is it free?\"\n    answer: \"Yes, always free.\"\n",
        "# a comment\ntitle: Hello\n\nsummary: We reply within 1 hour.\n",
    ],
)
def test_flat_front_matter_reads_like_the_yaml_reader(front: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"---\n{front}---\n\nBody text.\n"
    fast = markdown.read("x.md", text).mask
    monkeypatch.setattr(markdown, "_reveal_flat_front_matter", lambda *args: False)
    slow = markdown.read("x.md", text).mask
    assert fast == slow


def test_front_matter_needing_real_yaml_falls_back() -> None:
    mask = Mask("---\ntitle: |\n  Block text\n---\n")
    assert not markdown._reveal_flat_front_matter(mask.source, mask, 4, 27)


def test_anchor_index_matches_words_phrases_and_hyphen_variants() -> None:
    index: AnchorIndex[str] = AnchorIndex()
    index.add("guarantee", "A")
    index.add("risk-free", "B")
    index.add("no questions asked", "C")
    index.add("you'll", "D")
    index.freeze()
    assert set(index.owners_in("Fully GUARANTEED? No: a guarantee.")) == {"A"}
    assert set(index.owners_in("Try it risk free, riskfree or risk-free")) == {"B"}
    assert set(index.owners_in("Send it back, no  questions\nasked.")) == {"C"}
    assert set(index.owners_in("You’ll love it")) == {"D"}
    assert list(index.owners_in("nothing here")) == []
