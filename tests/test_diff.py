"""``--diff REF``: only findings on lines changed since the merge base with REF (and in untracked files)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import CREEPY

MORE = "\nWe noticed you opened our email three times.\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _repo(project: Path) -> None:
    _git(project, "init", "-q", "-b", "main")
    _git(project, "config", "user.email", "t@example.com")
    _git(project, "config", "user.name", "T")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "base")


def test_only_changed_lines_are_reported(cxlint, project: Path) -> None:
    _repo(project)
    (project / "emails" / "creepy.md").write_text(CREEPY + MORE)
    out = json.loads(cxlint("check", "--format", "json", "--diff", "main", "emails", cwd=project).out)
    assert {f["line"] for f in out["findings"]} == {5} and "CX101" in {f["rule"] for f in out["findings"]}
    assert cxlint("check", "--diff", "HEAD", "emails/clean.md", cwd=project).code == 0


def test_untracked_files_count_as_changed_and_committed_branch_work_counts(cxlint, project: Path) -> None:
    _repo(project)
    _git(project, "checkout", "-q", "-b", "feature")
    (project / "emails" / "new.md").write_text(CREEPY)
    paths = {f["path"] for f in json.loads(cxlint("check", "--format", "json", "--diff", "main", "emails", cwd=project).out)["findings"]}
    assert paths == {"emails/new.md"}
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "feature")
    findings = json.loads(cxlint("check", "--format", "json", "--diff", "main", "emails", cwd=project).out)["findings"]
    assert {f["path"] for f in findings} == {"emails/new.md"}


def test_bad_ref_exits_2(cxlint, project: Path) -> None:
    _repo(project)
    run = cxlint("check", "--diff", "no-such-ref", "emails", cwd=project)
    assert run.code == 2 and "--diff" in run.err
