"""A headless Chromium for the review page's browser tests: Debian's chromium and chromium-driver,
driven by selenium, never a downloaded browser. Where they are missing the test is skipped with
the reason, except on CI (``CI=true``), where the browser test must run and so fails."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
)


def unavailable(reason: str) -> None:
    """Skip where a developer lacks the browser; fail on CI, where the browser test has to run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser test must run on CI: {reason}")
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[Any]:
    """A fresh headless Chromium (its own empty profile), quit on exit."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[test]')")
    for program in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(program) and os.access(program, os.X_OK)):
            unavailable(f"{program} is missing (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="cxlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
