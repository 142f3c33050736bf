"""Other spellings: a pack says once how a word is also spelt, and every lexicon entry holding it matches that too."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cxlint.errors import FatalError
from cxlint.lexicon.spellings import MAX_FORMS, respelled
from cxlint.rulepack.loader import PackSource, builtin_sources, load_ruleset
from cxlint.runner import lint_document_text

BEFORE = (("before",), (("b4",),))
YOUR = (("your",), (("ur",),))
FOR_YOUR = (("for", "your"), (("4", "your"),))


def test_a_spelling_replaces_each_place_alone_and_together() -> None:
    forms = respelled({("before", "and", "before")}, (BEFORE,))
    assert forms == {("before", "and", "before"), ("b4", "and", "before"), ("before", "and", "b4"), ("b4", "and", "b4")}


def test_spellings_combine_with_the_forms_other_spellings_made() -> None:
    forms = respelled({("for", "your", "dates")}, (FOR_YOUR, YOUR))
    assert forms == {("for", "your", "dates"), ("4", "your", "dates"), ("for", "ur", "dates"), ("4", "ur", "dates")}


def test_a_phrase_is_respelt_only_where_all_its_words_stand_together() -> None:
    too_late = (("too", "late"), (("2", "late"),))
    assert respelled({("too", "soon", "late")}, (too_late,)) == {("too", "soon", "late")}
    assert respelled({("not", "too", "late")}, (too_late,)) == {("not", "too", "late"), ("not", "2", "late")}


def test_an_entry_gains_at_most_the_bound() -> None:
    many = tuple(((f"w{n}",), ((f"x{n}",), (f"y{n}",))) for n in range(8))
    assert len(respelled({tuple(f"w{n}" for n in range(8))}, many)) == 1 + MAX_FORMS


_BOUNDED = (
    "from cxlint.lexicon.spellings import respelled\n"
    "many = tuple(((f'w{n}',), ((f'x{n}',), (f'y{n}',))) for n in range(8))\n"
    "entry = {tuple(f'w{n}' if n != k else f'{k}w' for n in range(8)) for k in range(8)}\n"
    "print(sorted(respelled(entry, many)))\n"
)


def test_the_forms_kept_at_the_bound_are_the_same_whatever_the_hash_seed() -> None:
    """Sets iterate in an order the hash seed decides; the forms kept past the bound must not depend on it."""
    runs = {
        subprocess.run([sys.executable, "-c", _BOUNDED], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(runs) == 1


def test_no_spellings_leave_the_phrases_alone() -> None:
    assert respelled({("before", "noon")}, ()) == {("before", "noon")}


def test_every_built_in_entry_holding_a_respelt_word_matches_its_spelling() -> None:
    ruleset = load_ruleset(builtin_sources())
    spelt = [lexicon for lexicon in ruleset.lexicons.values() if ("before", "it", "'s", "gone") in lexicon.phrases]
    assert spelt
    for lexicon in spelt:
        assert {("b4", "it", "'s", "gone"), ("b4", "its", "gone"), ("before", "its", "gone")} <= lexicon.phrases


PACK = """spellings:
  gadget: [gizmo, thingy]
lexicons:
  house_gadget:
    words: [shiny gadget]
rules:
  - id: HR201
    name: shiny-gadget
    category: promise
    message: Names the shiny gadget.
    rationale: House style.
    suggestion: Name the product.
    frames:
      - thing: {lexicon: house_gadget}
      - thing: {word: gadget of the year}
"""


def _findings(text: str, pack: str = PACK) -> list[str]:
    ruleset = load_ruleset(builtin_sources() + [PackSource("house.yaml", pack)])
    findings, _ = lint_document_text("copy.txt", text, ruleset)
    return [f.rule for f in findings if f.rule == "HR201"]


@pytest.mark.parametrize("text", ["Meet the shiny gadget.", "Meet the shiny gizmo.", "Meet the shiny thingy.", "The thingy of the year."])
def test_a_user_packs_spellings_reach_its_lexicons_and_word_slots(text: str) -> None:
    assert _findings(text) == ["HR201"]


def test_without_the_spelling_the_other_word_is_not_matched() -> None:
    assert _findings("Meet the shiny gizmo.", PACK.replace("spellings:\n  gadget: [gizmo, thingy]\n", "")) == []


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("spellings:\n  gadget: gizmo\n", "house.yaml:2: spellings of 'gadget': give a list of other spellings"),
        ("spellings:\n  gadget: []\n", "house.yaml:2: spellings of 'gadget': give a list of other spellings"),
        ("spellings:\n  gadget: [giz.*mo]\n", "house.yaml:2: spellings of 'gadget': 'giz.*mo' looks like a regex"),
        ("spellings:\n  gadget: [Gadget]\n", "house.yaml:2: spellings of 'gadget': 'Gadget' is the word itself"),
        ("spellings:\n  gadget: [yes]\n", "house.yaml:2: spellings of 'gadget': True is not a word or phrase (YAML reads on, off, yes"),
        ("spellings: [gadget, gizmo]\n", "house.yaml:1: 'spellings' must be a mapping"),
    ],
)
def test_a_bad_spellings_section_stops_the_load_naming_its_line(section: str, expected: str) -> None:
    with pytest.raises(FatalError, match=expected.replace("(", r"\(").replace(".", r"\.").replace("*", r"\*")):
        load_ruleset(builtin_sources() + [PackSource("house.yaml", section)])
