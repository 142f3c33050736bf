"""Offsets into a buffer (code points) to LSP positions: LSP's line breaks, the client's code units."""

from __future__ import annotations

import pytest

from cxlint.lsp.positions import UTF8, UTF16, UTF32, EditorPositions, code_units


def test_utf16_counts_a_character_outside_the_bmp_as_two_units() -> None:
    text = "Café 😀 ñ — We noticed you"
    offset = text.index("We")
    assert offset == 11
    assert EditorPositions(text).position(offset) == (0, 12)
    assert EditorPositions(text, UTF8).position(offset) == (0, 18)
    assert EditorPositions(text, UTF32).position(offset) == (0, 11)


def test_the_end_of_a_span_after_several_emoji_and_combining_marks() -> None:
    text = "x\n👩‍👩‍👧 e\u0301 go"  # a family emoji of three people joined by ZWJ, and an e with a combining accent
    end = len(text)
    assert EditorPositions(text).position(end) == (1, code_units("👩‍👩‍👧 e\u0301 go", UTF16))
    assert code_units("👩‍👩‍👧", UTF16) == 8
    assert EditorPositions(text).position(end) == (1, 14)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_break_where_lsp_breaks_them(newline: str) -> None:
    text = f"one{newline}two 😀{newline}three"
    positions = EditorPositions(text)
    assert positions.position(text.index("three")) == (2, 0)
    assert positions.position(text.index("two") + 4) == (1, 4)
    assert positions.position(len(text)) == (2, 5)
    assert text[positions.line_end(1) - 1] == "😀"


def test_offsets_past_the_text_are_clamped_and_unknown_encodings_refused() -> None:
    assert EditorPositions("ab").position(99) == (0, 2)
    with pytest.raises(ValueError, match="utf-7"):
        EditorPositions("ab", "utf-7")


def test_a_lone_surrogate_counts_as_it_is_sent() -> None:
    assert code_units("\ud83d", UTF16) == 1
    assert code_units("\ud83d", UTF8) == 3
