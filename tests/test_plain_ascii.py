"""ASCII forms of patterns: used only on text where they find exactly what the Unicode forms find."""

from __future__ import annotations

import re

import pytest

from cxlint.text.lazyregex import LazyRegex
from cxlint.text.leading import DIGIT_CLASS, lead_in
from cxlint.text.literals import holds_digit
from cxlint.text.plain_ascii import plain_ascii
from cxlint.text.tokens import tokenize


@pytest.mark.parametrize(("text", "plain"), [
    ("Reply within 2 hours, any day.", True),
    ("", True),
    ("Caf\u00e9 opens at 9", False),           # a letter beyond ASCII
    ("two\x1cfields", False),                  # a separator Unicode counts as white space, ASCII does not
    ("last\x1fcolumn", False),
])
def test_plain_ascii_lets_through_only_text_both_forms_read_alike(text: str, plain: bool) -> None:
    assert plain_ascii(text) is plain


def test_a_separator_unicode_calls_white_space_keeps_the_unicode_form() -> None:
    regex = LazyRegex(r"\w+\s\w+", re.IGNORECASE)
    text = "two\x1cfields"
    assert [m.group() for m in regex.finditer(text)] == ["two\x1cfields"]  # the Unicode reading of \s
    assert re.compile(regex.pattern, re.IGNORECASE | re.ASCII).search(text) is None  # what the ASCII form would miss


def test_an_ascii_text_is_matched_in_the_ascii_form_and_finds_the_same() -> None:
    regex = LazyRegex(r"\b(?:reply|answer)\w*\s+within\s+\d+\s+hours?\b", re.IGNORECASE)
    text = "We REPLY within 24 hours; answers within 2 hour."
    assert regex.compiled_for(text).flags & re.ASCII
    assert [m.span() for m in regex.finditer(text)] == [m.span() for m in regex.compiled.finditer(text)]


def test_other_text_keeps_the_unicode_form() -> None:
    regex = LazyRegex(r"\bkelvin\b", re.IGNORECASE)
    text = "\u212aelvin scale"  # the Kelvin sign folds onto k when case is ignored
    assert regex.compiled_for(text) is regex.compiled
    assert regex.search(text) is not None


@pytest.mark.parametrize("pattern", ["caf\u00e9", r"caf\u00e9", r"\u212a", r"\U0000212a", r"\N{KELVIN SIGN}", r"\xe9", r"[\u0100-\u017f]"])
def test_a_pattern_beyond_ascii_written_or_escaped_has_no_ascii_form(pattern: str) -> None:
    regex = LazyRegex(pattern, re.IGNORECASE)
    assert regex.compiled_for("k s") is regex.compiled


@pytest.mark.parametrize(("pattern", "text"), [(r"\u212aelvin", "kelvin"), (r"[\u0100-\u017f]", "s")])
def test_an_escaped_letter_that_folds_onto_ascii_still_matches_ascii_text(pattern: str, text: str) -> None:
    assert LazyRegex(pattern, re.IGNORECASE).search(text) is not None  # as re.compile(pattern, re.I) finds it


def test_digits_beyond_ascii_still_count() -> None:
    assert holds_digit("order \u0663")  # ARABIC-INDIC DIGIT THREE
    assert holds_digit("order 3")
    assert not holds_digit("no digits here")
    assert lead_in(DIGIT_CLASS, "plain 3") != DIGIT_CLASS
    assert lead_in(DIGIT_CLASS, "\u0663 beyond") == DIGIT_CLASS


@pytest.mark.parametrize("text", [
    "We noticed you haven't logged in for 3 days.",
    "Can't wait? Don't miss out: 20% off, ends 5pm!",
    "plain words_with_underscores and tabs\tand new\nlines",
])
def test_ascii_tokens_are_those_of_the_unicode_patterns(text: str) -> None:
    # the same text with a letter beyond ASCII after it takes the Unicode patterns throughout
    wide = text + " \u00e9t\u00e9"
    narrow, widened = tokenize(text), tokenize(wide)
    count = len(narrow.words)
    assert narrow.words == widened.words[:count]
    assert narrow.starts == widened.starts[:count] and narrow.ends == widened.ends[:count]
    assert widened.words[count:] == ("\u00e9t\u00e9",)
