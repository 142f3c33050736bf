"""Shared fixtures and helpers: the built-in rule set compiled once per session, and the real CLI
entry point run in-process with its exit code and output captured."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from cxlint.rulepack.model import RuleSet
from cxlint.testing import default_ruleset

REPO = Path(__file__).resolve().parent.parent

os.environ["CXLINT_NO_CACHE"] = "1"  # tests compile the packs they test; test_pack_cache turns the cache on

# Hypothesis profiles: "ci" keeps property tests quick; CXLINT_FUZZ=long runs the fuzzing profile.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile("long" if os.environ.get("CXLINT_FUZZ") == "long" else "ci")


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return default_ruleset()


CREEPY = "Hi Sam,\n\nWe noticed you were browsing socks at 2:14am last night.\n"
CLEAN = "Hi Sam,\n\nOur new socks are in. Take a look when you have a moment.\n"

USER_PACK = """\
pack: house
category: pressure
rules:
  - id: CX901
    name: act-now
    severity: warning
    message: Pushes the reader to act at once.
    rationale: Urgency that is not real pressures the reader.
    suggestion: Say when the offer ends instead.
    replacement: Offer ends Friday
    anchors: [act now]
    patterns:
      - regex: '\\bact now\\b'
    examples:
      bad:
        - "Great deals! [[Act now]]."
      good:
        - "Offer ends Friday."
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cxlint(capsys, monkeypatch):
    """Call ``cxlint ARGS`` through ``cxlint.cli.main`` (the real error boundary), in ``cwd``."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("CI", "1")

    def run(*args: str, cwd: Path | None = None) -> Run:
        from cxlint.cli import main

        old = os.getcwd()
        monkeypatch.setattr(sys, "argv", ["cxlint", *args])
        if cwd is not None:
            os.chdir(cwd)
        try:
            with pytest.raises(SystemExit) as exc:
                main()
        finally:
            os.chdir(old)
        captured = capsys.readouterr()
        return Run(int(exc.value.code or 0), captured.out, captured.err)

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one creepy and one clean Markdown file."""
    (tmp_path / "emails").mkdir()
    (tmp_path / "emails" / "creepy.md").write_text(CREEPY, encoding="utf-8")
    (tmp_path / "emails" / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
