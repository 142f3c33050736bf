"""Text utilities that keep offsets: placeholders, sentences, word lists."""

from __future__ import annotations

import re

import pytest

from cxlint.document import PLACEHOLDER_FILL
from cxlint.text.placeholders import mask_templates
from cxlint.text.sentences import split_sentences
from cxlint.text.wordlists import expand, noun_forms, trie_regex, verb_forms


def names(text: str) -> list[str]:
    mask, placeholders = mask_templates(text, text)
    assert len(mask) == len(text)
    return [p.name for p in placeholders]


def test_placeholder_syntaxes_carry_their_variable_names() -> None:
    assert names("Hi {{first_name}} and {{ product.name }}") == ["first_name", "product.name"]
    assert names('{{ last_viewed_at | date: "%H:%M" }}') == ["last_viewed_at"]
    assert names("Hi *|FNAME|*, %%First_Name%% and {first_name}") == ["FNAME", "First_Name", "first_name"]
    assert names("Get { -brand-name } with { $count } tabs and %{user}") == ["brand-name", "count", "user"]


def test_control_tags_are_blanked_and_placeholders_filled() -> None:
    text = "{% if vip %}Hello {{ name }}{% endif %}"
    mask, _ = mask_templates(text, text)
    assert mask.strip().startswith("Hello")
    assert PLACEHOLDER_FILL * len("{{ name }}") in mask
    assert "{%" not in mask


def test_percent_signs_in_prose_are_not_printf() -> None:
    assert names("Save 100% secure and 20% off") == []


def test_sentences_split_on_terminal_punctuation_blank_lines_and_list_items() -> None:
    text = "Hello there. How are you?\n\n- first item\n- second item\nSee Dr. Okafor at 10 a.m. on Monday."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Hello there.", "How are you?", "- first item", "- second item", "See Dr. Okafor at 10 a.m. on Monday."]


def test_soft_wrapped_lines_stay_one_sentence() -> None:
    text = "We noticed you were looking at\nthe rucksack last night."
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def test_a_dotted_currency_sign_before_an_amount_ends_no_sentence() -> None:
    text = "Service visits at just Rs. 299 this week. Fr. 49 a month. We are open."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Service visits at just Rs. 299 this week.", "Fr. 49 a month.", "We are open."]


def test_sentences_split_after_a_currency_sign_word_not_before_an_amount() -> None:
    text = "We take Rs. Then we count."
    assert [text[s:e] for s, e in split_sentences(text)] == ["We take Rs.", "Then we count."]


def test_inflections_without_a_lemmatizer() -> None:
    assert {"notices", "noticed", "noticing"} <= verb_forms("notice")
    assert {"stopped", "stopping"} <= verb_forms("stop")
    assert {"opened", "opening"} <= verb_forms("open") and "openned" not in verb_forms("open")
    assert {"spied", "spies"} <= verb_forms("spy")
    assert noun_forms("search") == {"search", "searches"}
    assert set(expand(["see/saw/seen"], "verb")) == {"see", "saw", "seen"}


def test_trie_regex_matches_every_word_and_variants() -> None:
    rx = re.compile(r"\b" + trie_regex(["risk-free", "we'll", "next day"]) + r"\b", re.I)
    for text in ("risk free", "Risk-free", "riskfree", "we’ll", "next  day"):
        assert rx.fullmatch(text), text


def test_guarded_template_scan_finds_what_a_full_scan_finds() -> None:
    from cxlint.text.placeholders import _SYNTAX, _syntax_matches

    text = "Hi {{ name }}, 100% off *|FNAME|* %%First_Name%% {$count} {0} %s {% if x %}y{% endif %} {# c #} { -brand }"
    assert [m.span() for m in _syntax_matches(text)] == [m.span() for m in _SYNTAX.finditer(text)]


def test_changed_positions_finds_every_difference_across_blocks() -> None:
    from cxlint.text.diff import changed_positions

    a = "x" * 1000
    b = a[:3] + "y" + a[4:600] + "zz" + a[602:]
    assert list(changed_positions(a, b)) == [3, 600, 601]
    assert list(changed_positions(a, a)) == []


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("rise by 20pts now", "20", "20pts"),
        ("save £300pa today", "£300", "£300pa"),
        ("we don't track", "do", "don't"),
        ("we don’t track", "n’t", "don’t"),
        ("you've been seen", "you", "you've"),
        ("save 20 now", "20", "20"),
        ("'quoted' words", "quoted", "quoted"),
    ],
)
def test_word_edges_widen_a_span_to_whole_words(text: str, part: str, whole: str) -> None:
    from cxlint.text.tokens import word_edges

    start = text.index(part)
    widened = word_edges(text, start, start + len(part))
    assert text[widened[0] : widened[1]] == whole


def test_word_edges_stop_at_a_merge_field() -> None:
    from cxlint.text.tokens import word_edges

    text = f"seen {PLACEHOLDER_FILL * 5}x today"
    start = text.index("x")
    assert word_edges(text, start, start + 1) == (start, start + 1)
