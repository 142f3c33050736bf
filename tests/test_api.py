"""``cxlint.api``: the same findings as ``check``, as plain data, from a string or a record."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from cxlint.api import Linter, lint_text
from cxlint.errors import FatalError

CREEPY = "Hi Sam, we noticed you looked at the boots 7 times at 3:17 AM."


def test_findings_are_the_dictionaries_check_prints(tmp_path: Path, cxlint) -> None:
    copy = tmp_path / "email.html"
    copy.write_text(f"<p>{CREEPY}</p>\n<p>Guaranteed reply within 1 hour.</p>\n", encoding="utf-8")
    printed = json.loads(cxlint("check", str(copy), "--format", "json", "--isolated").out)["findings"]
    result = Linter().lint(copy.read_text(encoding="utf-8"), name=str(copy))
    assert result.findings == printed


def test_configuration_selects_rules_and_channels(tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("disable: [promise]\n", encoding="utf-8")
    text = CREEPY + " Guaranteed reply within 1 hour."
    assert {f["category"] for f in Linter().lint(text).findings} == {"barista", "promise"}
    assert {f["category"] for f in Linter(root=str(tmp_path)).lint(text).findings} == {"barista"}
    assert {f["category"] for f in Linter(disable=["barista"]).lint(text).findings} == {"promise"}
    assert {f["channel"] for f in Linter().lint(text, channel="sms").findings} == {"sms"}
    with pytest.raises(FatalError, match="unknown channel"):
        Linter().lint(text, channel="fax")


def test_records_carry_their_id_and_channel() -> None:
    linter = Linter()
    results = list(linter.lint_records([{"id": 1, "text": CREEPY, "channel": "Push"}, {"id": 2, "text": "Thanks!"}]))
    assert [r.id for r in results] == ["1", "2"]
    assert results[0].findings and {f["channel"] for f in results[0].findings} == {"push"}
    assert results[1].findings == []
    with pytest.raises(FatalError, match="no string field 'body'"):
        linter.lint_record({"text": CREEPY}, text_field="body")


def test_promise_records_on_request() -> None:
    result = lint_text("Guaranteed reply within 1 hour.", promises=True)
    assert [p["value"] for p in result.promises] == ["1 hour"]
    assert lint_text("Guaranteed reply within 1 hour.").promises == []


def test_a_linter_travels_to_another_process() -> None:
    linter = pickle.loads(pickle.dumps(Linter()))
    assert [f["rule"] for f in linter.lint(CREEPY).findings] == [f["rule"] for f in lint_text(CREEPY).findings]


def test_what_cannot_be_linted_is_a_problem_and_config_skip_strings_apply(tmp_path: Path) -> None:
    broken = Linter().lint('{"text": "unclosed', name="flow.json")
    assert broken.findings == [] and [p["code"] for p in broken.problems] == ["CX000"]
    (tmp_path / ".cxlint.yaml").write_text("skip-strings: [debug]\n", encoding="utf-8")
    flow = json.dumps({"debug": CREEPY, "intro": "Welcome aboard."})
    assert Linter().lint(flow, name="flow.json").findings
    assert Linter(root=str(tmp_path)).lint(flow, name="flow.json").findings == []
