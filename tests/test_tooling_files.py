"""A tool's configuration (package.json, lockfiles, .pre-commit-config.yaml, CI settings) is not copy:
cxlint skips it named or walked, and the pre-commit hook does not pass it."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from cxlint.readers import READERS
from cxlint.tooling import is_tooling_file, tooling_patterns
from cxlint.walk import iter_files

ROOT = Path(__file__).resolve().parents[1]
CREEPY_JSON = {"name": "shop", "description": "We noticed you clicked on socks at 3:17 AM last Tuesday."}
COPY_PATHS = (
    "locales/en.json",
    "config/locales/en.yml",
    "data/domain.yml",
    "emails/welcome.md",
    "app/src/main/res/values/strings.xml",
    "i18n/messages.properties",
    "docs/compose-guide.md",
    "copy/package-notes.md",
    "mypackage.json",
    "workflows/onboarding.yml",
)


def _samples() -> list[str]:
    """A real-looking path for every pattern of the shipped list, at the top and one folder down."""
    samples = []
    for pattern in tooling_patterns():
        sample = pattern.replace("**", "sub/file.xml").replace("*", "app")
        samples += [sample, f"web/{sample}"]
    return samples


SAMPLES = _samples()


@pytest.mark.parametrize("path", SAMPLES)
def test_every_listed_tool_file_is_recognised(path: str) -> None:
    assert is_tooling_file(path)


@pytest.mark.parametrize("path", COPY_PATHS)
def test_copy_is_not_taken_for_tool_configuration(path: str) -> None:
    assert not is_tooling_file(path)


def _hook() -> dict:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return hook


def _passed_by_hook(path: str) -> bool:
    """What pre-commit does with the hook's ``files`` and ``exclude`` (both searched in the path)."""
    hook = _hook()
    return bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)


@pytest.mark.parametrize("path", SAMPLES)
def test_the_hook_passes_no_listed_tool_file(path: str) -> None:
    assert not _passed_by_hook(path)


@pytest.mark.parametrize("path", COPY_PATHS)
def test_the_hook_passes_copy_in_every_format_cxlint_reads(path: str) -> None:
    assert _passed_by_hook(path)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_the_hook_excludes_nothing_cxlint_would_lint(suffix: str) -> None:
    """The hook's exclude and the shipped list agree both ways: whatever the hook keeps out, cxlint skips."""
    hook = _hook()
    for folder in ("", "web/", ".github/workflows/", ".vscode/", ".idea/"):
        for stem in ("messages", "package", "tsconfig.app", "docker-compose.prod", ".eslintrc", "config", "devcontainer"):
            path = f"{folder}{stem}{suffix}"
            if re.search(hook["exclude"], path):
                assert is_tooling_file(path), path


def test_named_tool_files_are_skipped_with_a_notice_and_no_finding(cxlint, tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps(CREEPY_JSON))
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []  # We noticed you clicked on socks at 3:17 AM\n")
    (tmp_path / "tsconfig.app.json").write_text(json.dumps(CREEPY_JSON))
    (tmp_path / "welcome.md").write_text("Thanks for your order. We'll email you when it ships.\n")
    run = cxlint("check", "--isolated", "--format", "json", "package.json", ".pre-commit-config.yaml",
                 "tsconfig.app.json", "welcome.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    report = json.loads(run.out)
    assert report["findings"] == [] and report["summary"]["files"] == 1 and not report.get("errors")
    assert "cxlint: notice: package.json: a tool's configuration, not copy; skipped" in run.err


def test_a_folder_walk_skips_tool_files_and_lints_the_copy_beside_them(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "package.json").write_text(json.dumps(CREEPY_JSON))
    (tmp_path / "web" / "package-lock.json").write_text("{}")
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "en.json").write_text(json.dumps(CREEPY_JSON))
    notices: list[str] = []
    found = list(iter_files([str(tmp_path)], problems=[], notice=notices.append))
    assert found == [str(tmp_path / "locales" / "en.json")]
    assert notices == []  # a walk passes over them quietly, as over any file that is not copy


def test_the_tool_file_list_ships_in_the_wheel_data() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "data/*.txt" in pyproject["tool"]["setuptools"]["package-data"]["cxlint"]
    assert (ROOT / "cxlint" / "data" / "tooling-files.txt").is_file()


def test_an_excluded_tool_file_is_passed_over_without_a_notice(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text("{}")
    notices: list[str] = []
    found = list(iter_files([str(tmp_path / "package.json")], excluded=lambda p: True, problems=[], notice=notices.append))
    assert found == [] and notices == []
