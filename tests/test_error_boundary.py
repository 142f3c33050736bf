"""The per-file error boundary: a failure in any stage of one file costs that file alone, serial or in workers."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

import cxlint.runner as runner
from cxlint.runner import lint_paths
from cxlint.testing import default_ruleset
from tests.test_readers_support import ruleset

CREEPY = "We noticed you viewed the blue sofa 3 times at 11:48 PM.\n"
POISON = "poison"


class Boom(RuntimeError):
    pass


def _files(tmp_path: Path, count: int = 3) -> list[Path]:
    """``count`` creepy files, the second of which holds the poison word the injected failure looks for."""
    paths = []
    for n in range(count):
        path = tmp_path / f"f{n:03}.md"
        path.write_text(CREEPY + (f"A {POISON} line.\n" if n == 1 else ""), encoding="utf-8")
        paths.append(path)
    return paths


def _poisoned(fn):
    """``fn``, except that it raises Boom on a document or text holding the poison word."""

    def wrapper(*args, **kwargs):
        for arg in args:
            text = getattr(arg, "source", arg)
            if isinstance(text, str) and POISON in text:
                raise Boom("injected failure")
        return fn(*args, **kwargs)

    return wrapper


def _check(result, poisoned: Path, others: list[Path], stage: str) -> None:
    assert [p.path for p in result.problems] == [str(poisoned)]
    message = result.problems[0].message
    assert message.startswith(f"internal error in {stage}: Boom: injected failure"), message
    assert result.problems[0].code == "CX000"
    for other in others:
        assert {f.rule for f in result.findings if f.path == str(other)} >= {"CX101", "CX102", "CX104"}
    assert not [f for f in result.findings if f.path == str(poisoned)]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("stage", ["reading", "masking", "rules"])
def test_a_failing_stage_costs_its_file_alone(tmp_path: Path, monkeypatch, jobs: int, stage: str) -> None:
    if stage == "reading":
        real = runner.reader_for
        monkeypatch.setattr(runner, "reader_for", lambda path: _poisoned(real(path)))
    elif stage == "masking":
        import cxlint.readers.structured as structured

        monkeypatch.setattr(structured, "blank_strings", _poisoned(structured.blank_strings))
    else:
        monkeypatch.setattr(runner, "lint_document", _poisoned(runner.lint_document))
    paths = _files(tmp_path)
    result = lint_paths([str(p) for p in paths], ruleset(), jobs=jobs, skip_strings=("zzz-unused",))
    _check(result, paths[1], [paths[0], paths[2]], stage)


def test_a_failing_promise_check_costs_its_file_alone(tmp_path: Path) -> None:
    class BrokenCheck:
        assessments: list = []  # the promises a check gathers (the runner hands them back from workers)

        def apply(self, doc, run, place=None):  # the run's findings, its promise targets, where to place them
            if POISON in doc.source:
                raise Boom("injected failure")
            return run.findings

    paths = _files(tmp_path)
    result = lint_paths([str(p) for p in paths], ruleset(), promise_check=BrokenCheck())  # type: ignore[arg-type]
    _check(result, paths[1], [paths[0], paths[2]], "promise check")


def test_a_failing_nlp_stage_costs_its_file_alone(tmp_path: Path, monkeypatch) -> None:
    """A user pack's token pattern sends the file through spaCy; spaCy breaking there is this file's error."""
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: house\ncategory: promise\nrules:\n  - id: HR001\n    name: poison-claim\n"
        f"    message: m\n    rationale: r\n    suggestion: s\n    anchors: [{POISON}]\n"
        f"    patterns:\n      - tokens: [{{LOWER: {POISON}}}]\n",
        encoding="utf-8",
    )
    import cxlint.engine.nlp_stage as nlp_stage

    def broken_nlp():
        raise Boom("injected failure")

    monkeypatch.setattr(nlp_stage, "get_nlp", broken_nlp)
    paths = _files(tmp_path)
    result = lint_paths([str(p) for p in paths], default_ruleset(str(pack)))
    _check(result, paths[1], [paths[0], paths[2]], "NLP")


def test_one_broken_part_of_an_email_keeps_the_other_parts(tmp_path: Path, monkeypatch) -> None:
    """An encoded part is linted as a document of its own; when it breaks, the message's other findings stay."""
    eml = tmp_path / "offer.eml"
    eml.write_text(
        "From: a@example.com\nSubject: Hello\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b"\n\n'
        f"--b\nContent-Type: text/plain; charset=utf-8\n\n{CREEPY}\n"
        "--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.b64encode(f"<p>A {POISON} part.</p>".encode()).decode()
        + "\n--b--\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(runner, "lint_document", _poisoned_doc(runner.lint_document))
    result = lint_paths([str(eml)], ruleset())
    assert len(result.problems) == 1 and "internal error in rules" in result.problems[0].message
    assert {"CX101", "CX102", "CX104"} <= {f.rule for f in result.findings}


def _poisoned_doc(fn):
    def wrapper(doc, *args, **kwargs):
        if POISON in doc.mask:
            raise Boom("injected failure")
        return fn(doc, *args, **kwargs)

    return wrapper


def test_internal_error_exits_2_and_names_the_file_in_every_format(cxlint, tmp_path: Path, monkeypatch) -> None:
    _files(tmp_path)
    monkeypatch.setattr(runner, "lint_document", _poisoned_doc(runner.lint_document))
    for fmt in ("text", "json", "sarif", "junit", "github", "gitlab", "rdjson", "json-lines", "full"):
        run = cxlint("check", "--format", fmt, ".", cwd=tmp_path)
        assert run.code == 2, fmt
        assert "f001.md" in run.out and "internal error in rules" in run.out and "CX000" in run.out, fmt
        assert "f000.md" in run.out and "CX101" in run.out, fmt


def test_the_audit_has_the_same_boundary(cxlint, tmp_path: Path, monkeypatch) -> None:
    import cxlint.runner as runner  # the audit is check's run: the same boundary holds it

    (tmp_path / "a.md").write_text("Replies within 24 hours, guaranteed.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"A {POISON} page. Replies within 1 hour, guaranteed.\n", encoding="utf-8")
    monkeypatch.setattr(runner, "lint_document", _poisoned_doc(runner.lint_document))
    run = cxlint("audit", "--format", "json", ".", cwd=tmp_path)
    assert run.code == 2
    import json

    report = json.loads(run.out)
    assert [(e["path"], e["code"]) for e in report["errors"]] == [("./b.md", "CX000")]
    assert "internal error in rules: Boom" in report["errors"][0]["message"]
    assert "a.md" in run.out
