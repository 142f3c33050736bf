"""The rule reference in docs/rules.md is generated from the packs and must be up to date."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cxlint.commands.rules import run_rules

ROOT = Path(__file__).resolve().parents[1]


def test_committed_rules_reference_is_up_to_date() -> None:
    out = io.StringIO()
    assert run_rules(out, (), "md") == 0
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == out.getvalue(), "docs/rules.md is stale: run `cxlint rules --format md > docs/rules.md`"


def test_reference_lists_every_rule_including_meta(cxlint) -> None:
    run = cxlint("rules", "--format", "md")
    assert run.code == 0
    for rule_id in ("CX001", "CX002", "CX003", "CX101", "CX201"):
        assert f"## {rule_id}\n" in run.out


def test_ci_guide_shows_sarif_upload_and_annotations() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "upload-sarif" in text and "--format github" in text and "security-events: write" in text


def test_meta_rules_are_listed_and_explained(cxlint) -> None:
    assert "CX001  unused-suppression" in cxlint("rules").out
    run = cxlint("rule", "cx002")
    assert run.code == 0 and run.out.startswith("CX002 suppression-without-reason (meta, warning; pack meta)")


def test_every_emitted_rule_is_in_the_table(cxlint) -> None:
    """Rules raised by code (suppressions, the promise audit) are declared in packs like the rest."""
    listed = cxlint("rules").out
    for rule_id in ("CX001", "CX002", "CX003", "CX250", "CX251", "CX252", "CX253", "CX254"):
        assert f"{rule_id}  " in listed
        assert cxlint("rule", rule_id).code == 0
    assert cxlint("rule", "promise-unbacked").out.startswith("CX252 promise-unbacked (promise, warning; pack registry)")


@pytest.mark.parametrize("query", ["precise-time", "PRECISE-TIME", "precise_time", "precise time", "cx102", "CX102"])
def test_a_rule_is_explained_by_its_id_or_its_name(cxlint, query: str) -> None:
    run = cxlint("rule", query)
    assert run.code == 0 and run.out.startswith("CX102 precise-time (barista")


def test_an_unknown_rule_name_gets_the_closest_name(cxlint) -> None:
    run = cxlint("rule", "precise-tme")
    assert run.code == 2
    assert "unknown rule 'precise-tme'; did you mean 'precise-time' (CX102)?" in run.err
    far = cxlint("rule", "qqqq")
    assert far.code == 2 and "`cxlint rules` lists them" in far.err
