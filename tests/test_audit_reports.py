import csv
import io
import json
import re


from cxlint.commands.audit import run_audit


def audit(fixtures, fmt, promises=True):
    out = io.StringIO()
    registry = str(fixtures / "promises" / "harbor.yaml") if promises else None
    code = run_audit((str(fixtures / "audit"),), fmt, out, registry, __import__("datetime").date(2026, 11, 23))
    return code, out.getvalue()


def test_json_has_a_summary_and_every_promise_with_evidence_and_owner(fixtures):
    code, text = audit(fixtures, "json")
    data = json.loads(text)
    assert code == 1
    assert data["summary"]["promises"] == len(data["promises"]) == 14
    assert data["summary"]["conflicts"] == 5
    backed = [p for p in data["promises"] if p["registry_status"] == "backed"]
    assert backed and all(p["evidence"] and p["owner"] for p in backed)
    assert "return-window" in data["summary"]["expiring_entries"]


def test_csv_one_row_a_promise(fixtures):
    _, text = audit(fixtures, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 14
    assert {r["status"] for r in rows} <= {"backed", "over-promised", "expired", "unbacked", "inconsistent"}


def test_html_is_one_self_contained_file(fixtures):
    _, text = audit(fixtures, "html")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script|<link|src=|https?://", text)
    assert "Promise audit" in text and "support hours (phone)" in text


def test_markdown_groups_by_subject_with_the_summary_on_top(fixtures):
    _, text = audit(fixtures, "md", promises=False)
    assert text.index("- 14 promises in 8 files") < text.index("## delivery time")


def test_an_invalid_registry_is_exit_2_with_file_and_line(tmp_path, fixtures):
    from cxlint.cli import cli
    from click.testing import CliRunner

    bad = tmp_path / "promises.yaml"
    bad.write_text("promises:\n  - id: x\n    kind: nope\n    value: 1\n    evidence: e\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(fixtures / "audit"), "--promises", str(bad)], standalone_mode=False)
    from cxlint.errors import FatalError

    assert isinstance(result.exception, FatalError)
    assert f"{bad}:2" in str(result.exception)
