"""The pre-commit hook, for real: install it from this checkout into a scratch repo and commit.

pre-commit builds the hook's virtualenv by pip-installing this project (and spaCy) from the
package index, so this takes a minute or two. It runs in the default test command; select or
skip it with ``-m precommit`` / ``-m "not precommit"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import CLEAN, CREEPY

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.precommit


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


def _snapshot_checkout(dest: Path) -> str:
    """Commit the checkout's current files (tracked and new, as ``pre-commit try-repo`` does) into ``dest``."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "snapshot", "--no-verify")
    return _git(dest, "rev-parse", "HEAD").stdout.strip()


def test_hook_definition_is_valid() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [hook] = hooks
    assert hook["id"] == "cxlint" and hook["entry"] == "cxlint check" and hook["language"] == "python"
    assert hook["files"]


CANDIDATE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".mjml", ".yaml", ".yml", ".json", ".po", ".pot", ".ftl", ".py", ".cfg")


def test_hook_files_are_exactly_the_formats_cxlint_reads() -> None:
    """pre-commit names files explicitly, and a named file cxlint cannot read is exit 2: keep the two in step."""
    from cxlint.readers import READERS

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    for suffix in sorted(set(CANDIDATE_SUFFIXES) | set(READERS)):
        assert bool(re.search(hook["files"], f"copy/file{suffix}")) == (suffix in READERS), suffix


def test_hook_refuses_a_creepy_commit_and_passes_a_clean_one(tmp_path: Path) -> None:
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    rev = _snapshot_checkout(hook_repo)
    work = tmp_path / "copy"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "writer@example.com")
    _git(work, "config", "user.name", "Writer")
    (work / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "cxlint"}]}]})
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=work, env=env, check=True, capture_output=True)
    subprocess.run([*pre_commit, "install-hooks"], cwd=work, env=env, check=True, capture_output=True, timeout=900)

    (work / "welcome.md").write_text(CREEPY)
    _git(work, "add", "welcome.md", ".pre-commit-config.yaml")
    refused = subprocess.run(["git", "commit", "-m", "creepy"], cwd=work, env=env, capture_output=True, text=True)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert "welcome.md:3:1: CX101" in refused.stdout + refused.stderr
    assert _git(work, "rev-parse", "--verify", "HEAD", check=False).returncode != 0  # nothing was committed

    (work / "welcome.md").write_text(CLEAN)
    # a tool's configuration in a format cxlint reads is not copy: the hook does not pass it
    (work / "package.json").write_text('{"name": "shop", "description": "We noticed you at 3:17 AM last night."}\n')
    _git(work, "add", "welcome.md", "package.json")
    passed = subprocess.run(["git", "commit", "-m", "clean"], cwd=work, env=env, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"cxlint\.+Passed", passed.stdout + passed.stderr)


def test_the_documented_config_is_pinned_to_a_full_sha_by_autoupdate(tmp_path: Path) -> None:
    """docs/ci.md's block, with REPO-URL filled in, becomes a pin on the newest commit's full SHA."""
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    rev = _snapshot_checkout(hook_repo)
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL) if "pre-commit-config" in b]
    work = tmp_path / "copy"
    work.mkdir()
    _git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(block.replace("REPO-URL", str(hook_repo)))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    update = subprocess.run([sys.executable, "-m", "pre_commit", "autoupdate", "--freeze", "--repo", str(hook_repo)],
                            cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert update.returncode == 0, update.stdout + update.stderr
    [repo] = yaml.safe_load((work / ".pre-commit-config.yaml").read_text())["repos"]
    assert repo["rev"] == rev and re.fullmatch(r"[0-9a-f]{40}", rev)
    assert [h["id"] for h in repo["hooks"]] == ["cxlint"]
