"""Message archives (JSON Lines, CSV, Parquet): each message linted alone, findings at the record's
line with a pointer to it, unreadable records reported, slices that join up exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxlint.archives import ArchiveFields
from cxlint.archives.batches import archive_slices, slice_records
from cxlint.archives.messages import Message, Skipped

CREEPY = "We noticed you looked at the boots 7 times at 3:17 AM."
CLEAN = "Your order has shipped."


def write_jsonl(path: Path, records: list[object], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) if not isinstance(r, str) else r for r in records]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


def findings(run) -> list[dict]:
    return json.loads(run.out)["findings"]


def source_slice(path: Path, finding: dict) -> str:
    """The characters a finding's line and columns name in the file."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    assert finding["line"] == finding["end_line"]
    return lines[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1]


def test_a_jsonl_finding_names_the_record_line_its_pointer_and_id(tmp_path: Path, cxlint) -> None:
    archive = write_jsonl(
        tmp_path / "sent.jsonl",
        [{"id": "a1", "channel": "email", "text": CLEAN}, {"id": "a2", "channel": "email", "text": "Héllo 🙂 — " + CREEPY}],
    )
    run = cxlint("check", str(archive), "--format", "json", "--isolated")
    found = findings(run)
    assert run.code == 1 and found
    for finding in found:
        assert finding["line"] == 2
        assert finding["pointer"] == "/1/text"
        assert finding["message_id"] == "a2"
        assert source_slice(archive, finding) == finding["text"]  # exact columns past non-ASCII characters
    assert json.loads(run.out)["summary"]["files"] == 1


def test_escapes_in_a_json_line_keep_columns_exact(tmp_path: Path, cxlint) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", ['{"text": "\\"Hi\\"\\n\\u00e9 ' + CREEPY + '"}'])
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated"))
    assert found and all(source_slice(archive, f) == f["text"] for f in found)


def test_each_message_is_its_own_document(tmp_path: Path, cxlint) -> None:
    """Copy in one message (a notice, a neighbour sentence) never counts for the next one."""
    alone = write_jsonl(tmp_path / "alone.jsonl", [{"text": CREEPY}])
    among = write_jsonl(tmp_path / "among.jsonl", [{"text": "We use your data to personalise offers."}, {"text": CREEPY}, {"text": CLEAN}])
    one = [(f["rule"], f["severity"], f["text"]) for f in findings(cxlint("check", str(alone), "--format", "json", "--isolated"))]
    two = [(f["rule"], f["severity"], f["text"]) for f in findings(cxlint("check", str(among), "--format", "json", "--isolated")) if f["line"] == 2]
    assert one and one == two


def test_the_channel_of_each_record_is_used(tmp_path: Path, cxlint) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", [{"text": CREEPY, "channel": "sms"}, {"text": CREEPY, "kanal": "push"}])
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated"))
    assert {f["line"]: f.get("channel") for f in found}[1] == "sms"
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated", "--channel-field", "kanal"))
    assert {f["line"]: f.get("channel") for f in found}[2] == "push"


def test_other_field_names(tmp_path: Path, cxlint) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", [{"msg_id": 7, "body": CREEPY, "text": CLEAN}])
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated", "--text-field", "body", "--id-field", "msg_id"))
    assert found and {f["pointer"] for f in found} == {"/0/body"} and {f["message_id"] for f in found} == {"7"}


def test_bad_records_are_reported_and_the_rest_linted(tmp_path: Path, cxlint) -> None:
    archive = tmp_path / "a.jsonl"
    archive.write_bytes(
        b'{"text": "fine"}\nnot json\n[1, 2]\n{"body": "no text"}\n{"text": "caf\xff"}\n\n'
        + json.dumps({"text": CREEPY}).encode() + b"\n"
    )
    run = cxlint("check", str(archive), "--format", "json", "--isolated")
    report = json.loads(run.out)
    assert run.code == 2
    assert sorted(e["line"] for e in report["errors"]) == [2, 3, 4, 5]
    assert all(e["code"] == "CX000" and "record skipped" in e["message"] for e in report["errors"])
    assert {f["line"] for f in report["findings"]} == {7}
    assert {f["pointer"] for f in report["findings"]} == {"/5/text"}  # blank lines are not records


def test_csv_rows_quoted_fields_over_several_lines(tmp_path: Path, cxlint) -> None:
    archive = tmp_path / "sent.csv"
    archive.write_text(
        'id,text,channel\n'
        'r1,"' + CLEAN + '",sms\n'
        'r2,"Hi ""Sam"", a line\n' + CREEPY + '",email\n'
        'r3,' + CREEPY + ',push\n',
        encoding="utf-8",
    )
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated"))
    assert {(f["line"], f["message_id"], f["pointer"]) for f in found} == {(4, "r2", "/1/text"), (5, "r3", "/2/text")}
    assert all(source_slice(archive, f) == f["text"] for f in found)
    assert {f["channel"] for f in found if f["message_id"] == "r3"} == {"push"}


def test_parquet_rows(tmp_path: Path, cxlint) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    archive = tmp_path / "sent.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [CLEAN, CREEPY]}), archive, row_group_size=1)
    found = findings(cxlint("check", str(archive), "--format", "json", "--isolated"))
    assert found and {(f["line"], f["message_id"], f["pointer"]) for f in found} == {(2, "p2", "/1/text")}
    assert all(CREEPY[f["column"] - 1 : f["end_column"] - 1] == f["text"] for f in found)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_slices_join_up_to_the_whole_archive(tmp_path: Path, suffix: str) -> None:
    """However an archive is cut, its slices hold every record once, at the same lines and offsets."""
    texts = [f'message {i} "quoted"\nsecond line é' if i % 3 == 0 else f"message {i}" for i in range(53)]
    archive = tmp_path / f"a{suffix}"
    if suffix == ".jsonl":
        write_jsonl(archive, [{"id": i, "text": t} for i, t in enumerate(texts)])
    else:
        rows = ['"' + t.replace('"', '""') + f'",{i}' for i, t in enumerate(texts)]
        archive.write_text("text,id\n" + "\n".join(rows) + "\n", encoding="utf-8")

    def records(size: int) -> list[Message | Skipped]:
        return [r for piece in archive_slices(str(archive), size) for r in slice_records(piece, ArchiveFields())]

    whole = records(10_000)
    assert [r.id for r in whole if isinstance(r, Message)] == [str(i) for i in range(53)]
    for size in (1, 7, 52):
        assert records(size) == whole
    text = archive.read_text(encoding="utf-8")
    for record in whole:
        assert isinstance(record, Message)
        assert text[record.offset : record.offset + len(record.source)] == record.source


def test_a_folder_walk_leaves_data_files_alone(tmp_path: Path, cxlint) -> None:
    """A repository's .jsonl and .csv are data: linted when named or included, not when walked past."""
    write_jsonl(tmp_path / "data.jsonl", [{"text": CREEPY}])
    (tmp_path / "copy.md").write_text(CLEAN + "\n", encoding="utf-8")
    walked = json.loads(cxlint("check", str(tmp_path), "--format", "json", "--isolated").out)
    assert walked["summary"]["files"] == 1 and not walked["findings"]
    (tmp_path / ".cxlint.yaml").write_text("include: ['**/*.jsonl', '**/*.md']\n", encoding="utf-8")
    included = json.loads(cxlint("check", str(tmp_path), "--format", "json").out)
    assert included["summary"]["files"] == 2 and included["findings"]


def test_serial_and_parallel_runs_agree_on_a_large_archive(tmp_path: Path, cxlint, monkeypatch) -> None:
    import cxlint.archives.batches as batches

    monkeypatch.setattr(batches, "SLICE_MESSAGES", 5)
    archive = write_jsonl(tmp_path / "a.jsonl", [{"id": i, "text": CREEPY if i % 4 == 0 else CLEAN} for i in range(40)])
    serial = cxlint("check", str(archive), "--format", "json", "--isolated", "--jobs", "1")
    parallel = cxlint("check", str(archive), "--format", "json", "--isolated", "--jobs", "2")
    assert serial.out == parallel.out
    report = json.loads(serial.out)
    assert report["summary"]["files"] == 1
    assert {f["line"] for f in report["findings"]} == {i + 1 for i in range(0, 40, 4)}


def test_a_sliced_archive_is_one_file_of_the_streamed_report(tmp_path: Path, cxlint, monkeypatch) -> None:
    """Slices reach the report merged: one JUnit suite, one testcase per finding, findings in record order."""
    import xml.etree.ElementTree as ET

    import cxlint.archives.batches as batches

    monkeypatch.setattr(batches, "SLICE_MESSAGES", 3)
    archive = write_jsonl(tmp_path / "a.jsonl", [{"id": i, "text": CREEPY if i % 2 == 0 else CLEAN} for i in range(12)])
    (tmp_path / "b.md").write_text(CREEPY + "\n", encoding="utf-8")
    assert len(list(archive_slices(str(archive)))) >= 4  # the run really is cut into slices
    for jobs in ("1", "2"):
        run = cxlint("check", str(archive), str(tmp_path / "b.md"), "--format", "junit", "--isolated", "--jobs", jobs)
        suites = ET.fromstring(run.out).findall("testsuite")
        assert [s.get("name") for s in suites] == [str(archive), str(tmp_path / "b.md")]
        assert suites[0].get("failures") == str(len(suites[0].findall("testcase")))
        report = json.loads(cxlint("check", str(archive), "--format", "json", "--isolated", "--jobs", jobs).out)
        assert report["summary"]["files"] == 1
        lines = [f["line"] for f in report["findings"]]
        assert lines == sorted(lines) and set(lines) == {i + 1 for i in range(0, 12, 2)}


def test_audit_places_each_message_promise_at_its_record(tmp_path: Path, cxlint) -> None:
    """The audit's records are where the check's findings are: the record's line, exact columns."""
    archive = write_jsonl(
        tmp_path / "macros.jsonl",
        [{"id": "m1", "channel": "email", "text": CLEAN},
         {"id": "m2", "channel": "chatbot", "text": "Héllo — our phone line is open 24/7."},
         {"id": "m3", "channel": "email", "text": "Thanks!\nOur email team answers within 2 hours."}],
    )
    run = cxlint("audit", str(archive), "--format", "json", "--isolated")
    promises = json.loads(run.out)["promises"]
    assert {p["line"] for p in promises} == {2, 3}
    assert all(source_slice(archive, p) == p["text"] for p in promises)


def test_messages_that_contradict_each_other_name_each_others_records(tmp_path: Path, cxlint) -> None:
    archive = write_jsonl(
        tmp_path / "sent.jsonl",
        [{"id": "x", "channel": "email", "text": "Our email team replies within 2 hours."},
         {"id": "y", "channel": "chatbot", "text": CLEAN},
         {"id": "z", "channel": "chatbot", "text": "We reply to every email within 48 hours."}],
    )
    conflicts = [f for f in findings(cxlint("check", str(archive), "--format", "json", "--isolated")) if f["rule"] == "CX253"]
    assert sorted((f["line"], f["message_id"]) for f in conflicts) == [(1, "x"), (3, "z")]
    first = next(f for f in conflicts if f["line"] == 1)
    assert f"sent.jsonl:3:{next(f for f in conflicts if f['line'] == 3)['column']}" in first["message"]
