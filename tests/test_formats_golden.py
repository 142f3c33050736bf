"""Every output format, byte for byte: a real run over a small project and a hand-built run with
hostile names and copy are compared with reports kept in ``tests/data/golden``.

The reports are streamed (findings reach the formatter file by file), so a change in how a
format is written shows here first. After an intended change to a format, regenerate with
``CXLINT_REGOLDEN=1 python3 -m pytest tests/test_formats_golden.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from cxlint import __version__
from cxlint.findings import FileProblem, Finding
from cxlint.formatters import FORMATTERS, render
from cxlint.report import RuleInfo, RunResult
from tests.conftest import USER_PACK, as_excerpts

GOLDEN = Path(__file__).parent / "data" / "golden"
REGOLDEN = bool(os.environ.get("CXLINT_REGOLDEN"))
VERSION_MARK = "<cxlint version>"

FILES = {
    "a-welcome.md": "Hi Sam,\n\nWe noticed you were browsing socks at 2:14am last night.\n\nÇà va — act now.\n",
    "b-clean.md": "Hi Sam,\n\nOur new socks are in. Take a look when you have a moment.\n",
    "c-suppressed.md": (
        "<!-- cxlint-disable-next-line CX101 -- legal reviewed -->\n"
        "We noticed you opened our email three times.\n\n"
        "We saw you viewed the blue sofa 3 times at 11:48 PM.\n"
    ),
    "e-promo.html": "<html><body><p>Only 2 left! Offer ends in 10 minutes. Act now.</p></body></html>\n",
    "zsub/f-chat.yaml": "responses:\n  utter_hello:\n    - text: We noticed you looked at the walnut desk 4 times at 11:52 PM.\n",
}


def compare(name: str, output: str) -> None:
    output = output.replace(f'"version": "{__version__}"', f'"version": "{VERSION_MARK}"')
    path = GOLDEN / name
    if REGOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.encode("utf-8"))
    assert output == path.read_bytes().decode("utf-8"), name


@pytest.fixture
def golden_project(tmp_path: Path, cxlint) -> Path:
    """The project of FILES, a broken file, a house pack, and a baseline (one stale entry) written first."""
    for name, text in FILES.items():
        (tmp_path / "emails" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "emails" / name).write_text(text, encoding="utf-8")
    (tmp_path / "emails" / "d-broken.md").write_bytes(b"caf\xe9\n")
    (tmp_path / "house.yaml").write_text(USER_PACK, encoding="utf-8")
    run = cxlint("check", "--rules", "house.yaml", "--write-baseline", "base.json", "emails/c-suppressed.md", cwd=tmp_path)
    assert run.code == 0, run.err
    baseline = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    baseline["entries"].append({"path": "emails/gone.md", "rule": "CX101", "fingerprint": "0" * 20, "count": 1, "text": "We noticed"})
    (tmp_path / "base.json").write_text(json.dumps(baseline, indent=2), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_a_real_run_reports_byte_for_byte_as_kept(cxlint, golden_project: Path, fmt: str) -> None:
    run = cxlint("check", "--format", fmt, "--rules", "house.yaml", "--baseline", "base.json", "emails", cwd=golden_project)
    assert run.code == 2  # the broken file
    compare(f"project.{fmt}", run.out)


def test_a_written_baseline_is_byte_for_byte_as_kept(cxlint, golden_project: Path) -> None:
    run = cxlint("check", "--rules", "house.yaml", "--write-baseline", "all.json", "emails", cwd=golden_project)
    assert run.code == 2 and "wrote" in run.err
    compare("project-baseline.json", (golden_project / "all.json").read_text(encoding="utf-8"))


def _finding(path: str, start: int, line: int, rule: str = "CX101", **fields: object) -> Finding:
    values: dict[str, object] = {
        "name": "observer-behaviour",
        "category": "barista",
        "severity": "warning",
        "message": "Tells the reader you watched what they did.",
        "text": "We noticed you",
        "suggestion": "Drop the observer phrase.",
        "score": 0.875,
        "signals": ("observer",),
        **fields,
    }
    return Finding(path=path, start=start, end=start + 14, line=line, column=3, end_line=line, end_column=17, rule=rule, **values)  # type: ignore[arg-type]


HOSTILE = os.fsdecode(b"site/caf\xff\n::error x,y.md")
SOURCES = {
    "site/a.md": "Hi.\n\u00c7a we noticed you \u2028 there\n",
    HOSTILE: "Hi.\nxx\ud83d noticed you\x07 act now\n",
    "site/clean.md": "Hello.\n",
    "site/b\\c.md": "One.\nTwo act now.\n",
}


def hostile_run() -> RunResult:
    """Findings grouped by file in walk order, as a run hands them over; odd names, copy and messages."""
    return RunResult(
        findings=[
            _finding("site/a.md", 6, 2),
            _finding("site/a.md", 9, 2, "CX102", name="precise-time", severity="error", text="at 2:14\u2028am", channel="email"),
            _finding(HOSTILE, 5, 2, "HR900", category="pressure", severity="info", message="Act\x1b[31m now\r\n", text="act now", suggestion=""),
            _finding(HOSTILE, 5, 2, "HR900", category="pressure", severity="info", message="Act\x1b[31m now\r\n", text="act now", suggestion=""),
            _finding("site/b\\c.md", 9, 2, "CX003", name="unknown-selector", category="barista", text="CX1\x01", extra=(("kind", "claim"),)),
        ],
        problems=[FileProblem("site/broken\t.md", "invalid UTF-8 at byte 3 (invalid start byte)", 1), FileProblem("site/pipe.md", "not a regular file (named pipe)")],
        files=4,
        **as_excerpts(SOURCES),
        rules={
            "CX101": RuleInfo(id="CX101", name="observer-behaviour", category="barista", severity="warning", message="Observer.", rationale="Creepy.", suggestion="Say less."),
            "HR900": RuleInfo(id="HR900", name="act-now", category="pressure", severity="info", message="Act <now> & \"then\"", replacement="Offer ends Friday"),
        },
        suppressed=2,
        baselined=1,
        stale=[{"path": "site/gone\x07.md", "rule": "CX101", "fingerprint": "f" * 20, "count": 1, "text": "We noticed\n", "unmatched": 1}],
    )


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_a_hostile_run_reports_byte_for_byte_as_kept(fmt: str) -> None:
    out = io.StringIO()
    render(fmt, hostile_run(), out)
    compare(f"hostile.{fmt}", out.getvalue())


@pytest.mark.parametrize("fmt", list(FORMATTERS))
def test_an_empty_run_reports_byte_for_byte_as_kept(fmt: str) -> None:
    out = io.StringIO()
    render(fmt, RunResult(), out)
    compare(f"empty.{fmt}", out.getvalue())
