"""Hostile packs, registries and configs are refused with file:line, before they cost time or memory.

Each case is a reproduction from issue 14 (D12a-c): a YAML alias bomb, a regex whose counted
repeats multiply, an unbounded ``reach``. The bombs are real: were they expanded or compiled,
these tests would exhaust the machine's memory instead of passing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.config.discovery import load_config
from cxlint.errors import FatalError
from cxlint.promises.registry import RegistryError, load_registry
from cxlint.rulepack import safe_regex
from cxlint.rulepack.loader import PackSource, compile_ruleset
from cxlint.rulepack.safe_regex import MAX_GROUP_DEPTH, MAX_PATTERN_CHARS, pattern_problem
from cxlint.rulepack.yamlio import MAX_YAML_DEPTH, load_yaml


def alias_chain(indent: str) -> str:
    """Ten levels of ten aliases each: 10**10 strings once expanded, a few hundred bytes as written."""
    lines = [f"{indent}- &a0 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"{indent}- &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_a_rule_pack_is_refused_at_the_first_alias() -> None:
    pack = "lists:\n  lol:\n" + alias_chain("    ") + "rules: []\n"
    with pytest.raises(FatalError, match=r"^bomb-pack\.yaml:4: YAML alias \*a0 refused"):
        compile_ruleset([PackSource("bomb-pack.yaml", pack)])


def test_alias_bomb_in_a_promises_registry_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    path = tmp_path / "bomb-reg.yaml"
    path.write_text("promises:\n  - id: lol\n    kind: claim\n    evidence: https://example.com\n    text:\n" + alias_chain("      "))
    with pytest.raises(RegistryError) as caught:
        load_registry(str(path))
    assert caught.value.problems == [
        f"{path}:7: YAML alias *a0 refused: aliases can multiply a file's size beyond any limit, "
        "so cxlint does not read them; write the value out"
    ]


def test_alias_bomb_in_the_config_is_refused(tmp_path: Path) -> None:
    path = tmp_path / ".cxlint.yaml"
    path.write_text("severity:\n  lol:\n" + alias_chain("    "))
    with pytest.raises(FatalError, match=r"\.cxlint\.yaml:4: YAML alias \*a0 refused"):
        load_config(str(path))


def test_even_a_harmless_alias_is_refused_but_an_anchor_alone_is_fine() -> None:
    assert load_yaml("a: &x [1]\n", "f.yaml") == {"a": [1], "__line__": 1}
    with pytest.raises(FatalError, match=r"^f\.yaml:2: YAML alias \*x refused"):
        load_yaml("a: &x 1\nb: *x\n", "f.yaml")


def test_nesting_deeper_than_the_limit_is_refused_not_a_crash() -> None:
    # libyaml's composer recurses in C: 100,000 brackets would take the interpreter down (SIGSEGV).
    text = "x:\n  " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(FatalError, match=rf"^deep\.yaml:2: YAML nested more than {MAX_YAML_DEPTH} levels deep"):
        load_yaml(text, "deep.yaml")
    assert load_yaml("x: " + "[" * (MAX_YAML_DEPTH - 1) + "]" * (MAX_YAML_DEPTH - 1) + "\n", "ok.yaml")


def test_invalid_yaml_names_the_line() -> None:
    with pytest.raises(FatalError, match=r"^f\.yaml:2: invalid YAML"):
        load_yaml("a: [1\nb: 2\n", "f.yaml")


RX_PACK = """rules:
  - {{id: HR101, name: many-a, category: promise, message: M., rationale: R., suggestion: S., anchors: [aaaa],
     patterns: [{{regex: '{regex}'}}]}}
"""


def test_regex_whose_counted_repeats_multiply_is_refused_before_compiling() -> None:
    # Compiled, this pattern needs tens of GB; refused, it costs a scan of 27 characters.
    with pytest.raises(FatalError, match=r"^rx-pack\.yaml:3: rule HR101: invalid regex: counted repeats would copy .* more than 10,000 times"):
        compile_ruleset([PackSource("rx-pack.yaml", RX_PACK.format(regex="(?:(?:a{1000}){1000}){1000}"))])


def test_a_regex_that_runs_out_of_memory_while_compiling_is_reported_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def out_of_memory(*_: object) -> None:
        raise MemoryError

    monkeypatch.setattr(safe_regex.regex, "compile", out_of_memory)
    with pytest.raises(FatalError, match=r"^rx-pack\.yaml:3: rule HR101: invalid regex: too large to compile \(MemoryError\)$"):
        compile_ruleset([PackSource("rx-pack.yaml", RX_PACK.format(regex="aaaa"))])


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:a{100}){100}",
        r"\d{1,2}:\d{2}(?:\s?[ap]m)?",
        r"\p{L}{3}\x{41}{2}",
        r"[{(]{2}\{9999\}",  # braces and parens inside a class or escaped are literal
        r"(?#((((((((((((((((((((((((((((((((( a comment)x{5}",
        "(" * MAX_GROUP_DEPTH + "a" + ")" * MAX_GROUP_DEPTH,
        "a" * MAX_PATTERN_CHARS,
    ],
)
def test_ordinary_patterns_pass_the_checks(pattern: str) -> None:
    assert pattern_problem(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(?:(?:a{1000}){1000}){1000}", "more than 10,000 times"),
        (r"(?:a{100}){101}", "more than 10,000 times"),
        (r"(?:x|(?:a{1000})){11}", "more than 10,000 times"),
        (r"a{20000}", "more than 10,000 times"),
        (r"(?:a{2,}){5001}", "more than 10,000 times"),
        ("(" * (MAX_GROUP_DEPTH + 1) + "a" + ")" * (MAX_GROUP_DEPTH + 1), f"nested more than {MAX_GROUP_DEPTH} deep"),
        ("a" * (MAX_PATTERN_CHARS + 1), "longer than 4,000 characters"),
    ],
)
def test_hostile_patterns_are_refused_with_a_reason(pattern: str, reason: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None and reason in problem


REACH_PACK = """rules:
  - id: HR101
    name: bonkers
    category: promise
    message: M.
    rationale: R.
    suggestion: S.
    anchors: [bonkers]
    patterns: [{regex: 'bonkers'}]
    reach: REACH
"""


@pytest.mark.parametrize("reach", ["100000000", "-1", "11", "[1, 2]", "1.5", "true"])
def test_reach_must_be_a_small_whole_number(reach: str) -> None:
    with pytest.raises(FatalError, match=r"^reach-pack\.yaml:10: rule HR101: 'reach' must be a whole number from 0 to 10"):
        compile_ruleset([PackSource("reach-pack.yaml", REACH_PACK.replace("REACH", reach))])


def test_reach_within_the_range_loads() -> None:
    ruleset = compile_ruleset([PackSource("reach-pack.yaml", REACH_PACK.replace("REACH", "10"))])
    assert ruleset.by_id()["HR101"].reach == 10


def test_the_cli_refuses_a_bomb_pack_with_exit_2_naming_the_place(cxlint, tmp_path: Path) -> None:
    (tmp_path / "bomb-pack.yaml").write_text("lists:\n  lol:\n" + alias_chain("    ") + "rules: []\n")
    (tmp_path / "creepy.md").write_text("We noticed you viewed the blue sofa 3 times at 11:48 PM.\n")
    run = cxlint("check", "--isolated", "--rules", "bomb-pack.yaml", "creepy.md", cwd=tmp_path)
    assert run.code == 2
    assert "bomb-pack.yaml:4: YAML alias *a0 refused" in run.err
    assert "Traceback" not in run.err + run.out


def test_limits_apply_to_the_pattern_as_written_not_to_the_expanded_word_lists() -> None:
    # The trie of these 40 nested prefixes nests 40 groups deep once <<prefixes>> is put in.
    words = ", ".join("x" * n for n in range(1, 41))
    pack = REACH_PACK.replace("    reach: REACH\n", "").replace("regex: 'bonkers'", "regex: '<<prefixes>>!'")
    ruleset = compile_ruleset([PackSource("trie.yaml", f"lists:\n  prefixes: [{words}]\n" + pack)])
    assert ruleset.by_id()["HR101"].patterns[0].regex.search("xxxxxxxxxx!")


def test_a_lexicon_defined_twice_in_one_pack_is_refused_not_silently_replaced() -> None:
    pack = "pack: house\ncategory: barista\nlexicons:\n  house_gadget: [doorbell]\n  house_verb: [notice]\n  house_gadget: [speaker]\nrules: []\n"
    with pytest.raises(FatalError, match=r"^house\.yaml:6: invalid YAML: 'house_gadget' is defined twice in one mapping \(first on line 4\)"):
        compile_ruleset([PackSource("house.yaml", pack)])


def test_a_key_twice_in_a_config_or_registry_is_refused_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / ".cxlint.yaml"
    config.write_text("fail_on: error\nexclude: [drafts]\nfail_on: never\n", encoding="utf-8")
    with pytest.raises(FatalError, match=r":3: invalid YAML: 'fail_on' is defined twice"):
        load_config(str(config))
    assert load_yaml("a: 1\nb: {a: 2}\n", "ok.yaml")["b"]["a"] == 2  # the same key in two mappings is fine
