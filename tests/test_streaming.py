"""Issue 14, item 7: reports are streamed file by file, so the main process holds no finding of a
file already reported; the order follows the walk whatever --jobs; run-wide findings, the
summary, the baseline and the exit code still come out right."""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxlint.commands.check import CheckOptions, run_check
from cxlint.decision.baseline import Fingerprints
from cxlint.decision.baseline_write import BaselineWriter
from cxlint.findings import Finding
from cxlint.formatters import FORMATTERS
from cxlint.formatters.json_format import JsonFormatter
from cxlint.json_stream import JsonWriter
from cxlint.parallel import ordered_map
from cxlint.spill import Spill
from tests.conftest import CREEPY

# --- the JSON writer ------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)))  # lone surrogates: the test after this one
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def stream_value(out: JsonWriter, value: Any, key: str | None = None, depth: int = 0) -> None:
    """Write ``value`` opening every container (to a depth), the way formatters write their arrays."""
    if depth < 3 and isinstance(value, dict):
        out.begin_object(key)
        for name, item in value.items():
            stream_value(out, item, name, depth + 1)
        out.end()
    elif depth < 3 and isinstance(value, list):
        out.begin_array(key)
        for item in value:
            stream_value(out, item, None, depth + 1)
        out.end()
    else:
        out.value(value, key)


@given(JSON_VALUES)
def test_json_written_piece_by_piece_is_byte_for_byte_json_dumps(value: Any) -> None:
    text = io.StringIO()
    stream_value(JsonWriter(text), value)
    assert text.getvalue() == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_writer_keeps_lone_surrogates_readable() -> None:
    text = io.StringIO()
    out = JsonWriter(text)
    out.begin_array()
    out.value("caf\udcff.md")
    out.end()
    assert json.loads(text.getvalue().encode("utf-8")) == ["caf\udcff.md"]


# --- the spill ------------------------------------------------------------------------------


def test_spilled_records_read_back_in_order_and_from_where_they_start() -> None:
    with Spill() as spill:
        first = spill.add(["caf\udcff", 1.25, {"k": None}])
        second = spill.add([["We noticed you\n", "été 😀"]])
        assert list(spill) == [["caf\udcff", 1.25, {"k": None}], [["We noticed you\n", "été 😀"]]]
        assert spill.at(second) == [["We noticed you\n", "été 😀"]] and spill.at(first)[0] == "caf\udcff"
        spill.add("later")
        assert spill.at(second) == [["We noticed you\n", "été 😀"]]


# --- the order of a run -----------------------------------------------------------------------


def check_json(*paths: str, **options: Any) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    code = run_check(paths, "json", "warning", out, options=CheckOptions(isolated=True, **options), err=io.StringIO())
    return code, json.loads(out.getvalue())


def test_files_are_reported_in_walk_order_with_and_without_workers(tmp_path: Path) -> None:
    """Files of a folder before its subfolders (not sorted path order, where 'site/a/…' < 'site/b.md')."""
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "b.md").write_text(CREEPY, encoding="utf-8")
    (tmp_path / "site" / "a" / "x.md").write_text(CREEPY, encoding="utf-8")
    for n in range(60):
        (tmp_path / "site" / "a" / f"p{n:02}.md").write_text("Only 2 left! " * (n % 3 + 1), encoding="utf-8")
    site = str(tmp_path / "site")
    code, serial = check_json(site, jobs=1)
    _, parallel = check_json(site, jobs=2)
    assert code == 1 and parallel == serial
    paths = list(dict.fromkeys(Path(f["path"]).relative_to(tmp_path).as_posix() for f in serial["findings"]))
    assert paths[:2] == ["site/b.md", "site/a/p00.md"] and paths[-1] == "site/a/x.md"
    lines = [(f["path"], f["line"], f["column"]) for f in serial["findings"] if f["path"].endswith("x.md")]
    assert lines == sorted(lines)


def test_files_named_on_the_command_line_keep_their_order(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(CREEPY, encoding="utf-8")
    _, data = check_json(str(tmp_path / "b.md"), str(tmp_path / "a.md"))
    assert [Path(f["path"]).name for f in data["findings"]][0] == "b.md"
    assert [Path(f["path"]).name for f in data["findings"]][-1] == "a.md"


# --- memory: nothing of a file is kept once it is reported ---------------------------------------


class CountingFormatter:
    """Wraps a real formatter and counts the findings alive in this process as each file arrives."""

    def __init__(self, stream: io.StringIO) -> None:
        self.inner = JsonFormatter(stream)
        self.alive: list[int] = []
        self.reported = 0

    def start(self, rules: Any) -> None:
        self.inner.start(rules)

    def file(self, report: Any) -> None:
        gc.collect()
        self.alive.append(sum(isinstance(o, Finding) for o in gc.get_objects()))
        self.reported += len(report.findings)
        self.inner.file(report)

    def finish(self, summary: Any) -> None:
        self.inner.finish(summary)


def test_the_main_process_holds_no_findings_of_files_already_reported(tmp_path: Path, monkeypatch) -> None:
    for n in range(60):
        (tmp_path / f"f{n:02}.md").write_text(CREEPY * 5, encoding="utf-8")
    counting: list[CountingFormatter] = []

    def make(stream: io.StringIO) -> CountingFormatter:
        counting.append(CountingFormatter(stream))
        return counting[0]

    monkeypatch.setitem(FORMATTERS, "json", make)
    for jobs in (1, 2):
        counting.clear()
        out = io.StringIO()
        assert run_check((str(tmp_path),), "json", "warning", out, options=CheckOptions(isolated=True, jobs=jobs), err=io.StringIO()) == 1
        formatter = counting[0]
        per_file = formatter.reported // 60
        assert formatter.reported == json.loads(out.getvalue())["summary"]["findings"] >= 60 * 5
        # flat: a file's findings and the few files workers finished ahead (the count varies by up to
        # 16 files' worth with garbage not yet freed); held for the report, they would grow by a
        # file's findings with each file, 40 files' worth from the 10th file to the last
        assert max(formatter.alive[-10:]) - min(formatter.alive[5:15]) < per_file * 20


def test_json_report_is_written_while_the_run_goes(tmp_path: Path, monkeypatch) -> None:
    """The first file's findings are in the output before the last file is linted."""
    for n in range(3):
        (tmp_path / f"f{n}.md").write_text(CREEPY, encoding="utf-8")
    out = io.StringIO()
    seen: list[str] = []
    from cxlint import runner

    real = runner._lint_file

    def spy(path: str, *args: Any) -> Any:
        seen.append(out.getvalue())
        return real(path, *args)

    monkeypatch.setattr(runner, "_lint_file", spy)
    run_check((str(tmp_path),), "json", "warning", out, options=CheckOptions(isolated=True, jobs=1), err=io.StringIO())
    assert "f0.md" not in seen[0] and "f0.md" in seen[2] and "f1.md" in seen[2]


# --- run-wide findings, baseline, summary ----------------------------------------------------


def test_run_wide_findings_follow_the_files_in_walk_order_and_are_counted(fixtures: Path) -> None:
    code, data = check_json(str(fixtures / "audit"), promises=str(fixtures / "promises" / "harbor.yaml"), today=dt.date(2026, 11, 23))
    rules = [f["rule"] for f in data["findings"]]
    late = [n for n, rule in enumerate(rules) if rule in ("CX253", "CX254")]
    assert late and late == list(range(len(rules) - len(late), len(rules)))  # after every file's own findings
    assert data["summary"]["findings"] == len(rules) and code == 1
    out = io.StringIO()
    run_check((str(fixtures / "audit"),), "junit", "warning", out,
              options=CheckOptions(isolated=True, promises=str(fixtures / "promises" / "harbor.yaml"), today=dt.date(2026, 11, 23)), err=io.StringIO())
    from xml.etree import ElementTree as ET

    suites = [s.get("name") for s in ET.fromstring(out.getvalue().split("\n", 1)[1]).iter("testsuite")]
    assert len(suites) == len(set(suites))  # a file's run-wide findings join its suite


def test_baseline_writer_adds_up_a_path_met_twice_and_sorts(tmp_path: Path) -> None:
    def finding(path: str, rule: str, start: int, text: str) -> Finding:
        return Finding(path, start, start + 4, 1, start + 1, 1, start + 5, rule, "n", "barista", "warning", "m", text, "s")

    a, b = str(tmp_path / "a.md"), str(tmp_path / "b.md")
    prints = Fingerprints({}, known={(a, "CX101", 0, 4): "f1", (a, "CX101", 9, 13): "f1", (b, "CX102", 0, 4): "f2", (a, "CX253", 0, 4): "f3"})
    writer = BaselineWriter(str(tmp_path / "base.json"))
    writer.add([finding(b, "CX102", 0, "bbbb")], prints)
    writer.add([finding(a, "CX101", 0, "first"), finding(a, "CX101", 9, "second")], prints)
    writer.add([finding(a, "CX253", 0, "late")], prints)
    assert writer.write() == 3
    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["rule"], e["count"], e["text"]) for e in entries] == [
        ("a.md", "CX101", 2, "first"), ("a.md", "CX253", 1, "late"), ("b.md", "CX102", 1, "bbbb"),
    ]


def test_a_baseline_written_and_read_gives_the_same_run(cxlint, tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"f{n}.md").write_text(CREEPY * (n + 1), encoding="utf-8")
    run = cxlint("check", "--write-baseline", "b.json", ".", cwd=tmp_path)
    assert run.code == 0 and "wrote 10 baseline entries" in run.err and "Found 0 findings" in run.out
    assert "30 accepted by the baseline" in cxlint("check", "--baseline", "b.json", ".", cwd=tmp_path).out


def test_exit_code_follows_the_counts(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CREEPY, encoding="utf-8")
    out = io.StringIO()
    assert run_check((str(tmp_path),), "text", "error", out, options=CheckOptions(isolated=True), err=io.StringIO()) == 0
    assert run_check((str(tmp_path),), "text", "warning", out, options=CheckOptions(isolated=True), err=io.StringIO()) == 1
    assert run_check((str(tmp_path),), "text", "info", out, options=CheckOptions(isolated=True), err=io.StringIO()) == 1


# --- workers ----------------------------------------------------------------------------------


def _square(n: int) -> int:
    return n * n


def test_workers_hand_back_results_in_order() -> None:
    items = list(range(203))
    assert list(ordered_map(_square, items, 2)) == [n * n for n in items]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names that are not UTF-8 need Linux")
def test_a_baseline_of_a_file_whose_name_is_not_utf8_is_written_and_read_back(cxlint, tmp_path: Path) -> None:
    """The streamed baseline writes an undecodable byte of a name as a JSON escape that reads back to it."""
    (tmp_path / os.fsdecode(b"caf\xff.md")).write_text(CREEPY, encoding="utf-8")
    run = cxlint("check", "--write-baseline", "b.json", ".", cwd=tmp_path)
    assert run.code == 0 and "wrote 2 baseline entries" in run.err
    (tmp_path / "b.json").read_bytes().decode("utf-8")
    run = cxlint("check", "--baseline", "b.json", ".", cwd=tmp_path)
    assert run.code == 0 and "2 accepted by the baseline" in run.out


def test_promises_found_in_this_process_are_not_counted_twice(tmp_path) -> None:
    """``--jobs 2`` with one file (or where nothing forks) lints in this process: its promises are
    already in the run-wide check and must not be added again as if a worker had sent them."""
    from cxlint.promises.check_run import registry_check
    from cxlint.runner import lint_paths
    from cxlint.testing import default_ruleset

    copy = tmp_path / "a.md"
    copy.write_text("We reply to every email within 1 hour.\n", encoding="utf-8")
    ruleset = default_ruleset()
    counts = []
    for jobs in (1, 2):
        check = registry_check(None, None)
        lint_paths([str(copy)], ruleset, promise_check=check, jobs=jobs)
        counts.append(len(check.assessments))
    assert counts == [1, 1]
