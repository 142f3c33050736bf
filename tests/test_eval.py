"""`cxlint eval`: per-category precision, recall and F1 on labelled cases."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cxlint.commands.evaluate import run_eval
from cxlint.errors import FatalError
from cxlint.evaluation.cases import load_cases


def write_cases(path: Path, cases: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    return path


def case(cid: str, text: str, barista: bool = False, promise: bool = False, registry: str | None = None) -> dict[str, object]:
    return {"id": cid, "channel": "email", "text": text, "barista": barista, "promise": promise, "pressure": False,
            "difficulty": "easy", "why": "test", "registry": registry}


def test_eval_scores_each_category_and_lists_mistakes(tmp_path: Path) -> None:
    cases = write_cases(tmp_path / "cases.jsonl", [
        case("a", "We noticed you browsed sofas at 2:13 AM.", barista=True),
        case("b", "Thanks for your order.", barista=True),          # a miss
        case("c", "We reply within 1 hour, guaranteed.", promise=True),
        case("d", "Our shop is on the high street."),
    ])
    out = io.StringIO()
    assert run_eval(str(cases), out, verbose=True, min_severity="warning") == 0
    text = out.getvalue()
    barista = next(line for line in text.splitlines() if line.startswith("barista"))
    precision, recall = barista.split()[1:3]
    assert (precision, recall) == ("1.000", "0.500")
    assert "[barista] missed: b" in text


def test_registry_cases_are_scored_against_their_registry(tmp_path: Path) -> None:
    (tmp_path / "reg.yaml").write_text(
        'promises:\n  - id: reply\n    kind: response-time\n    value: "24 hours"\n    evidence: "SLA v1"\n',
        encoding="utf-8",
    )
    cases = write_cases(tmp_path / "cases.jsonl", [
        case("backed", "We reply within 48 hours.", promise=False, registry="reg.yaml"),
        case("over", "We reply within 1 hour.", promise=True, registry="reg.yaml"),
    ])
    out = io.StringIO()
    run_eval(str(cases), out, verbose=True, min_severity="warning")
    text = out.getvalue()
    assert "[promise] missed" not in text and "[promise] false alarm" not in text
    assert load_cases(str(cases))[0].registry == (tmp_path / "reg.yaml").resolve()


def test_missing_registry_is_a_fatal_error_naming_it(tmp_path: Path) -> None:
    cases = write_cases(tmp_path / "cases.jsonl", [case("r", "Free gift wrap.", registry="nope.yaml")])
    with pytest.raises(FatalError, match="nope.yaml"):
        run_eval(str(cases), io.StringIO(), verbose=False, min_severity="warning")


def test_malformed_case_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(case("a", "x")) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(FatalError, match="bad.jsonl:2"):
        load_cases(str(path))
