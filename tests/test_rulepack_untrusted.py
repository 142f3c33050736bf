"""Packs from a repository are untrusted: their regexes are time-limited, built-in packs keep ``re``."""

from __future__ import annotations

import re
import time
from pathlib import Path

from cxlint.rulepack.loader import builtin_sources, load_ruleset, source_from_path
from cxlint.rulepack.safe_regex import TimedPattern

EVIL = USER = """\
pack: evil
category: pressure
rules:
  - id: CX990
    name: evil
    message: m
    rationale: r
    suggestion: s
    anchors: ['re:a{4}']
    patterns:
      - regex: '(a|aa)+$'
"""


def test_user_pack_regexes_are_timed_and_builtins_are_stdlib(tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_text(EVIL)
    ruleset = load_ruleset(builtin_sources() + [source_from_path(str(tmp_path / "evil.yaml"))])
    by_id = ruleset.by_id()
    assert isinstance(by_id["CX990"].patterns[0].regex.compiled, TimedPattern)
    assert isinstance(ruleset.shapes["money"].regex.compiled, re.Pattern)


def test_catastrophic_user_regex_is_a_rule_error_not_a_hang(cxlint, tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_text(EVIL)
    (tmp_path / "a.md").write_text("a" * 40 + "!\n")
    (tmp_path / "b.md").write_text("We noticed you were browsing socks at 2:14am.\n")
    began = time.monotonic()
    run = cxlint("check", "--rules", "evil.yaml", "a.md", "b.md", cwd=tmp_path)
    assert time.monotonic() - began < 20
    assert run.code == 2
    assert "a.md: error: CX000 rule error: evil.yaml:" in run.out and "CX990" in run.out and "longer than" in run.out
    assert "b.md:1:1: CX101" in run.out  # the other files are still linted


def test_invalid_user_regex_names_file_and_line(cxlint, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(EVIL.replace("'(a|aa)+$'", "'(unclosed'"))
    (tmp_path / "a.md").write_text("hello\n")
    run = cxlint("check", "--rules", "bad.yaml", "a.md", cwd=tmp_path)
    assert run.code == 2 and "bad.yaml:11: rule CX990: invalid regex" in run.err
