"""Rule packs are validated as they load; errors name the file and line."""

from __future__ import annotations

import pytest

from cxlint.errors import FatalError
from cxlint.rulepack.loader import PackSource, builtin_sources, load_ruleset

RULE = """rules:
  - id: {id}
    name: test-rule
    category: promise
    message: m
    rationale: r
    suggestion: s
    anchors: [deal]
    patterns:
      - regex: '{regex}'
"""


def load(text: str) -> None:
    load_ruleset(builtin_sources() + [PackSource("user.yaml", text)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RULE.format(id="CX901", regex="(deal"), "user.yaml:10: rule CX901: invalid regex"),
        (RULE.format(id="CX101", regex="deal"), "duplicate rule id CX101"),
        (RULE.format(id="bad", regex="deal"), "id must look like CX101"),
        (RULE.format(id="CX901", regex="<<no_such_list>>"), "unknown list <<no_such_list>>"),
        (RULE.format(id="CX901", regex="deal").replace("    message: m\n", ""), "'message' is required"),
        (RULE.format(id="CX901", regex="deal").replace("name:", "nmae:"), "unknown key"),
        ("rules: [\n", "user.yaml:2: invalid YAML"),
        ("- just a list\n", "must be a mapping"),
        ("!!python/object:os.system {}\n", "invalid YAML"),
    ],
)
def test_bad_packs_are_fatal_errors_naming_the_place(text: str, expected: str) -> None:
    with pytest.raises(FatalError, match=expected.replace("(", r"\(").replace("?", r"\?")):
        load(text)


def test_built_in_packs_load_with_every_category() -> None:
    ruleset = load_ruleset(builtin_sources())
    assert {"barista", "promise", "pressure"} <= {rule.category for rule in ruleset.rules}
    assert {"barista", "promise", "pressure", "context", "meta", "registry"} <= set(ruleset.packs)


HOUSE = """rules:
  - id: HR101
    name: bonkers
    category: promise
    message: Says bonkers.
    rationale: House style.
    suggestion: Say remarkable.
    anchors: [bonkers]
    patterns:
      - regex: '\\bbonkers\\b'
"""


def load_house(extra: str) -> None:
    """The house pack with ``extra`` appended (lines 11 on); only the user's pack, so it loads fast."""
    from cxlint.rulepack.loader import compile_ruleset

    compile_ruleset([PackSource("house.yaml", HOUSE + extra)])


def test_the_house_pack_loads() -> None:
    load_house("")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [  # issue 14, D13: each key of the wrong type is reported at its own line, with the expected type
        ("    reach: [1, 2]\n", "house.yaml:11: rule HR101: 'reach' must be a whole number from 0 to 10"),
        ("    cancel: 5\n", "house.yaml:11: rule HR101: 'cancel' must be a list of strings"),
        ("    examples: [a, b]\n", "house.yaml:11: rule HR101: 'examples' must be a mapping"),
        ("    requires: observer\n", "house.yaml:11: rule HR101: 'requires' must be a list of strings"),
        ("    channels: email\n", "house.yaml:11: rule HR101: 'channels' must be a list of strings"),
        ("    channels: [emial]\n", "house.yaml:11: rule HR101: unknown channel 'emial' (did you mean 'email'?)"),
        ("    severity: [warning]\n", "house.yaml:11: rule HR101: 'severity' must be a string"),
        ("    category: [promise]\n", "house.yaml:11: invalid YAML: 'category' is defined twice in one mapping (first on line 4)"),
        ("    soften: [yes]\n", "house.yaml:11: rule HR101: 'soften' must be a list of strings (YAML reads on, off, yes and no"),
        ("pack: [house]\n", "house.yaml:11: 'pack' must be a string"),
        ("signals: [observer, precise-time]\n", "house.yaml:11: 'signals' must be a mapping"),
        ("evidence: {tracking: abc}\n", "house.yaml:11: evidence 'tracking' needs 'frames'"),
        ("modifiers: [{category: [NEGATED], phrases: [nope]}]\n", "house.yaml:11: modifier ?: 'category' must be a string"),
        ("modifiers: [{category: NOPE, phrases: [nope], max_scope: 1000}]\n", "house.yaml:11: modifier nope: 'max_scope' must be a whole number from 0 to 200"),
        ("scoring:\n  signals: {x: 1}\n  error_at: 1e9\n", "house.yaml:13: scoring: 'error_at' must be a number from 0 to 1000"),
        ("lists:\n  words: [[a]]\n", "house.yaml:12: list 'words' must be a list of words"),
        ("    frames:\n      - a: {lexicon: reader, within: 99}\n", "house.yaml:12: rule HR101: slot 'a': 'within' must be a whole number from 0 to 50"),
        ("    examples: {bad: [[a]]}\n", "house.yaml:11: rule HR101: a bad example must be a string or a mapping with 'text'"),
    ],
)
def test_wrong_types_name_the_key_line_and_the_expected_type(extra: str, expected: str) -> None:
    with pytest.raises(FatalError) as caught:
        load_house(extra)
    assert str(caught.value).startswith(expected)


def test_rules_written_as_a_mapping_are_refused_at_their_line() -> None:
    from cxlint.rulepack.loader import compile_ruleset

    with pytest.raises(FatalError, match=r"^p\.yaml:2: 'rules' must be a list of mappings"):
        compile_ruleset([PackSource("p.yaml", "pack: house\nrules:\n  HR101: {id: HR101}\n")])


@pytest.mark.parametrize(
    ("extra", "expected"),
    [  # an unknown key at any level is refused with the closest valid key
        ("rulez: []\n", "house.yaml:11: unknown top-level key 'rulez' (did you mean 'rules'?)"),
        ("    nmae: x\n", "house.yaml:11: rule HR101: unknown key 'nmae' (did you mean 'name'?)"),
        ("      - regex: x\n        knd: delivery-time\n", "house.yaml:12: rule HR101: unknown key 'knd' (did you mean 'kind'?)"),
        ("    examples: {bda: []}\n", "house.yaml:11: rule HR101: examples: unknown key 'bda' (did you mean 'bad'?)"),
        ("    examples: {bad: [{text: 'x [[bonkers]]', fixd: y}]}\n", "house.yaml:11: rule HR101: bad example: unknown key 'fixd' (did you mean 'fixed'?)"),
        ("modifiers:\n  - category: NOPE\n    phrases: [nope]\n    scope: 3\n", "house.yaml:14: modifier nope: unknown key 'scope' (did you mean"),
        ("lexicons:\n  foo: {words: [a], abut: x}\n", "house.yaml:12: lexicon 'foo': unknown key 'abut' (did you mean 'about'?)"),
        ("lists:\n  foo: {words: [a], inflekt: verb}\n", "house.yaml:12: list 'foo': unknown key 'inflekt' (did you mean 'inflect'?)"),
        ("shapes:\n  foo: {regex: a, abot: x}\n", "house.yaml:12: shape 'foo': unknown key 'abot' (did you mean 'about'?)"),
        ("evidence:\n  foo: {regex: a, frame: []}\n", "house.yaml:12: evidence 'foo': unknown key 'frame' (did you mean 'frames'?)"),
        ("scoring:\n  signal: {x: 1}\n", "house.yaml:12: scoring: unknown key 'signal' (did you mean 'signals'?)"),
        ("    frames:\n      - a: {lexicon: reader, whithin: 1}\n", "house.yaml:12: rule HR101: slot 'a': unknown key 'whithin' (did you mean 'within'?)"),
        ("    frames:\n      - a: {any: [{lexicon: reader, after: b}]}\n", "house.yaml:12: rule HR101: slot 'a': unknown key 'after' (expected one of: any, lexicon"),
    ],
)
def test_unknown_keys_at_any_level_suggest_the_closest(extra: str, expected: str) -> None:
    with pytest.raises(FatalError) as caught:
        load_house(extra)
    assert str(caught.value).startswith(expected)


def test_bad_type_in_a_frame_key_names_its_line() -> None:
    with pytest.raises(FatalError, match=r"^house\.yaml:13: rule HR101: 'report' must be a string"):
        load_house("    frames:\n      - a: {lexicon: reader}\n        report: [a]\n")
