"""``--diff REF``: only findings on lines changed since the merge base with REF (and in untracked files)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from cxlint.decision.gitdiff import WHOLE_FILE, changed_lines, parse_patch, patch_name
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


NOTICED = "We noticed you opened our email three times.\n"
ODD_NAMES = [
    "my file ünï.md",  # git octal-quotes non-ASCII bytes
    "two words.md",  # git ends a name holding a space with a TAB
    'say "hi".md',
    "back\\slash.md",
    "tab\there.md",
    "new\nline.md",
    "bell\a.md",
    "emoji 😀.md",
    os.fsdecode(b"caf\xff.md"),  # not UTF-8 at all
    "plain.md",
]


def _commit_all(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", message)


def _init(repo: Path) -> None:
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "T")


def test_changed_lines_sees_files_whatever_their_names(tmp_path: Path) -> None:
    _init(tmp_path)
    for name in ODD_NAMES:
        (tmp_path / name).write_text("Hello.\n", encoding="utf-8")
    _commit_all(tmp_path, "base")
    for name in ODD_NAMES:
        (tmp_path / name).write_text("Hello.\n" + NOTICED, encoding="utf-8")
        (tmp_path / f"untracked {name}").write_text(NOTICED, encoding="utf-8")
    changed = changed_lines("main", str(tmp_path))
    top = os.path.realpath(tmp_path)
    assert {os.path.relpath(path, top): lines for path, lines in changed.items()} == {
        **{name: frozenset({2}) for name in ODD_NAMES},
        **{f"untracked {name}": WHOLE_FILE for name in ODD_NAMES},
    }


def test_reproduction_d14_quoted_paths_and_an_unchanged_rename(cxlint, tmp_path: Path) -> None:
    _init(tmp_path)
    names = ["my file ünï.md", "two words.md", 'say "hi".md', "plain.md"]
    for name in names:
        (tmp_path / name).write_text("Welcome to the shop.\n", encoding="utf-8")
    (tmp_path / "old.md").write_text("Welcome back.\n\n" + NOTICED, encoding="utf-8")
    _commit_all(tmp_path, "base")
    _git(tmp_path, "tag", "base")
    _git(tmp_path, "mv", "old.md", "renamed.md")
    for name in names:
        (tmp_path / name).write_text("Welcome to the shop.\n" + NOTICED, encoding="utf-8")
    _commit_all(tmp_path, "change")
    run = cxlint("check", "--format", "json", "--diff", "base", ".", cwd=tmp_path)
    found = {(f["path"], f["line"]) for f in json.loads(run.out)["findings"]}
    assert found == {(f"./{name}", 2) for name in names}
    assert run.code == 1


def test_a_renamed_and_edited_file_reports_only_its_edited_lines(cxlint, tmp_path: Path) -> None:
    _init(tmp_path)
    (tmp_path / "old.md").write_text("Welcome back.\n\n" + NOTICED + "\nThanks for reading our news.\n", encoding="utf-8")
    _commit_all(tmp_path, "base")
    _git(tmp_path, "mv", "old.md", "new.md")
    with (tmp_path / "new.md").open("a", encoding="utf-8") as handle:
        handle.write("\n" + NOTICED)
    findings = json.loads(cxlint("check", "--format", "json", "--diff", "main", ".", cwd=tmp_path).out)["findings"]
    assert {(f["path"], f["line"]) for f in findings} == {("./new.md", 7)}


def test_user_diff_settings_do_not_change_what_is_read(cxlint, tmp_path: Path) -> None:
    _init(tmp_path)
    (tmp_path / "a b.md").write_text("Hello.\n", encoding="utf-8")
    _commit_all(tmp_path, "base")
    for key, value in [("diff.noprefix", "true"), ("diff.mnemonicPrefix", "true"), ("core.quotePath", "false"),
                       ("diff.renames", "false"), ("color.diff", "always"), ("diff.relative", "true")]:
        _git(tmp_path, "config", key, value)
    (tmp_path / "a b.md").write_text("Hello.\n" + NOTICED, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    findings = json.loads(cxlint("check", "--format", "json", "--diff", "main", "..", cwd=tmp_path / "sub").out)["findings"]
    assert {(f["path"], f["line"]) for f in findings} == {("../a b.md", 2)}


def test_a_utf16_file_is_diffed_by_line_not_called_binary(cxlint, tmp_path: Path) -> None:
    _init(tmp_path)
    (tmp_path / "letter.md").write_bytes("Hello.\n".encode("utf-16"))
    _commit_all(tmp_path, "base")
    (tmp_path / "letter.md").write_bytes(("Hello.\n\n" + NOTICED).encode("utf-16"))
    findings = json.loads(cxlint("check", "--format", "json", "--diff", "main", ".", cwd=tmp_path).out)["findings"]
    assert {(f["path"], f["line"]) for f in findings} == {("./letter.md", 3)}


@pytest.mark.parametrize(
    ("field", "name"),
    [
        (b"b/plain.md", b"b/plain.md"),
        (b"b/two words.md\t", b"b/two words.md"),
        (b'"b/my file \\303\\274n\\303\\257.md"\t', "b/my file ünï.md".encode()),
        (b'"b/say \\"hi\\" \\\\ \\t\\n\\a.md"', b'b/say "hi" \\ \t\n\a.md'),
        (b'"b/raw \xc3\xbc.md"', "b/raw ü.md".encode()),  # core.quotePath=false: bytes as they are
        (b"/dev/null", b"/dev/null"),
    ],
)
def test_patch_names_are_unquoted_as_git_quotes_them(field: bytes, name: bytes) -> None:
    assert patch_name(field) == name


def test_an_added_line_that_looks_like_a_header_is_not_one() -> None:
    patch = (
        b"diff --git a/x.md b/x.md\nindex 1..2 100644\n--- a/x.md\n+++ b/x.md\n@@ -1,0 +2,2 @@ Hi\n"
        b"++++ b/other.md\n+@@ -1 +40 @@\n"
    )
    assert parse_patch(patch) == [(b"x.md", frozenset({2, 3}))]
