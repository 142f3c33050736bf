"""Every output format: parses, carries severity, keeps exact positions, and the exit code holds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from cxlint.cli import FORMATS as CLI_FORMATS
from cxlint.config.schema import FORMATS as CONFIG_FORMATS
from cxlint.formatters import FORMATTERS
from tests.conftest import USER_PACK

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json"


def test_every_format_is_registered_in_cli_and_config() -> None:
    assert tuple(FORMATTERS) == CLI_FORMATS == CONFIG_FORMATS


@pytest.mark.parametrize("fmt", list(FORMATTERS))
@pytest.mark.parametrize(("fail_on", "expected"), [("warning", 1), ("error", 0), ("never", 0)])
def test_exit_codes_hold_in_every_format(cxlint, project: Path, fmt: str, fail_on: str, expected: int) -> None:
    assert cxlint("check", "--format", fmt, "--fail-on", fail_on, "emails", cwd=project).code == expected


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_unreadable_file_exits_2_in_every_format(cxlint, project: Path, fmt: str) -> None:
    (project / "emails" / "broken.md").write_bytes(b"caf\xe9\n")
    run = cxlint("check", "--format", fmt, "emails", cwd=project)
    assert run.code == 2
    assert "broken.md" in run.out


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_every_format_carries_severity(cxlint, project: Path, fmt: str) -> None:
    (project / ".cxlint.yaml").write_text("severity: {CX102: info}\n")
    out = cxlint("check", "--format", fmt, "emails", cwd=project).out
    marks = {
        "text": ("[warning]", "[info]"),
        "full": ("[warning]", "[info]"),
        "json": ('"severity": "warning"', '"severity": "info"'),
        "json-lines": ('"severity": "warning"', '"severity": "info"'),
        "sarif": ('"level": "warning"', '"level": "note"'),
        "github": ("::warning ", "::notice "),
        "junit": ('type="warning"', 'type="info"'),
        "gitlab": ('"severity": "minor"', '"severity": "info"'),
        "rdjson": ('"severity": "WARNING"', '"severity": "INFO"'),
    }[fmt]
    for mark in marks:
        assert mark in out, (fmt, mark)


def test_sarif_validates_against_the_schema_subset(cxlint, project: Path) -> None:
    (project / "house.yaml").write_text(USER_PACK)
    (project / "emails" / "sale.md").write_text("Great deals this week. Act now.\n")
    (project / "emails" / "broken.md").write_bytes(b"\xff\x00\x01")
    run = cxlint("check", "--format", "sarif", "--rules", "house.yaml", "emails", cwd=project)
    log = json.loads(run.out)
    jsonschema.Draft7Validator.check_schema(json.loads(SCHEMA.read_text()))
    jsonschema.validate(log, json.loads(SCHEMA.read_text()), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    run_ = log["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    results = {r["ruleId"]: r for r in run_["results"]}
    region = results["CX101"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 1, 15)
    fix = results["CX901"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Offer ends Friday"
    assert fix["deletedRegion"]["startColumn"] == 24 and fix["deletedRegion"]["endColumn"] == 31
    assert "fixes" not in results["CX101"]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert [ids[r["ruleIndex"]] for r in run_["results"]] == [r["ruleId"] for r in run_["results"]]


def test_schema_subset_rejects_a_broken_log() -> None:
    schema = json.loads(SCHEMA.read_text())
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "CX1", "level": "info", "message": {"text": "m"}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_github_annotations_escape_and_locate(cxlint, project: Path) -> None:
    lines = cxlint("check", "--format", "github", "emails", cwd=project).out.splitlines()
    assert lines[0].startswith("::warning file=emails/creepy.md,line=3,col=1,endLine=3,endColumn=15,title=CX101 observer-behaviour (warning)::")
    assert "%0ASuggestion:" in lines[0]
    from cxlint.formatters.github_format import _data, _prop

    assert _prop("a,b:c%") == "a%2Cb%3Ac%25" and _data("x\ny") == "x%0Ay"


def test_junit_is_valid_xml_with_one_failure_per_finding(cxlint, project: Path) -> None:
    root = ET.fromstring(cxlint("check", "--format", "junit", "emails", cwd=project).out.split("\n", 1)[1])
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["warning", "warning"]
    assert root.get("failures") == "2"
    assert any(case.find("failure") is None for case in root.iter("testcase"))  # the clean file passes


def test_gitlab_fingerprints_are_unique(cxlint, project: Path) -> None:
    (project / "emails" / "twice.md").write_text("We noticed you left.\n\nWe noticed you left.\n")
    issues = json.loads(cxlint("check", "--format", "gitlab", "emails", cwd=project).out)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == len(set(fingerprints)) >= 4
    assert issues[0]["location"] == {"path": "emails/creepy.md", "lines": {"begin": 3, "end": 3}}


def test_rdjson_counts_columns_in_utf8_bytes_and_offers_suggestions(cxlint, project: Path) -> None:
    (project / "house.yaml").write_text(USER_PACK)
    (project / "emails" / "sale.md").write_text("Çà va — act now.\n")
    out = json.loads(cxlint("check", "--format", "rdjson", "--rules", "house.yaml", "emails/sale.md", cwd=project).out)
    [diag] = [d for d in out["diagnostics"] if d.get("suggestions")]  # the house rule; built-in pressure rules flag it too
    # "Çà va — " is 8 code points but 12 UTF-8 bytes
    assert diag["location"]["range"]["start"] == {"line": 1, "column": 13}
    assert diag["suggestions"][0]["text"] == "Offer ends Friday" and diag["severity"] == "WARNING"


def test_json_lines_is_one_design_finding_per_line(cxlint, project: Path) -> None:
    lines = cxlint("check", "--format", "json-lines", "emails", cwd=project).out.splitlines()
    first = json.loads(lines[0])
    assert len(lines) == 2
    assert {"path", "line", "column", "end_line", "end_column", "rule", "name", "category", "severity", "message", "text", "suggestion"} <= set(first)


def test_full_format_shows_caret_under_the_span_without_colour_off_tty(cxlint, project: Path) -> None:
    out = cxlint("check", "--format", "full", "emails", cwd=project).out
    assert " 3 | We noticed you were browsing socks at 2:14am last night.\n   | ^^^^^^^^^^^^^^\n" in out
    assert "                                    ^^^^^^^^^" in out
    assert "\x1b[" not in out


def test_full_format_colour_follows_tty_and_no_color(monkeypatch) -> None:
    import io

    from cxlint.formatters.full_format import use_colour

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert use_colour(Tty()) is True
    assert use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(Tty()) is False


def test_formatters_do_not_import_spacy() -> None:
    code = "import sys, cxlint.formatters, cxlint.decision, cxlint.config, cxlint.cli; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@pytest.mark.parametrize("args", [["--version"], ["rules"], ["rule", "CX101"], ["rules", "--format", "md"]])
def test_startup_commands_do_not_import_spacy(args: list[str]) -> None:
    code = f"import sys; sys.argv = ['cxlint', *{args!r}]\nfrom cxlint.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint('SPACY', 'spacy' in sys.modules, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "SPACY False" in done.stderr
