"""Bounded work: a broken user rule costs that rule alone; merging, splitting and size limits stay linear and reported."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cxlint.channels import infer_channel_from_text
from cxlint.engine.linter import _one_per_span
from cxlint.engine.nlp_stage import MAX_TOKEN_RUN, _tokenizable
from cxlint.findings import SEVERITY_RANK, Finding
from cxlint.runner import lint_paths
from cxlint.text.sentences import MAX_SENTENCE, split_sentences
from tests.test_readers_support import ruleset

CREEPY = "We noticed you viewed the green lamp 5 times at 2:14 AM.\n"
SLOW_PACK = """\
rules:
  - {id: HR102, name: many-a, category: promise, message: M., rationale: R., suggestion: S.,
     anchors: ["re:aaaa"], patterns: [{regex: "(?:a|a)+$"}]}
"""


def test_a_user_regex_that_times_out_costs_that_rule_alone(cxlint, tmp_path: Path) -> None:
    (tmp_path / "slow.md").write_text(CREEPY + "\nOur code is " + "a" * 40 + "!\n", encoding="utf-8")
    (tmp_path / "creepy.md").write_text(CREEPY, encoding="utf-8")
    (tmp_path / "slow-pack.yaml").write_text(SLOW_PACK, encoding="utf-8")
    run = cxlint("check", "--rules", "slow-pack.yaml", "slow.md", "creepy.md", cwd=tmp_path)
    assert run.code == 2
    assert "slow.md: error: CX000 rule error: slow-pack.yaml:3: rule HR102: regex took longer than" in run.out
    for name in ("slow.md", "creepy.md"):  # the file whose rule broke keeps its other findings
        for rule in ("CX101", "CX104", "CX102"):
            assert re.search(rf"^{name}:1:\d+: {rule} ", run.out, re.M), (name, rule)
    assert run.out.count("rule error") == 1  # reported once, not once per sentence


def _finding(start: int, end: int, category: str, severity: str) -> Finding:
    return Finding(
        path="a.md", start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1, rule="CX250",
        name="n", category=category, severity=severity, message="m", text="t", suggestion="s",
    )


def _one_per_span_reference(findings: list[Finding]) -> list[Finding]:
    """The rule as first written (each finding against every kept one): the specification of the linear pass."""
    kept: list[Finding] = []
    for finding in findings:
        clash = next(
            (k for k in kept if k.category == finding.category == "promise" and finding.start <= k.end + 1 and k.start <= finding.end + 1),
            None,
        )
        if clash is None:
            kept.append(finding)
        elif (SEVERITY_RANK[finding.severity], finding.end - finding.start) > (SEVERITY_RANK[clash.severity], clash.end - clash.start):
            kept[kept.index(clash)] = finding
    return kept


_spans = st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(["promise", "barista"]), st.sampled_from(["info", "warning", "error"]))


@given(st.lists(_spans, max_size=30))
def test_merging_touching_promises_in_one_pass_keeps_what_the_quadratic_rule_kept(specs) -> None:
    findings = sorted((_finding(s, s + n, c, v) for s, n, c, v in specs), key=lambda f: (f.start, f.end, f.rule))
    findings = [replace(f, rule=f"CX{n}") for n, f in enumerate(findings)]  # tell equal spans apart
    assert _one_per_span(findings) == _one_per_span_reference(findings)


_TEXT = st.lists(st.sampled_from(list("ab .!?\n\t,A-") + ["\n\n", "...", " e.g. ", "\u2029"]), max_size=120).map("".join)


@given(_TEXT)
def test_sentences_stay_inside_the_text_in_order_and_trimmed(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert end - start <= MAX_SENTENCE
        last = end


def test_text_without_sentence_ends_is_cut_into_bounded_pieces() -> None:
    text = "word " * 3000
    spans = split_sentences(text)
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()  # no word lost or split


def test_soft_wraps_and_blank_lines_split_as_before() -> None:
    text = "We noticed you\nbrowsed socks.\nNew line here\n\n\n\nAfter blanks.  Next one! and on"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "We noticed you\nbrowsed socks.", "New line here", "After blanks.", "Next one! and on",
    ]


def test_long_runs_are_blanked_before_spacy_keeping_offsets() -> None:
    text = "We noticed you viewed it " + "[" * 20_000 + " at 2:14 AM"
    out = _tokenizable(text)
    assert len(out) == len(text) and "[" not in out
    assert out.startswith("We noticed you viewed it ") and out.endswith(" at 2:14 AM")
    short = "x" * MAX_TOKEN_RUN
    assert _tokenizable(f"a {short} b") == f"a {short} b"


def test_channel_hints_on_many_blank_lines_still_find_a_bot_domain() -> None:
    assert infer_channel_from_text("\n" * 65_536) is None
    assert infer_channel_from_text("\n" * 1000 + "  responses:\n    utter_greet: hi\n") == "chatbot"
    assert infer_channel_from_text("<!doctype html><html><body><nav>Home</nav></body></html>") == "landing"
    assert infer_channel_from_text("<html " * 5000) is None


def test_a_file_over_the_size_cap_is_reported_and_the_others_linted(cxlint, tmp_path: Path) -> None:
    (tmp_path / "big.md").write_text("Hello there. " * 1000, encoding="utf-8")
    (tmp_path / "creepy.md").write_text(CREEPY, encoding="utf-8")
    run = cxlint("check", "--max-file-size", "4KB", "big.md", "creepy.md", cwd=tmp_path)
    assert run.code == 2
    assert "big.md: error: CX000 file too large (13 KiB, over the 4 KiB limit); skipped" in run.out
    assert "creepy.md:1:1: CX101" in run.out
    assert cxlint("check", "--max-file-size", "lots", "creepy.md", cwd=tmp_path).code == 2


def test_hostile_shapes_of_text_lint_to_the_same_findings(tmp_path: Path) -> None:
    """Blank-line floods, bracket runs and dense promises beside a creepy sentence: its findings survive."""
    cases = {
        "blank.md": "\n" * 20_000 + CREEPY,
        "brackets.md": CREEPY.rstrip("\n") + " " + "[" * 5000 + "\n",
        "claims.md": "Guaranteed, unlimited, 24/7 support, risk-free, 100% uptime.\n\n" * 200 + CREEPY,
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = lint_paths([str(tmp_path / n) for n in cases], ruleset())
    assert not result.problems
    for name in cases:
        assert {"CX101", "CX102", "CX104"} <= {f.rule for f in result.findings if f.path.endswith(name)}, name


def test_the_size_cap_can_be_set_in_the_config(cxlint, tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("max-file-size: 4KB\n", encoding="utf-8")
    (tmp_path / "big.md").write_text("Hello there. " * 1000, encoding="utf-8")
    run = cxlint("check", "big.md", cwd=tmp_path)
    assert run.code == 2 and "big.md: error: CX000 file too large (13 KiB, over the 4 KiB limit); skipped" in run.out
    (tmp_path / ".cxlint.yaml").write_text("max-file-size: huge\n", encoding="utf-8")
    run = cxlint("check", "big.md", cwd=tmp_path)
    assert run.code == 2 and ".cxlint.yaml:1:" in run.err and "max-file-size" in run.err


def test_stray_openers_in_html_are_spared_the_parser_and_the_copy_is_still_read(tmp_path: Path) -> None:
    """``<`` with no ``>`` after it (or ``<!--`` with no ``-->``, ``<![`` with no ``]>``) made the stdlib
    parser retry from every opener: quadratic. They are blanked for the parser; positions stay."""
    from cxlint.readers.html import _without_dead_openers

    text = "<p>Hi.</p><!-- a > " + "<html " * 3 + "<![CDATA[ x"
    out = _without_dead_openers(text)
    assert len(out) == len(text)
    assert out == "<p>Hi.</p> !-- a > " + " html " * 3 + " ![CDATA[ x"
    assert _without_dead_openers("<p>a</p><!-- b -->") == "<p>a</p><!-- b -->"
    page = tmp_path / "page.html"
    page.write_text("<p>" + CREEPY.strip() + "</p>\n" + "<html " * 3000 + "<!-- " * 3000, encoding="utf-8")
    result = lint_paths([str(page)], ruleset())
    assert not result.problems
    assert {"CX101", "CX102", "CX104"} <= {f.rule for f in result.findings}


def test_unclosed_select_expressions_cost_one_pass(tmp_path: Path) -> None:
    """Fluent and ICU selects whose braces never close were each scanned to the end of the file."""
    from cxlint.text.placeholders import _brace_pairs

    assert _brace_pairs("}{a{b}c}{") == {3: 5, 1: 7}
    ftl = tmp_path / "app.ftl"
    ftl.write_text("a = { $n ->\n" * 3000 + "promo = We noticed you viewed the green lamp 5 times at 2:14 AM.\n", encoding="utf-8")
    result = lint_paths([str(ftl)], ruleset())
    assert not result.problems
