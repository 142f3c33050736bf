"""Markdown of plain paragraphs only is read without the parser: it must read exactly as the parser reads it.

Texts are drawn from lines of prose and of near-prose that markdown-it may read otherwise (list
markers, setext underlines, indentation, tabs, trailing spaces, non-breaking spaces, carriage
returns, fences, HTML, front matter, tables, link references). Whether or not a text takes the
plain path, its mask is the parser's.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from cxlint.document import BLOCK_BREAK
from cxlint.readers.markdown import _mask_markdown, read
from cxlint.readers.mdx import prepare
from cxlint.readers.plain_blocks import paragraph_ends

REPO = Path(__file__).resolve().parent.parent

WORDS = st.sampled_from(
    ["We", "reply", "within", "1", "hour,", "24/7.", "Caf\u00e9", "na\u00efve", "\u2014", "\u201cfree\u201d", "(yes)", "a-b",
     "50%", "$9", "e.g.", "it's", "#1", "C#", "->", "!", "wow!", "{name}", "Q3:", "=", "+", "2)", "1.", "x"]
)
PROSE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
OPENING = st.sampled_from(
    ["", " ", "   ", "\t", "- item", "+ item", "* item", "1. one", "2) two", "10. ten", "# Heading", "## Heading",
     "===", "---", "***", "> quoted", ">", "    code", "  indented", "\tcode", "```", "~~~", "<div>", "</div>",
     "<!-- note", "-->", "<script>", "</script>", "| a | b |", "|---|---|", "[ref]: /url", "=x", "#tag", "1"]
)
"""Lines that may open (or close) a block other than a paragraph."""
INLINE = st.sampled_from(
    ["see [ref]", "**bold**", "*it*", "_it_", "snake_case", "`code`", "a & b", "&amp;", "a\\b", "a\\!", "\\.", "~~gone~~", "~",
     "![img](x.png)", "<b>", "a|b", "two trailing  ", "nbsp\u00a0end\u00a0", "\u00a0lead", "cr\r", "form\x0cfeed",
     "nul\x00", "tab\there", "wow!", "a#b", "a>b"]
)
"""Pieces of a line that may be inline markup or blanks the parser treats apart."""
OPENS = re.compile(r"[-+=#>]|\d+[.)]")
"""How a line of prose may open a list item, a heading or a quote (the plain path leaves those to the parser)."""
PLAIN_LINES = st.lists(st.one_of(PROSE, PROSE, st.just(""), st.just("  "), PROSE.map(lambda p: p + "   ")), max_size=14)


def _with(lines: list[str], awkward: list[tuple[int, int, str]]) -> list[str]:
    """``lines`` with each awkward piece put in as a line of its own or inside a line (at a word's edge)."""
    out = list(lines)
    for where, inside, piece in awkward:
        at = where % (len(out) + 1)
        if inside and at < len(out):
            words = out[at].split(" ")
            words.insert(inside % (len(words) + 1), piece)
            out[at] = " ".join(words)
        else:
            out.insert(at, piece)
    return out


PIECES = st.one_of(st.tuples(st.integers(0, 30), st.just(0), OPENING), st.tuples(st.integers(0, 30), st.integers(1, 3), INLINE))
LINES = st.builds(_with, PLAIN_LINES, st.lists(PIECES, max_size=2))
"""Prose with one or two pieces that may make it markup: most texts are all but plain."""


def _same_as_parser(text: str) -> None:
    assert _mask_markdown("t.md", text) == _mask_markdown("t.md", text, plain=False)


@given(LINES, st.booleans())
@example(["Hello", "===", "", "world"], False)
@example(["```", "", "Plain inside a fence", "", "```"], True)
@example(["---", "title: Hi", "", "Plain inside front matter", "---", "", "Body"], False)
@example(["Hello", "- item", "", "lazy"], False)
@example(["Hi", "", "> quoted"], True)
@example(["Hi", "", "    code"], True)
@example(["  Hi", "", "Hi"], False)
@example(["Hi", "==="], False)
@example(["Hi", "---"], False)
@example(["1. one"], False)
@example(["a *b*"], False)
@example(["[x]: /u", "", "see [x]"], False)
@example(["|a|b|", "|-|-|"], False)
@example(["tab\there"], False)
@example(["end\u00a0"], False)
@example(["cr\r", "x"], False)
@example(["1\\. not a list"], False)
def test_any_text_reads_as_the_parser_reads_it(lines: list[str], final_newline: bool) -> None:
    _same_as_parser("\n".join(lines) + ("\n" if final_newline else ""))


@given(PLAIN_LINES, st.booleans())
@example(["One.", "", "Two.  ", "Three."], True)
@example(["  "], False)
@example(["->"], False)
def test_plain_paragraphs_take_the_plain_path_and_read_as_the_parser_reads_them(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    if not any(OPENS.match(line) for line in lines):
        assert paragraph_ends(text) is not None
    _same_as_parser(text)


def test_a_plain_paragraph_ends_at_its_last_visible_character() -> None:
    text = "We reply within 1 hour.  \nEvery day.\n\nThanks!"
    doc = read("t.md", text)
    assert doc.mask == text.replace("day.\n", "day." + BLOCK_BREAK)
    assert doc.placeholders == ()


def test_markdown_files_of_the_repository_read_as_the_parser_reads_them() -> None:
    for path in sorted([*REPO.glob("examples/**/*.md"), *REPO.glob("docs/*.md"), *REPO.glob("examples/**/*.mdx")]):
        text = path.read_text(encoding="utf-8")
        _same_as_parser(prepare(text) if path.suffix == ".mdx" else text)
