from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.errors import InputError
from cxlint.readers.jsonfile import read as read_json
from cxlint.readers.yamlfile import read as read_yaml
from tests.test_readers_support import assert_exact, lint_file

FLOW = """{
  "id": "welcome-flow",
  "steps": [
    {"id": "s1", "url": "https://x.example/we-spotted-you", "text": "We spotted you browsing winter coats again."},
    {"title": "Caf\\u00e9 \\"deals\\"", "body": "Line one.\\nGuaranteed results in 30 days or your money back!"}
  ],
  "a/b": {"c~d": "We spotted you browsing winter coats again."}
}
"""


def test_json_strings_carry_their_pointer(tmp_path: Path) -> None:
    findings, problems, source = lint_file(tmp_path, "flow.json", FLOW)
    assert not problems
    assert_exact(findings, source)
    pointers = {f.text: dict(f.extra).get("pointer") for f in findings}
    assert pointers["We spotted you"] in ("/steps/0/text", "/a~1b/c~0d")
    assert {dict(f.extra)["pointer"] for f in findings} >= {"/steps/0/text", "/steps/1/body", "/a~1b/c~0d"}


def test_json_ids_urls_and_keys_are_not_copy() -> None:
    doc = read_json("x.json", FLOW)
    assert "welcome-flow" not in doc.mask and "https" not in doc.mask and "steps" not in doc.mask
    assert "Café" in doc.mask and '" deals" ' in doc.mask


def test_invalid_json_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read_json("bad.json", '{\n  "a": "b",\n  "c": }\n')
    assert caught.value.line == 3 and "invalid JSON" in caught.value.reason


def test_deep_json_is_refused_without_recursion(tmp_path: Path) -> None:
    findings, problems, _ = lint_file(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    assert not findings and problems and "levels deep" in problems[0].message


RAILS = """en:
  checkout:
    nudge: "We spotted you browsing winter coats again."
    hint: 'It''s %{count} items'
    block: |
      Guaranteed results in 30 days.
    folded: >
      We spotted you browsing
      winter coats again.
"""


def test_rails_locale_yaml_with_pointers(tmp_path: Path) -> None:
    findings, problems, source = lint_file(tmp_path, "en.yml", RAILS)
    assert not problems
    assert_exact(findings, source)
    pointers = [dict(f.extra).get("pointer") for f in findings]
    assert "/en/checkout/nudge" in pointers and "/en/checkout/block" in pointers and "/en/checkout/folded" in pointers
    doc = read_yaml("en.yml", RAILS)
    assert [p.name for p in doc.placeholders] == ["count"]


def test_rasa_domain_lints_responses_only_and_is_chatbot(tmp_path: Path) -> None:
    content = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - We spotted you browsing winter coats again.
responses:
  utter_nudge:
  - text: "We spotted you browsing winter coats again."
    buttons:
    - title: "Yes please"
      payload: "/affirm"
"""
    findings, problems, source = lint_file(tmp_path, "domain.yml", content)
    assert not problems
    assert_exact(findings, source)
    assert [f.line for f in findings] == [8]
    assert findings[0].channel == "chatbot"
    assert dict(findings[0].extra)["pointer"] == "/responses/utter_nudge/0/text"


def test_billion_laughs_is_bounded(tmp_path: Path) -> None:
    lines = ['a: &a ["We spotted you browsing winter coats again.", "lol"]']
    for level in range(1, 30):
        prev, name = f"l{level - 1}" if level > 1 else "a", f"l{level}"
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    findings, problems, source = lint_file(tmp_path, "laughs.yaml", "\n".join(lines) + "\n")
    assert not problems
    assert len(findings) == 1
    assert_exact(findings, source)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    _, problems, _ = lint_file(tmp_path, "bad.yaml", "a: b\nc: [d\n")
    assert problems and "invalid YAML" in problems[0].message and problems[0].line
