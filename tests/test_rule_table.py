"""One rule table: every rule cxlint can emit is in a pack, selectable, and silent when disabled."""

from __future__ import annotations

import json
from pathlib import Path

CREEPY = "We noticed you browsed socks at 3:17 AM.\n"


def _findings(cxlint, *args: str) -> list[dict]:
    run = cxlint("check", "--format", "json", "--isolated", *args)
    assert run.code in (0, 1), run.out + run.err
    return json.loads(run.out)["findings"]


def test_disabling_promise_silences_the_registry_rules(cxlint, tmp_path: Path, fixtures: Path) -> None:
    copy = tmp_path / "landing.md"
    copy.write_text("We reply to every email within 5 minutes.\n", encoding="utf-8")
    registry = str(fixtures / "promises" / "harbor.yaml")
    ruled = {f["rule"] for f in _findings(cxlint, "--promises", registry, "--today", "2026-11-23", str(copy))}
    assert ruled & {"CX250", "CX252"}, ruled
    assert _findings(cxlint, "--promises", registry, "--today", "2026-11-23", "--disable", "promise", str(copy)) == []
    left = _findings(cxlint, "--promises", registry, "--today", "2026-11-23", "--disable", "CX250", "--disable", "CX252", str(copy))
    assert not {f["rule"] for f in left} & {"CX250", "CX252"}


def test_a_suppression_of_a_registry_rule_is_valid(cxlint, tmp_path: Path) -> None:
    copy = tmp_path / "landing.md"
    copy.write_text("<!-- cxlint-disable-next-line CX250 -- checked with support -->\nHello there.\n", encoding="utf-8")
    rules = {f["rule"] for f in _findings(cxlint, str(copy))}
    assert "CX003" not in rules


def test_a_disabled_rule_adds_no_signal_to_others(cxlint, tmp_path: Path) -> None:
    copy = tmp_path / "email.txt"
    copy.write_text(CREEPY, encoding="utf-8")
    time = next(f for f in _findings(cxlint, str(copy)) if f["rule"] == "CX102")
    assert "observer" in time["signals"]
    alone = next(f for f in _findings(cxlint, "--disable", "CX101", str(copy)) if f["rule"] == "CX102")
    assert "observer" not in alone["signals"]
    assert alone["score"] < time["score"]


def test_a_pack_with_a_misspelt_name_exits_2_naming_file_and_line(cxlint, tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\ncategory: barsita\nrules:\n  - id: HS101\n    name: n\n    message: m\n    rationale: r\n"
        "    suggestion: s\n    frames:\n      - a: {lexicon: observer_verbz}\n",
        encoding="utf-8",
    )
    copy = tmp_path / "copy.txt"
    copy.write_text("Hello.\n", encoding="utf-8")
    run = cxlint("check", "--rules", str(pack), str(copy))
    assert run.code == 2
    assert "house.yaml:" in run.err and ("observer_verbz" in run.err or "barsita" in run.err)
