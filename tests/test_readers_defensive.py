"""Issue 14, readers: escapes, encoded words, marked sections and BOMs that used to take the run down.

Each case is linted beside a normal file whose findings must survive, as in the issue's
reproductions; the odd file itself is linted too (decode what is valid, keep positions exact).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from cxlint.errors import InputError
from cxlint.readers import reader_for
from cxlint.readers.decoding import decode, decode_declared, without_lone_surrogates
from cxlint.readers.rfc2047 import decode_header_text
from cxlint.runner import lint_paths
from tests.test_readers_support import assert_exact, ruleset

NEIGHBOUR = "We noticed you viewed the blue sofa 3 times at 11:48 PM.\n"
SENTENCE = "We noticed you viewed the green lamp {} 5 times at 2:14 AM."
CREEPY_RULES = ["CX101", "CX104", "CX102"]


def lint_beside_neighbour(tmp_path: Path, name: str, content: str | bytes) -> tuple[dict[str, list[str]], list]:
    """Lint ``name`` and creepy.md together; the rules found per file name, and the problems."""
    (tmp_path / "creepy.md").write_text(NEIGHBOUR, encoding="utf-8")
    data = content.encode("utf-8") if isinstance(content, str) else content
    (tmp_path / name).write_bytes(data)
    result = lint_paths([str(tmp_path / name), str(tmp_path / "creepy.md")], ruleset())
    rules: dict[str, list[str]] = {}
    for finding in result.findings:
        rules.setdefault(Path(finding.path).name, []).append(finding.rule)
    if isinstance(content, str):
        assert_exact([f for f in result.findings if f.path.endswith(name)], content)
    return rules, result.problems


def mask_of(name: str, text: str) -> str:
    reader = reader_for(name)
    assert reader is not None
    return reader(name, text).mask


# --- D1: a surrogate pair is one code point, a lone surrogate U+FFFD ---------------------------

PAIR_FILES = {
    "messages.properties": "promo=" + SENTENCE.format("\\uD83D\\uDE00") + "\n",
    "strings.xml": '<resources>\n<string name="promo">' + SENTENCE.format("\\uD83D\\uDE00") + "</string>\n</resources>\n",
}


@pytest.mark.parametrize("name", sorted(PAIR_FILES))
def test_surrogate_pair_escape_is_one_emoji_and_the_file_is_linted(tmp_path: Path, name: str) -> None:
    rules, problems = lint_beside_neighbour(tmp_path, name, PAIR_FILES[name])
    assert not problems
    assert rules == {name: CREEPY_RULES, "creepy.md": CREEPY_RULES}
    mask = mask_of(name, PAIR_FILES[name])
    assert "lamp \U0001f600" + " " * 11 + " 5 times" in mask


@pytest.mark.parametrize(
    ("name", "text", "pointer_too"),
    [
        ("a.properties", "promo=Hi \\uD83D there \\uDE00 \\uDE00\\uD83D.\n", False),
        ("strings.xml", '<resources><string name="k">Hi \\uD83D there \\uDE00 \\uDE00\\uD83D.</string></resources>', False),
        ("a.json", '{"k\\ud800": "Hi \\uD83D there \\uDE00 \\uDE00\\uD83D."}', True),
        ("a.yaml", '"k\\ud800": "Hi \\uD83D there \\uDE00 \\uDE00\\uD83D."\n', True),
    ],
)
def test_lone_surrogate_escapes_read_as_replacement_characters(name: str, text: str, pointer_too: bool) -> None:
    reader = reader_for(name)
    assert reader is not None
    doc = reader(name, text)
    doc.mask.encode("utf-8")  # spaCy encodes every string it meets: a lone surrogate raised there
    assert doc.mask.count("\ufffd") == 4
    assert [s.pointer for s in doc.segments] == (["/k\ufffd"] if pointer_too else [doc.segments[0].pointer])


def test_yaml_escape_beyond_unicode_is_a_read_error_naming_the_file(tmp_path: Path) -> None:
    rules, problems = lint_beside_neighbour(tmp_path, "flow.yaml", 'text: "Hi \\U0011FFFF there"\n')
    assert [Path(p.path).name for p in problems] == ["flow.yaml"]
    assert "invalid YAML" in problems[0].message
    assert rules == {"creepy.md": CREEPY_RULES}


# --- D2: a malformed escape stays as written ---------------------------------------------------

BAD_ESCAPES = {
    "help.properties": ("help.tip=Open C:\\users\\you\\Documents. " + SENTENCE.format("") + "\n", "C:\\users"),
    "strings.xml": ('<resources>\n<string name="tip">Open C:\\users\\you. ' + SENTENCE.format("") + "</string>\n</resources>\n", "C:\\users"),
    "help.po": ('msgid "Open C:\\xyz\\docs. ' + SENTENCE.format("") + '"\nmsgstr ""\n', "C:\\xyz"),
}


@pytest.mark.parametrize("name", sorted(BAD_ESCAPES))
def test_malformed_escape_is_kept_as_written_and_the_file_is_linted(tmp_path: Path, name: str) -> None:
    text, kept = BAD_ESCAPES[name]
    rules, problems = lint_beside_neighbour(tmp_path, name, text)
    assert not problems
    assert rules == {name: CREEPY_RULES, "creepy.md": CREEPY_RULES}
    assert kept in mask_of(name, text)


def test_truncated_unicode_escape_keeps_the_digits_it_has() -> None:
    mask = mask_of("a.properties", "k=Tap \\u12 or \\uD83D\\uDE0 now\n")
    assert "\\u12 or \ufffd     \\uDE0 now" in mask


# --- D3: RFC 2047 Subjects are decoded leniently -------------------------------------------------


def eml(subject: str, body: str = "Hello there.") -> str:
    return f"From: a@example.com\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"


@pytest.mark.parametrize(
    ("subject", "decoded"),
    [
        ("=?utf-8?q?We_noticed_you_=E2=80?=", "We noticed you \ufffd"),  # truncated UTF-8 sequence
        ("=?x-unknown?q?Hello_again?=", "Hello again"),  # unknown charset: read as UTF-8
        ("=?utf-8?b?SGVsbG8gYWdhaW4?=", "Hello again"),  # base64 without its padding
        ("=?utf-8?b?A?=", ""),  # one base64 letter encodes nothing (decode_header raised)
        ("Caf\u00e9 =?utf-8?q?news?=", "Caf\u00e9 news"),  # 8-bit text beside a word (make_header raised)
        ("=?utf-8?q?=E2=82?= =?utf-8?q?=AC_off?=", "\u20ac off"),  # a character split across two words
        ("=?idna?q?Hello?=", "Hello"),  # a codec that cannot replace errors
        ("=?utf-7?q?+2D3-?=", "\ufffd"),  # utf-7 can spell a lone surrogate
        ("=?utf-8?q?We_noticed?=\n =?iso-8859-1?q?_caf=E9?=", "We noticed caf\u00e9"),  # folded, two charsets
    ],
)
def test_encoded_subject_decodes_what_is_valid(subject: str, decoded: str) -> None:
    assert decode_header_text(subject) == decoded


@pytest.mark.parametrize("subject", ["=?utf-8?q?We_noticed_you_=E2=80?=", "=?x-unknown?q?Hello_again?="])
def test_message_with_a_malformed_subject_is_linted(tmp_path: Path, subject: str) -> None:
    rules, problems = lint_beside_neighbour(tmp_path, "a.eml", eml(subject, SENTENCE.format("")))
    assert not problems
    assert rules == {"a.eml": CREEPY_RULES, "creepy.md": CREEPY_RULES}


def test_declared_charset_that_cannot_decode_falls_back_to_utf8() -> None:
    assert decode_declared("café".encode(), "idna") == "café"
    assert decode_declared(b"caf\xe9", "x-unknown") == "caf\ufffd"
    assert decode_declared(b"+2D3-", "utf-7") == "\ufffd"
    assert decode_declared(b"\\ud83d\\ude00 \\udc00", "unicode_escape") == "\U0001f600 \ufffd"


def test_an_escape_codecs_complaint_about_a_stray_backslash_is_not_raised_or_shown():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_declared(b"price \\q 10", "unicode_escape") == "price \\q 10"


def test_lone_surrogates_become_replacement_characters_and_pairs_join() -> None:
    assert without_lone_surrogates("a\ud83d\ude00b\ud800\udc00\ud800\ud800") == "a\U0001f600b\U00010000\ufffd\ufffd"
    assert without_lone_surrogates("\udc00\ud83d") == "\ufffd\ufffd"


# --- D4: an unknown marked section is a bogus comment, as browsers read it ----------------------

MARKED = {
    "page.html": "<html><body><p>Hello.</p><![foo]><p>" + SENTENCE.format("") + "</p></body></html>\n",
    "news.mjml": "<mjml><mj-body><mj-section><mj-column><mj-text>Hello <![foo]> there. " + SENTENCE.format("")
    + "</mj-text></mj-column></mj-section></mj-body></mjml>\n",
    "page.eml": "From: a@example.com\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<p>Hello.</p><![foo]><p>"
    + SENTENCE.format("") + "</p>\n",
}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_unknown_marked_section_is_skipped_and_the_rest_linted(tmp_path: Path, name: str) -> None:
    rules, problems = lint_beside_neighbour(tmp_path, name, MARKED[name])
    assert not problems
    assert rules == {name: CREEPY_RULES, "creepy.md": CREEPY_RULES}
    assert "<![foo]>" not in mask_of(name, MARKED[name])


@pytest.mark.parametrize("section", ["<![ if]>", "<![]>", "<![cdata.x[ no ]]>", "<![if !mso]>", "<![endif]>", "<![CDATA[x]]>"])
def test_marked_sections_known_and_unknown_are_hidden(section: str) -> None:
    assert "Hi " + " " * len(section) + "there." in mask_of("a.html", f"<p>Hi {section}there.</p>")


# --- BOMs: UTF-32 before UTF-16 -----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be", "utf-16", "utf-16-be", "utf-8-sig"])
def test_file_with_a_bom_is_decoded_by_it(tmp_path: Path, codec: str) -> None:
    text = SENTENCE.format("") + "\n"
    data = text.encode(codec)
    if codec.endswith("-be"):
        data = ("\ufeff" + text).encode(codec)
    rules, problems = lint_beside_neighbour(tmp_path, "letter.md", data)
    assert not problems
    assert rules == {"letter.md": CREEPY_RULES, "creepy.md": CREEPY_RULES}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00\x00" + "Hi\n".encode("utf-32-le") + b"\x00\x00\x11\x00", "invalid UTF-32 at byte 16"),
        (b"\xff\xfe" + "Hi\n".encode("utf-16-le") + b"\x00\xd8", "invalid UTF-16 at byte 8"),
        (b"\xff\xfe" + "Hi\n".encode("utf-16-le") + b"!", "invalid UTF-16 at byte 8"),
        ("Hi\x00there".encode("utf-16"), "binary file"),
    ],
)
def test_broken_utf16_or_utf32_is_refused_with_its_line(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode("letter.md", data)
    assert caught.value.path == "letter.md"
    assert caught.value.reason.startswith(reason)
    assert caught.value.line == (2 if "invalid" in reason else None)


# --- found by the long fuzzing run ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "copy.ftl", "strings.xml"])
def test_legacy_entity_without_semicolon_keeps_the_letters_after_it_in_place(tmp_path: Path, name: str) -> None:
    copy = "&amp" + SENTENCE.format("")  # "&amp" then "We noticed…": the letters are not part of the entity
    text = {"page.html": f"<p>{copy}</p>", "copy.ftl": f"title = {copy}\n",
            "strings.xml": f'<resources><string name="k">{copy}</string></resources>'}[name]
    rules, problems = lint_beside_neighbour(tmp_path, name, text)  # asserts every finding's text is its source slice
    assert not problems
    assert rules[name] == CREEPY_RULES
    assert "&   We noticed" in mask_of(name, text)


def test_numbered_placeholder_is_read_from_the_source_not_from_a_decoded_escape() -> None:
    reader = reader_for("a.properties")
    assert reader is not None
    doc = reader("a.properties", "promo=Hi.#\\0 and #1 tabs\n")
    assert [(p.raw, doc.source[p.start : p.end]) for p in doc.placeholders] == [("#1", "#1")]


@pytest.mark.parametrize("escape", ["\\U0011FFFF", "\\U80000000"])
def test_yaml_escape_beyond_unicode_skips_only_the_front_matter(escape: str) -> None:
    text = f'---\ntitle: "{escape}"\n---\n{SENTENCE.format("")}\n'
    assert SENTENCE.format("") in mask_of("a.md", text)
    with pytest.raises(InputError):
        mask_of("a.yaml", f'title: "{escape}"\n')


def test_template_syntax_nested_in_markup_gives_placeholders_of_the_source() -> None:
    reader = reader_for("a.md")
    assert reader is not None
    doc = reader("a.md", "<!x {{We {{ name }}}}\n")
    assert all(doc.source[p.start : p.end] == p.raw for p in doc.placeholders)


def test_android_backslash_before_an_entity_escapes_the_decoded_character() -> None:
    mask = mask_of("strings.xml", '<resources><string name="k">Fish \\&amp; chips \\&NotNestedGreaterGreater;</string></resources>')
    assert "Fish  &     chips  \u2aa2\u0338" in mask
