from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL
from cxlint.text.placeholders import mask_templates
from tests.test_readers_support import assert_exact, lint_file


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("Hi {{ user.first_name | capitalize }}!", ["user.first_name"]),  # Jinja / Twig / Liquid
        ("Hi {{{name}}} {{#if vip}}VIP{{else}}friend{{/if}}", ["name"]),  # Handlebars / Mustache
        ("Hi *|FNAME|* *|IF:VIP|*VIP*|ELSE:|*friend*|END:IF|*", ["FNAME"]),  # Mailchimp
        ("Hi %%=v(@first_name)=%% %%[ if @vip then ]%%VIP%%[ endif ]%%", ["first_name"]),  # AMPscript
        ("Hi %(name)s, you have %d items and %1$s", ["name", "d", "s"]),  # printf
        ("Hi { $name }, from { -brand-name }", ["name", "brand-name"]),  # Fluent
    ],
)
def test_placeholders_are_one_token_with_their_name(source: str, names: list[str]) -> None:
    mask, placeholders = mask_templates(source, source)
    assert len(placeholders) == len(names)
    assert all(p.name.endswith(n) or n in p.name for p, n in zip(placeholders, names))
    for p in placeholders:
        assert set(mask[p.start : p.end]) == {PLACEHOLDER_FILL}
    for word in ("if", "else", "endif", "END", "IF:VIP"):
        assert f" {word} " not in f" {mask} "


def test_both_branches_of_an_if_are_copy_and_apart() -> None:
    source = "{% if vip %}We spotted you browsing.{% else %}Guaranteed results.{% endif %}"
    mask, _ = mask_templates(source, source)
    assert "We spotted you browsing." in mask and "Guaranteed results." in mask
    assert BLOCK_BREAK in mask[mask.index("browsing") : mask.index("Guaranteed")]


def test_icu_plural_and_select_branches_are_each_copy() -> None:
    source = "{count, plural, =0 {No items} one {# item left, hurry} other {# items left, hurry}}"
    mask, placeholders = mask_templates(source, source)
    assert "plural" not in mask and "other" not in mask and "=0" not in mask
    assert "No items" in mask and "item left, hurry" in mask and "items left, hurry" in mask
    assert [p.name for p in placeholders] == ["count", "count"]
    assert mask.count(BLOCK_BREAK) == 2


@pytest.mark.parametrize("suffix", [".j2", ".jinja", ".liquid", ".hbs", ".mustache", ".twig", ".njk"])
def test_template_files_are_read(tmp_path: Path, suffix: str) -> None:
    content = "<p>Hi {{ name }},</p>\n{% if a < b %}We spotted you browsing winter coats again.{% endif %}\n"
    findings, problems, source = lint_file(tmp_path, "mail" + suffix, content)
    assert not problems
    assert_exact(findings, source)
    assert [f.text for f in findings] == ["We spotted you"]
