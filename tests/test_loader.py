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
