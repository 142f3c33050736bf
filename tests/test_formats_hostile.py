"""Issue 14, D5/D6: file names that are not UTF-8 or hold control characters, and control
characters in messages and copy, keep every output format valid and every line one line."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from cxlint.findings import FileProblem, Finding
from cxlint.formatters import FORMATTERS, render
from cxlint.formatters.escaping import shown_path, shown_text
from cxlint.report import RunResult
from tests.conftest import CREEPY, as_excerpts

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json"

UNDECODABLE = os.fsdecode(b"site/caf\xff-promo.md")  # Python hands the name over as 'site/caf\udcff-promo.md'
UNDECODABLE_SHOWN = "site/caf\\xff-promo.md"
BROKEN = os.fsdecode(b"site/bad\xfe.md")
BROKEN_SHOWN = "site/bad\\xfe.md"
JSON_FORMATS = ("json", "json-lines", "sarif", "gitlab", "rdjson")
LINE_FORMATS = ("text", "full", "github", "junit")

needs_posix_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names that are not UTF-8 need Linux")


def finding(path: str, **fields: str) -> Finding:
    values = {
        "rule": "CX101",
        "name": "observer-behaviour",
        "category": "barista",
        "severity": "warning",
        "message": "Tells the reader you watched what they did.",
        "text": "We noticed you",
        "suggestion": "Drop the observer phrase.",
        **fields,
    }
    return Finding(path=path, start=0, end=14, line=1, column=1, end_line=1, end_column=15, **values)  # type: ignore[arg-type]


def strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def rendered(fmt: str, result: RunResult) -> str:
    out = io.StringIO()
    render(fmt, result, out)
    return out.getvalue()


def undecodable_run() -> RunResult:
    return RunResult(
        findings=[finding(UNDECODABLE)],
        problems=[FileProblem(BROKEN, "invalid UTF-8 at byte 3 (invalid start byte)", 1)],
        files=2,
        **as_excerpts({UNDECODABLE: "We noticed you viewed the green lamp.\n"}),
    )


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_undecodable_names_give_utf8_output_in_every_format(fmt: str) -> None:
    output = rendered(fmt, undecodable_run())
    output.encode("utf-8")  # a surrogate here is the raw 0xff byte the stream would have written


@pytest.mark.parametrize("fmt", ["json", "json-lines", "gitlab", "rdjson"])
def test_json_formats_show_undecodable_names_escaped(fmt: str) -> None:
    output = rendered(fmt, undecodable_run())
    if fmt == "json":
        data = json.loads(output)
        paths = [data["findings"][0]["path"], data["errors"][0]["path"]]
    elif fmt == "json-lines":
        paths = [json.loads(line)["path"] for line in output.splitlines()]
    elif fmt == "gitlab":
        paths = [issue["location"]["path"] for issue in json.loads(output)]
    else:
        paths = [d["location"]["path"] for d in json.loads(output)["diagnostics"]]
    assert paths == [UNDECODABLE_SHOWN, BROKEN_SHOWN]


def test_sarif_uri_percent_encodes_the_raw_bytes() -> None:
    log = json.loads(rendered("sarif", undecodable_run()))
    jsonschema.validate(log, json.loads(SCHEMA.read_text()))
    run = log["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/caf%FF-promo.md"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/bad%FE.md"


@pytest.mark.parametrize("fmt", LINE_FORMATS)
def test_line_formats_show_undecodable_names_escaped(fmt: str) -> None:
    output = rendered(fmt, undecodable_run())
    assert UNDECODABLE_SHOWN in output and BROKEN_SHOWN in output


def test_junit_with_control_characters_in_copy_messages_and_names_parses() -> None:
    result = RunResult(
        findings=[
            finding(
                "site/ctrl.md",
                rule="CX003",
                name="invalid-suppression",
                message="Unknown rule, category or pack 'CX1\x01' in suppression.",
                text="<!-- cxlint-disable-next-line CX1\x01 -->",
                suggestion="Use an id\x1b[2J from `cxlint rules`.",
            )
        ],
        problems=[FileProblem("site/nul\x00.md", "binary file (NUL \x00 bytes)")],
        files=3,
        **as_excerpts({"site/bell\a.md": "Hello there.\n", "site/ctrl.md": "<!-- x -->\n"}),
    )
    root = ET.fromstring(rendered("junit", result).encode("utf-8"))
    assert [suite.get("name") for suite in root.iter("testsuite")] == ["site/bell\\x07.md", "site/ctrl.md", "unreadable files"]
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "Unknown rule, category or pack 'CX1\\x01' in suppression."
    assert failure.text is not None and "CX1\\x01" in failure.text and "id\\x1b[2J" in failure.text
    error = root.find(".//error")
    assert error is not None and error.get("message") == "binary file (NUL \\x00 bytes)"
    assert root.findall(".//testcase")[-1].get("name") == "site/nul\\x00.md"


def test_a_newline_in_a_name_cannot_inject_a_github_annotation() -> None:
    path = "x\n::warning file=evil.md,line=1::injected\n.md"
    lines = rendered("github", RunResult(findings=[finding(path)], files=1)).splitlines()
    assert len(lines) == 2  # the annotation and the summary
    assert lines[0].startswith("::warning file=x\\n%3A%3Awarning file=evil.md%2Cline=1%3A%3Ainjected\\n.md,line=1,")


def test_text_keeps_one_line_per_field_whatever_the_name_and_message() -> None:
    hostile = finding("a\nb\r.md", message="two\nlines\u2028and a separator", suggestion="say\x85it")
    lines = rendered("text", RunResult(findings=[hostile], problems=[FileProblem("c\n.md", "cannot\nread")], files=2)).splitlines()
    assert lines[:4] == [
        "a\\nb\\r.md:1:1: CX101 [warning] two\\nlines\\u2028and a separator",
        "  | 'We noticed you'",
        "  = suggestion: say\\u0085it",
        "c\\n.md: error: CX000 cannot\\nread",
    ]
    assert len(lines) == 5


def test_full_format_puts_carets_under_escaped_characters() -> None:
    source = "a\x07b creepy\n"
    hostile = Finding(path="f.md", start=4, end=10, line=1, column=5, end_line=1, end_column=11, rule="CX101", name="n", category="barista", severity="warning", message="m", text="creepy", suggestion="")
    output = rendered("full", RunResult(findings=[hostile], files=1, **as_excerpts({"f.md": source})))
    assert " 1 | a\\x07b creepy\n   |        ^^^^^^\n" in output


def test_shown_paths_escape_only_what_needs_it() -> None:
    assert shown_path("emails/été 2024, \"promo\": final.md") == "emails/été 2024, \"promo\": final.md"
    assert shown_path("a\\b.md") == "a\\\\b.md"  # a backslash doubles, so 'a\\x07' never reads as a bell
    assert shown_path("tab\there\u2028.md") == "tab\\there\\u2028.md"
    assert shown_text("tab\there \ud83d") == "tab\there \\ud83d"


@needs_posix_names
@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_cli_reports_a_file_whose_name_is_not_utf8(cxlint, tmp_path: Path, fmt: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "creepy.md").write_text(CREEPY)
    with open(os.path.join(os.fsencode(site), b"caf\xff-promo.md"), "wb") as handle:
        handle.write(b"We noticed you viewed the green lamp 5 times at 2:14 AM.\n")
    run = cxlint("check", "--format", fmt, "site", cwd=tmp_path)  # the captured stdout is strict UTF-8
    assert run.code == 1, run.err
    if fmt in JSON_FORMATS:
        data = [json.loads(line) for line in run.out.splitlines()] if fmt == "json-lines" else json.loads(run.out)
        assert any(s.endswith(("caf\\xff-promo.md", "caf%FF-promo.md")) for s in strings(data))
    else:
        assert UNDECODABLE_SHOWN in run.out
    assert "creepy.md" in run.out
    if fmt == "junit":
        ET.fromstring(run.out.encode("utf-8"))


@needs_posix_names
def test_stderr_names_a_hostile_unreadable_file_on_one_line(cxlint, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "creepy.md").write_text(CREEPY)
    with open(os.path.join(os.fsencode(site), b"bad\n\xfe.md"), "wb") as handle:
        handle.write(b"caf\xe9\n")
    run = cxlint("check", "--format", "json", "site", cwd=tmp_path)
    assert run.code == 2
    assert json.loads(run.out)["errors"][0]["path"] == "site/bad\\n\\xfe.md"
    errors = [line for line in run.err.splitlines() if line.startswith("cxlint: error:")]
    assert errors == ["cxlint: error: site/bad\\n\\xfe.md:1: CX000 invalid UTF-8 at byte 3 (invalid continuation byte)"]
    assert len(run.err.splitlines()) == len(errors)


def test_rdjson_counts_a_lone_surrogate_in_the_source_as_three_bytes() -> None:
    hostile = Finding(path="f.md", start=2, end=8, line=1, column=3, end_line=1, end_column=9, rule="CX101", name="n", category="barista", severity="warning", message="m", text="creepy", suggestion="")
    data = json.loads(rendered("rdjson", RunResult(findings=[hostile], files=1, **as_excerpts({"f.md": "\ud83d creepy\n"}))))
    assert data["diagnostics"][0]["location"]["range"]["start"] == {"line": 1, "column": 5}
