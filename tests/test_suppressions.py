"""Inline suppressions in Markdown/HTML and in #-comment formats, and the meta findings they raise."""

from __future__ import annotations

import json
from pathlib import Path

from cxlint.decision.directives import parse_directives
from cxlint.commands.check import rule_infos
from cxlint.decision.suppress import apply_suppressions
from cxlint.findings import Finding
from cxlint.positions import LineIndex
from cxlint.report import RuleInfo
from cxlint.testing import default_ruleset

LINE = "We noticed you were browsing socks at 2:14am last night."


def _rules(cxlint, cwd: Path, *paths: str) -> list[tuple[str, int]]:
    out = json.loads(cxlint("check", "--format", "json", *paths, cwd=cwd).out)
    return [(f["rule"], f["line"]) for f in out["findings"]]


def test_disable_block_until_enable(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        f"<!-- cxlint-disable CX101 -- security notice -->\n{LINE}\n<!-- cxlint-enable -->\n\n{LINE}\n"
    )
    assert _rules(cxlint, tmp_path, "a.md") == [("CX102", 2), ("CX101", 5), ("CX102", 5)]


def test_disable_without_rules_silences_all(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"<!-- cxlint-disable -- quoted customer letter -->\n{LINE}\n")
    assert _rules(cxlint, tmp_path, "a.md") == []


def test_next_line_and_file_level(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"<!-- cxlint-disable-next-line CX101, CX102 -- reviewed -->\n{LINE}\n\n{LINE}\n")
    assert _rules(cxlint, tmp_path, "a.md") == [("CX101", 4), ("CX102", 4)]
    (tmp_path / "b.md").write_text(f"{LINE}\n\n<!-- cxlint-disable-file barista -- fixture of bad copy -->\n")
    assert _rules(cxlint, tmp_path, "b.md") == []


def test_unused_suppression_is_cx001_at_the_comment(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Plain copy.\n\n<!-- cxlint-disable-next-line CX101 -- old -->\nNothing here.\n")
    out = json.loads(cxlint("check", "--format", "json", "a.md", cwd=tmp_path).out)
    [finding] = out["findings"]
    assert (finding["rule"], finding["category"], finding["line"], finding["column"]) == ("CX001", "meta", 3, 1)
    assert finding["text"] == "<!-- cxlint-disable-next-line CX101 -- old -->"
    assert cxlint("check", "a.md", cwd=tmp_path).code == 1


def test_partly_used_suppression_reports_the_unused_code(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("<!-- cxlint-disable-next-line CX101, CX205 -- reviewed -->\nWe noticed you left.\n")
    out = json.loads(cxlint("check", "--format", "json", "a.md", cwd=tmp_path).out)
    assert [(f["rule"], f["message"]) for f in out["findings"]] == [("CX001", "Unused suppression of CX205: it silences nothing here.")]


def test_reason_is_required_by_default_and_configurable(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"<!-- cxlint-disable-next-line CX101 CX102 -->\n{LINE}\n")
    assert _rules(cxlint, tmp_path, "a.md") == [("CX002", 1)]
    (tmp_path / ".cxlint.yaml").write_text("require-reason: false\n")
    assert _rules(cxlint, tmp_path, "a.md") == []


def test_unknown_rule_in_suppression_is_cx003(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"<!-- cxlint-disable-next-line CX1O1 -- typo -->\n{LINE}\n")
    assert _rules(cxlint, tmp_path, "a.md") == [("CX003", 1), ("CX101", 2), ("CX102", 2)]


def test_meta_rules_can_be_disabled(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("<!-- cxlint-disable-next-line CX101 -->\nNothing.\n")
    (tmp_path / ".cxlint.yaml").write_text("disable: [meta]\n")
    assert _rules(cxlint, tmp_path, "a.md") == []


def test_suppression_of_a_disabled_rule_is_not_reported_unused(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("<!-- cxlint-disable-next-line CX101 -- ok -->\nNothing.\n")
    (tmp_path / ".cxlint.yaml").write_text("disable: [CX101]\n")
    assert _rules(cxlint, tmp_path, "a.md") == []


# The #-comment syntax (YAML, PO, Fluent) is exercised on the decision step directly, so it does
# not depend on which readers exist.
INFOS = {k: v for k, v in rule_infos(default_ruleset()).items() if v.category == "meta"} | {
    "CX101": RuleInfo("CX101", "observer-behaviour", "barista", "warning", "m", pack="barista")
}


def _finding(source: str, needle: str, rule: str = "CX101", after: int = 0) -> Finding:
    start = source.index(needle, after)
    index = LineIndex(source)
    line, column = index.position(start)
    end_line, end_column = index.position(start + len(needle))
    return Finding("f.yaml", start, start + len(needle), line, column, end_line, end_column, rule, "n", "barista", "warning", "m", needle, "s")


def _apply(path: str, source: str, findings: list[Finding], require_reason: bool = True):
    return apply_suppressions(path, path, source, findings, INFOS, lambda _r: True, require_reason)


def test_hash_syntax_trailing_comment_covers_its_line() -> None:
    source = 'intro: "We noticed you left"  # cxlint: ignore[CX101] -- win-back, approved\nnext: "We noticed you"\n'
    findings = [_finding(source, "We noticed you left"), _finding(source, "We noticed you", after=source.index("next:"))]
    outcome = _apply("flows/win.yaml", source, findings)
    assert [f.line for f in outcome.kept] == [2] and outcome.suppressed == 1 and outcome.meta == []


def test_hash_syntax_own_line_comment_covers_next_copy_line() -> None:
    source = "# cxlint: ignore[barista] -- security notice\n# another comment\nmsg: We noticed you\n"
    outcome = _apply("x.yml", source, [_finding(source, "We noticed you")])
    assert outcome.kept == [] and outcome.meta == []


def test_hash_syntax_in_po_and_ftl_and_file_level() -> None:
    po = '#. cxlint: ignore-file -- legacy catalogue\nmsgid "a"\nmsgstr "We noticed you"\n'
    assert _apply("fr.po", po, [_finding(po, "We noticed you")]).kept == []
    ftl = "# cxlint: ignore[CX101]\nwelcome = We noticed you\n"
    outcome = _apply("en.ftl", ftl, [_finding(ftl, "We noticed you")])
    assert outcome.kept == [] and [m.rule for m in outcome.meta] == ["CX002"]


def test_hash_syntax_unused_and_html_syntax_ignored_in_yaml() -> None:
    source = "a: hello  # cxlint: ignore[CX101] -- stale\nb: <!-- cxlint-disable -->\n"
    outcome = _apply("x.yaml", source, [])
    assert [(m.rule, m.line, m.column) for m in outcome.meta] == [("CX001", 1, 11)]
    assert [d.kind for d in parse_directives("x.yaml", source)] == ["ignore"]
    assert parse_directives("x.md", "# cxlint: ignore[CX101] -- heading, not a comment\n") == []


def test_an_unused_suppression_carries_its_removal_in_json_and_sarif(cxlint, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Plain copy.\n\n<!-- cxlint-disable-next-line CX101 -- old -->\nNothing here.\n")
    [finding] = json.loads(cxlint("check", "--format", "json", "a.md", cwd=tmp_path).out)["findings"]
    assert finding["replacement"] == ""
    [result] = json.loads(cxlint("check", "--format", "sarif", "a.md", cwd=tmp_path).out)["runs"][0]["results"]
    [fix] = result["fixes"]
    assert fix["description"]["text"] == "Remove '<!-- cxlint-disable-next-line CX101 -- old -->'"
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}
    (tmp_path / "a.md").write_text("<!-- cxlint-disable-next-line CX101, CX205 -- reviewed -->\nWe noticed you left.\n")
    [finding] = json.loads(cxlint("check", "--format", "json", "a.md", cwd=tmp_path).out)["findings"]
    assert "replacement" not in finding  # CX101 is used: the comment stays
