"""The editor server's linting and quick fixes in-process: the same engine, config and decisions as ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.lsp import linting
from cxlint.lsp.actions import disable_edit, replacement_edit
from cxlint.lsp.linting import BufferLinter, Linted, LintFailure
from cxlint.lsp.project import Project

pytest.importorskip("lsprotocol")

COPY = "We noticed you browsed socks."
PROJECT = Project()
"""One engine for the module, as the server keeps one: the rule set is compiled once."""


def _lint(folder: Path, name: str, text: str, language: str | None = None) -> Linted:
    outcome = BufferLinter(PROJECT).lint((folder / name).as_uri(), text, 1, language)
    assert isinstance(outcome, Linted), outcome
    return outcome


def _apply(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _codes(linted: Linted) -> list[str]:
    return [str(d.code) for d in linted.diagnostics]


def test_an_exception_in_the_engine_is_a_failure_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(linting, "lint_document_text", broken)
    outcome = BufferLinter(PROJECT).lint((tmp_path / "a.md").as_uri(), COPY)
    assert isinstance(outcome, LintFailure)
    assert "RuntimeError: boom" in outcome.message and "a.md" in outcome.message
    assert not outcome.config_error


def test_a_broken_config_is_a_failure_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("severity: {CX101: loud}\n")
    outcome = BufferLinter(PROJECT).lint((tmp_path / "a.md").as_uri(), COPY)
    assert isinstance(outcome, LintFailure) and outcome.config_error
    assert ".cxlint.yaml" in outcome.message


def test_formats_cxlint_does_not_read_get_no_diagnostics(tmp_path: Path) -> None:
    assert _lint(tmp_path, "logo.svgz", COPY).diagnostics == []
    assert _codes(_lint(tmp_path, "notes", COPY, "plaintext")) == ["CX101"]


def test_a_buffer_over_the_size_limit_is_reported_not_linted(tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("max-file-size: 1KB\n")
    linted = _lint(tmp_path, "a.md", COPY + "\n" + "x" * 2000)
    assert _codes(linted) == ["CX000"]
    assert "too large" in linted.diagnostics[0].message


def test_the_disable_comment_offered_silences_the_finding_in_markdown_and_yaml(tmp_path: Path) -> None:
    for name, text in (("a.md", f"Intro\n\n{COPY}  \nNext line.\n"), ("bot.yaml", f"intro:\n  text: \"{COPY}\"\n")):
        linted = _lint(tmp_path, name, text)
        [(_, finding)] = linted.findings
        edit = disable_edit(finding, text, name, True, linted.positions)
        assert edit is not None, name
        edited = _apply(text, edit.start, edit.end, edit.new_text)
        assert _codes(_lint(tmp_path, name, edited)) == ["CX002"], edited  # silenced; the reason is still to write
        if name == "a.md":
            assert edited.endswith(f"{COPY} <!-- cxlint-disable-line CX101 -- -->  \nNext line.\n")  # the hard break stays
        without_reason = disable_edit(finding, text, name, False, linted.positions)
        assert without_reason is not None and "--" not in without_reason.new_text.replace("<!--", "").replace("-->", "")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bot.yaml", f"intro: |\n  {COPY}\n"),  # a # in a block scalar would be copy
        ("bot.yaml", f"intro: {COPY[:10]}\n  {COPY[10:]}\n"),  # a plain scalar over two lines
        ("a.md", f"---\ntitle: {COPY}\n---\nBody.\n"),  # front matter is YAML
        ("a.html", f'<img src="a.png" alt="{COPY}"\n  width="4">\n'),  # the line ends inside a tag
        ("strings.json", f'{{"a": "{COPY}"}}'),  # JSON has no comments
        ("messages.po", f'msgid "a"\nmsgstr "{COPY}"\n'),  # a # after the string is not PO
    ],
)
def test_no_disable_comment_where_it_would_change_the_file(tmp_path: Path, name: str, text: str) -> None:
    linted = _lint(tmp_path, name, text)
    assert linted.findings, "the case must have a finding to silence"
    for _, finding in linted.findings:
        assert disable_edit(finding, text, name, True, linted.positions) is None


def test_an_unused_suppression_carries_its_removal_and_removing_it_leaves_nothing(tmp_path: Path) -> None:
    text = "Plain copy.\n\n<!-- cxlint-disable-next-line CX101 -- old -->\nNothing here.\n"
    linted = _lint(tmp_path, "a.md", text)
    [(_, finding)] = linted.findings
    assert (finding.rule, finding.replacement) == ("CX001", "")
    edit = replacement_edit(finding, None)
    assert edit is not None and edit.preferred
    assert _lint(tmp_path, "a.md", _apply(text, edit.start, edit.end, edit.new_text)).findings == []


def test_a_partly_used_suppression_is_not_removed(tmp_path: Path) -> None:
    text = "<!-- cxlint-disable-next-line CX101, CX205 -- reviewed -->\nWe noticed you left.\n"
    [(_, finding)] = _lint(tmp_path, "a.md", text).findings
    assert finding.rule == "CX001" and finding.replacement is None
    assert replacement_edit(finding, None) is None


def test_a_buffer_read_by_its_language_takes_that_formats_suppressions(tmp_path: Path) -> None:
    text = f"intro: \"{COPY}\"  # cxlint: ignore[CX101] -- a reviewed example\n"
    assert _lint(tmp_path, "Untitled-1", text, "yaml").diagnostics == []
    assert _codes(_lint(tmp_path, "Untitled-1", f"intro: \"{COPY}\"\n", "yaml")) == ["CX101"]
