"""The rule reference in docs/rules.md is generated from the packs and must be up to date."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cxlint.commands.rules import run_rules

ROOT = Path(__file__).resolve().parents[1]


def test_committed_rules_reference_is_up_to_date() -> None:
    out = io.StringIO()
    assert run_rules(out, (), "md") == 0
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == out.getvalue(), "docs/rules.md is stale: run `cxlint rules --format md > docs/rules.md`"


def test_reference_lists_every_rule_including_meta(cxlint) -> None:
    run = cxlint("rules", "--format", "md")
    assert run.code == 0
    for rule_id in ("CX001", "CX002", "CX003", "CX101", "CX201"):
        assert f"## {rule_id}\n" in run.out


def test_ci_guide_shows_sarif_upload_and_annotations() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "upload-sarif" in text and "--format github" in text and "security-events: write" in text


def test_meta_rules_are_listed_and_explained(cxlint) -> None:
    assert "CX001  unused-suppression" in cxlint("rules").out
    run = cxlint("rule", "cx002")
    assert run.code == 0 and run.out.startswith("CX002 suppression-without-reason (meta, warning; pack meta)")


def test_every_emitted_rule_is_in_the_table(cxlint) -> None:
    """Rules raised by code (suppressions, the promise audit) are declared in packs like the rest."""
    listed = cxlint("rules").out
    for rule_id in ("CX001", "CX002", "CX003", "CX250", "CX251", "CX252", "CX253", "CX254"):
        assert f"{rule_id}  " in listed
        assert cxlint("rule", rule_id).code == 0
    assert cxlint("rule", "promise-unbacked").out.startswith("CX252 promise-unbacked (promise, warning; pack registry)")


@pytest.mark.parametrize("query", ["precise-time", "PRECISE-TIME", "precise_time", "precise time", "cx102", "CX102"])
def test_a_rule_is_explained_by_its_id_or_its_name(cxlint, query: str) -> None:
    run = cxlint("rule", query)
    assert run.code == 0 and run.out.startswith("CX102 precise-time (barista")


def test_an_unknown_rule_name_gets_the_closest_name(cxlint) -> None:
    run = cxlint("rule", "precise-tme")
    assert run.code == 2
    assert "unknown rule 'precise-tme'; did you mean 'precise-time' (CX102)?" in run.err
    far = cxlint("rule", "qqqq")
    assert far.code == 2 and "`cxlint rules` lists them" in far.err


# --- every file a doc points at is shipped ------------------------------------------------------

DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "corpora").glob("README.md")])
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CAPS_DOC = re.compile(r"(?<![\w/.-])([A-Z][A-Z0-9_-]+\.md)\b")
_PATH = re.compile(r"(?<![\w/.~$-])((?:\.\./)*\.?[\w-]+(?:\.[\w-]+)*(?:/[\w.*-]+)*/?)")
COMMAND_BLOCKS = ("", "sh", "shell", "bash", "console", "text")
"""Fenced blocks whose paths are the repository's (commands); YAML and TOML examples name the reader's files."""


def _repo_dirs() -> set[str]:
    return {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in (".git",)}


def _prose_and_commands(text: str) -> str:
    """The doc without its config examples: prose, inline code and command blocks."""
    return _FENCE.sub(lambda m: m.group(2) if m.group(1) in COMMAND_BLOCKS else "", text)


def _exists(base: Path, target: str) -> bool:
    target = target.split("#", 1)[0].rstrip("/")
    if not target:
        return True
    if any(ch in target for ch in "*?"):
        return any(base.glob(target)) or any(ROOT.glob(target))
    return (base / target).exists()


def _missing_references(doc: Path) -> list[str]:
    """Relative links, paths under the repository's folders and CAPS.md names that the repository does not ship."""
    text = _prose_and_commands(doc.read_text(encoding="utf-8"))
    missing = []
    for target in _LINK.findall(text):
        if re.match(r"[a-z][a-z+.-]*:", target) or target.startswith("#"):
            continue  # a URL or an anchor
        if not _exists(doc.parent, target):
            missing.append(f"link {target}")
    dirs = _repo_dirs()
    for token in _PATH.findall(text):
        if token.startswith("../"):
            missing.append(f"{token} (outside the repository)")
        elif "/" in token and token.split("/")[0] in dirs and not _exists(ROOT, token):
            missing.append(token)
    for name in _CAPS_DOC.findall(text):
        if not (ROOT / name).exists() and not (doc.parent / name).exists():
            missing.append(name)
    return missing


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_docs_point_only_at_files_the_repository_ships(doc: Path) -> None:
    assert _missing_references(doc) == []


def test_the_reference_check_catches_a_missing_file(tmp_path: Path) -> None:
    doc = tmp_path / "guide.md"
    doc.write_text(
        "See [the design](DESIGN-NOTES.md), the contract in DESIGN.md, `rules/nope.yaml`, and\n"
        "`../shared/eval/x.py`; `promises.yaml` is the reader's own file.\n"
        "```yaml\npacks: [rules/house.yaml]\n```\n```sh\ncxlint check examples/nothing-here/\n```\n"
    )
    assert _missing_references(doc) == [
        "link DESIGN-NOTES.md",
        "rules/nope.yaml",
        "../shared/eval/x.py (outside the repository)",
        "examples/nothing-here/",
        "DESIGN-NOTES.md",
        "DESIGN.md",
    ]


# --- every install and pin the docs show works today --------------------------------------------

_INSTALL = re.compile(r"pip install ([^\n`]+)")
FROM_THE_REPOSITORY = ('.', '-e ".[test]"', '".[dask]"', '"git+REPO-URL@COMMIT-SHA"')
"""A clone, the clone with its test or dask extras, or the repository at a commit: cxlint is not on the package index."""


def _commands(doc: Path) -> str:
    """Fenced command blocks and workflow steps, where a reader copies from."""
    text = doc.read_text(encoding="utf-8")
    return "\n".join(body for lang, body in _FENCE.findall(text) if lang in (*COMMAND_BLOCKS, "yaml"))


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_every_install_command_installs_from_the_repository(doc: Path) -> None:
    text = _commands(doc) + "\n" + "\n".join(re.findall(r"`([^`\n]*pip install[^`\n]*)`", doc.read_text(encoding="utf-8")))
    for found in _INSTALL.findall(text):
        argument = found.split("&&")[0].split("#")[0].strip()
        if argument == "cxlint":  # named only to say it is another project
            assert "unrelated project" in doc.read_text(encoding="utf-8") or "different project" in doc.read_text(encoding="utf-8")
            continue
        assert argument in FROM_THE_REPOSITORY, f"{doc.name}: pip install {argument}"


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_pre_commit_is_pinned_by_a_full_commit_sha(doc: Path) -> None:
    """No tags are published: a ``rev:`` is a full SHA, or the placeholder autoupdate replaces with one."""
    for rev in re.findall(r"^\s*rev:\s*(\S+)", _commands(doc), re.MULTILINE):
        assert rev == "COMMIT-SHA" or re.fullmatch(r"[0-9a-f]{40}", rev), rev
