"""The browser tests skip where a developer has no Chromium, and fail on CI, where they must run."""

from __future__ import annotations

import pytest

from tests import browser_support


def test_missing_browser_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(browser_support, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(pytest.skip.Exception, match="/nonexistent/chromium is missing"):
        with browser_support.chromium():
            pass


def test_missing_browser_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(browser_support, "CHROMEDRIVER", "/nonexistent/chromedriver")
    with pytest.raises(pytest.fail.Exception, match="must run on CI: /nonexistent/chromedriver is missing"):
        with browser_support.chromium():
            pass
