"""Shared fixtures: the built-in rule set is compiled once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.rulepack.model import RuleSet
from cxlint.testing import default_ruleset

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return default_ruleset()
