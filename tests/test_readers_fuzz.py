"""Property tests over each reader's grammar: escapes, markup declarations, mail headers, BOMs, bad bytes.

Two properties hold for every input. A reader raises nothing but ``InputError`` (a file it
cannot read is named; nothing else takes the run down). And what it yields maps back into the
source exactly: the mask has the source's length, each character of it is the source's own, a
blank, or an escape or entity decoded at the position where it starts; segments and
placeholders point at their own text; and no lone surrogate is left for spaCy to choke on.

The default profile keeps this quick; ``CXLINT_FUZZ=long`` runs the long one (tests/conftest.py).
"""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL, Document
from cxlint.engine.linter import lint_document
from cxlint.errors import InputError
from cxlint.readers import READERS, reader_for
from cxlint.runner import read_document
from tests.test_readers_support import ruleset

BLANKS = frozenset((" ", BLOCK_BREAK, PLACEHOLDER_FILL))
"""What a reader may put in the mask in place of a source character it hides."""
DECODING_STARTS = frozenset("\\&")
"""Where what an escape or entity decodes to starts in the mask, in place of the source's own characters."""


def assert_maps_back(doc: Document) -> None:
    for part in doc.documents():
        source, mask = part.source, part.mask
        assert len(mask) == len(source)
        source.encode("utf-8")  # no lone surrogate: strict encoding raises on one
        mask.encode("utf-8")
        decoding = False  # inside what an escape or entity decodes to (``&NotNestedGreaterGreater;`` is two characters)
        for index, (shown, original) in enumerate(zip(mask, source)):
            decoding = shown != original and shown not in BLANKS and (decoding or original in DECODING_STARTS)
            assert shown == original or shown in BLANKS or decoding, (index, shown, original, source)
        previous = 0
        for segment in part.segments:
            assert previous <= segment.start <= segment.end <= len(source), segment
            segment.pointer.encode("utf-8")
            previous = segment.start
        for placeholder in part.placeholders:
            assert source[placeholder.start : placeholder.end] == placeholder.raw, placeholder
            placeholder.name.encode("utf-8")


def read_or_refuse(name: str, text: str) -> Document | None:
    """Read ``text`` as a file called ``name``; None when the reader refuses it with an InputError."""
    reader = reader_for(name)
    assert reader is not None
    try:
        doc = reader(name, text)
    except InputError:
        return None
    assert_maps_back(doc)
    return doc


# --- the pieces every grammar is built from ---------------------------------------------------

CREEPY_SENTENCE = "We noticed you viewed the green lamp 5 times at 2:14 AM."
WORDS = st.sampled_from(
    [CREEPY_SENTENCE, "Hello", "there", "café", "😀", " ", "  ", "\n", "\r\n", "\t", "\r", ".", "!", "?", ":",
     "\u2028", "\u2029", "\u0085", "\u00a0", "\ufeff", "\ufffd", "\x0b", "\x0c", "\x01", "\u200b", "𝒜", "é"]
)
TEMPLATE = st.sampled_from(
    ["{{ name }}", "{{name|date}}", "{name}", "{0}", "%s", "%(count)d", "%{x}", "*|FNAME|*", "%%=v(@x)=%%",
     "{% if a < b %}", "{% else %}", "{% endif %}", "{{#if x}}", "{{/if}}", "{#", "{{", "}}", "{", "}", "%", "*|",
     "{count, plural, one {# item} other {# items}}", "{ $n ->\n  [one] one\n *[other] many\n}", "{ -brand }"]
)
ENTITY = st.sampled_from(
    ["&amp;", "&lt;", "&nbsp;", "&eacute;", "&#233;", "&#xE9;", "&#xD800;", "&#xDFFF;", "&#x110000;", "&#0;",
     "&#99999999;", "&#x;", "&#;", "&", "&amp", "&NotNestedGreaterGreater;", "&#x1F600;"]
)
MARKUP = st.sampled_from(
    ["<!", "<!>", "<!-->", "<!--->", "<!-- x -->", "<!---->", "<!-- x", "--!>", "<![", "<![foo]>", "<![ if]>",
     "<![]>", "<![foo", "<![CDATA[", "<![CDATA[x]]>", "<![cdata.x[ y ]]>", "<![if !mso]>", "<![endif]>",
     "<![INCLUDE[ x ]]>", "<!--[if mso]>x<![endif]-->", "<!DOCTYPE html>", "<!doctype", "<!x>", "<?xml version='1.0'?>",
     "<?", "</", "</>", "</ p>", "<p>", "</p>", "<b>", "</b>", "<br/>", "<script>", "</script>", "<style>", "</style>",
     "<code>", "</code>", "<img alt=\"We noticed you\">", "<a title='Hi' href=x>", "<meta name=description content=\"Hi\">",
     "<input type=submit value=Go>", "<option label=x>", "<p <b>", "<a b=\"", "<svg>", "<math>", "<textarea>",
     "<mj-text>", "</mj-text>", "<mj-button title=x>", "<mj-style>", "<xliff:g id=\"n\">", "</xliff:g>", "<", ">"]
)


@st.composite
def hex_digits(draw: st.DrawFn, most: int) -> str:
    return draw(st.text(alphabet="0123456789abcdefABCDEF", max_size=most))


@st.composite
def numeric_escape(draw: st.DrawFn) -> str:
    """``\\u``/``\\x``/``\\U`` with a well-formed, truncated or out-of-range number, surrogates included."""
    kind = draw(st.sampled_from(["u", "x", "U"]))
    if draw(st.booleans()):
        code = draw(st.one_of(st.integers(0xD800, 0xDFFF), st.integers(0, 0x10FFFF), st.integers(0x110000, 0xFFFFFFFF)))
        width = {"u": 4, "x": 2, "U": 8}[kind]
        return f"\\{kind}{code:0{width}X}"[: 2 + width]
    return "\\" + kind + draw(hex_digits(9))


SURROGATE_PAIRS = st.sampled_from(
    ["\\uD83D\\uDE00", "\\ud83d\\ude00", "\\uDE00\\uD83D", "\\uD83D", "\\uDE00", "\\uD83D\\uD83D\\uDE00",
     "\\uD83D\\u0041", "\\uD83D\\uDE0", "\\uD83D\\", "\\uDBFF\\uDFFF", "\\uD800\\uDC00"]
)
BACKSLASH = st.one_of(
    numeric_escape(),
    SURROGATE_PAIRS,
    st.builds(lambda c: "\\" + c, st.characters(codec="utf-8")),
    st.sampled_from(["\\", "\\\\", "\\\n", "\\\r\n", "\\0", "\\07", "\\377", "\\777", "\\'", '\\"', "\\n", "\\t"]),
)


def copy_text(*extra: st.SearchStrategy[str], size: int = 12) -> st.SearchStrategy[str]:
    """Text of words, template syntax, entities, backslash escapes and the ``extra`` pieces of one grammar."""
    piece = st.one_of(WORDS, TEMPLATE, ENTITY, BACKSLASH, st.text(max_size=4), *extra)
    return st.lists(piece, max_size=size).map("".join)


def line_text(*extra: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return copy_text(*extra).map(lambda s: s.replace("\n", " ").replace("\r", " "))


def lines(entry: st.SearchStrategy[str], size: int = 6) -> st.SearchStrategy[str]:
    return st.lists(entry, max_size=size).map("".join)


# --- one grammar per format ---------------------------------------------------------------------

PROPERTIES = lines(
    st.one_of(
        st.builds(
            lambda key, sep, value, end: key + sep + value + end,
            st.sampled_from(["promo", "help.tip", "url", "a\\ b", "k\\u0041", "  x", "\\", ""]),
            st.sampled_from(["=", ":", " ", " = ", "\t"]),
            copy_text(st.sampled_from(["\\\n  ", "\\\r\n", "#1", "#"])),
            st.sampled_from(["\n", "\r\n", "\\\n", ""]),
        ),
        st.sampled_from(["# comment\n", "! comment\n", "\n", "   \n"]),
    )
)


@st.composite
def android_strings(draw: st.DrawFn) -> str:
    def value() -> str:
        text = draw(copy_text(MARKUP))
        return f"<![CDATA[{text}]]>" if draw(st.booleans()) else text

    entries = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["string", "plurals", "string-array", "translatable"]))
        if kind == "string":
            entries.append(f'<string name="k{len(entries)}">{value()}</string>')
        elif kind == "translatable":
            entries.append(f'<string name="t" translatable="false">{value()}</string>')
        else:
            items = "".join(f'<item quantity="{q}">{value()}</item>' for q in draw(st.lists(st.sampled_from(["one", "other", ""]), max_size=3)))
            entries.append(f'<{kind} name="p">{items}</{kind}>')
    head = draw(st.sampled_from(['<?xml version="1.0" encoding="utf-8"?>\n', "", "<!-- c -->"]))
    tail = draw(st.sampled_from(["</resources>\n", "", "</resources"]))
    return head + "<resources>\n" + "\n".join(entries) + "\n" + tail


PO_ESCAPES = st.sampled_from(["\\x", "\\xZZ", "\\x4", "\\x41", "\\xff", "\\0", "\\101", "\\777", '\\"', "\\", "\\a", "\\q"])
PO = lines(
    st.builds(
        lambda keyword, first, more: f'{keyword} "{first}"\n' + "".join(f'"{m}"\n' for m in more),
        st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]", "msgstr[1]", "#: ref", "#,"]),
        line_text(PO_ESCAPES, st.just('"')),
        st.lists(line_text(PO_ESCAPES), max_size=2),
    )
    | st.sampled_from(["\n", "# comment\n", 'msgid ""\nmsgstr "Content-Type: text/plain\\n"\n', 'msgid "unterminated\n'])
)

FLUENT = lines(
    st.one_of(
        st.builds(lambda key, value: f"{key} = {value}\n", st.sampled_from(["hello", "-brand", "a-b", "x"]), line_text()),
        st.builds(lambda value: f"    .title = {value}\n", line_text()),
        st.builds(lambda value: f"    {value}\n", line_text()),
        st.builds(lambda a, b: f"n = {{ $n ->\n    [one] {a}\n   *[other] {b}\n}}\n", line_text(), line_text()),
        st.sampled_from(["# c\n", "## group\n", "\n", "}\n", "  }\n", "= x\n"]),
    )
)

INI = lines(
    st.one_of(
        st.builds(lambda key, value: f"{key} = {value}\n", st.sampled_from(["title", "url", "a.b", "x y"]), line_text()),
        st.builds(lambda key, value: f'{key} = "{value}"\n', st.sampled_from(["title", "MSG"]), line_text(st.just('\\"'))),
        st.sampled_from(["[section]\n", "[]\n", "[unclosed\n", "; c\n", "# c\n", "=\n", "\n"]),
    )
)

JSON_STRING_PIECE = st.one_of(
    SURROGATE_PAIRS, st.sampled_from(["\\n", "\\t", '\\"', "\\\\", "\\/", "\\b", "\\u00e9", "\\u0000", "\\ud800x"]),
    st.sampled_from([CREEPY_SENTENCE, "Hi ", "café ", "😀", "{{ name }}", "<b>x</b>", "&amp;"]),
)
JSON_STRING = st.lists(JSON_STRING_PIECE, max_size=6).map(lambda parts: '"' + "".join(parts) + '"')
JSON_VALUE = st.recursive(
    JSON_STRING | st.sampled_from(["1", "-0.5e3", "true", "null"]),
    lambda inner: st.lists(inner, max_size=3).map(lambda v: "[" + ", ".join(v) + "]")
    | st.lists(st.tuples(JSON_STRING, inner), max_size=3).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
    max_leaves=8,
)


@st.composite
def json_text(draw: st.DrawFn) -> str:
    text = draw(JSON_VALUE)
    if draw(st.integers(0, 3)) == 0 and text:  # sometimes broken: cut or spliced with junk
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", '"', "\\", "}", ",", "\\u12", "\x00", "\\x41"])) + text[cut:][: draw(st.integers(0, 5))]
    return text


YAML_DOUBLE = st.lists(
    st.one_of(numeric_escape(), SURROGATE_PAIRS, st.sampled_from(["\\N", "\\_", "\\L", "\\P", "\\e", "\\ ", "\\\n  ", "\\q", "\\"]), WORDS),
    max_size=6,
).map(lambda parts: '"' + "".join(parts).replace('"', "") + '"')
YAML_SCALAR = st.one_of(
    YAML_DOUBLE,
    line_text().map(lambda s: "'" + s.replace("'", "''") + "'"),
    line_text().map(lambda s: s.strip() or "x"),
    line_text().map(lambda s: "|\n  " + s + "\n"),
    line_text().map(lambda s: ">-\n  " + s + "\n  " + s + "\n"),
    st.sampled_from(["&a We noticed you", "*a", "!!str 5", "!custom x", "[a, b]", "{a: b}", "~", "? x", "- x"]),
)
YAML = lines(
    st.builds(
        lambda indent, key, value: f"{indent}{key}: {value}\n",
        st.sampled_from(["", "  ", "- "]),
        st.one_of(st.sampled_from(["title", "responses", "text", "id", "version", "a b"]), YAML_DOUBLE),
        YAML_SCALAR,
    )
    | st.sampled_from(["---\n", "...\n", "# c\n", "\n", "%YAML 1.1\n", "key:\n", "  - x\n", "\t- y\n"])
)

MARKDOWN = lines(
    st.one_of(
        copy_text(MARKUP, st.sampled_from(["*", "**", "_", "`", "``", "~~", "[", "](", ")", "![", "<http://x.y>"])),
        st.sampled_from(
            ["# Heading\n", "> quote\n", "- item\n", "1. item\n", "| a | b |\n|---|---|\n| c | d |\n", "```\ncode\n```\n",
             "~~~\n", "    indented\n", "[x]: http://y\n", "---\n", "***\n", "\n\n"]
        ),
        st.builds(lambda value: f"---\ntitle: {value}\ndescription: \"{value}\"\n---\n", line_text()),
        st.builds(lambda value: f"---\ntitle: \"{value}\n  a: [\n---\n", line_text()),
        st.builds(lambda value: f"[{value}](http://x \"t\")", line_text()),
    )
)
MDX = lines(
    st.one_of(
        MARKDOWN,
        st.sampled_from(["import X from 'y'\n\n", "export const a = {b: 1}\n\n", "{/* c */}", "{props.x}\n", "<Foo bar=\"x\">", "</Foo>", "{", "}"]),
    )
)
HTML = lines(copy_text(MARKUP, size=16))

JSX_PIECES = st.sampled_from(
    ["<Text>", "</Text>", "<Preview>", "</Preview>", "<p>", "</p>", "<>", "</>", "<Email.Text>", "</Email.Text>", "{viewCount}",
     "{firstName}", "{user?.lastSeenAt}", '{"Hi "}', "{'it\\u2019s'}", "{`Seen ${n} times`}", "{`a\\u{1F600}\\x41\\`b`}",
     "{a ? 'x' : \"y\"}", "{cond && <b>x</b>}", "{n || 'there'}", "{'a' + b}", "{fmt(lastSeenAt)}", "{xs.map(x => <li>{x}</li>)}",
     "{/* c */}", "{3}", '<Img alt="We saw you &amp; more" src={u} />', "<Button label={label} preview=\"Hi\">", "</Button>",
     '<a title={"T"} href="x">', "</a>", "<style>{`a{}`}</style>", "<CodeBlock>{code}</CodeBlock>", "{...rest}", "{",
     "}", "<", ">", "/>", "</", "`", "${", "'", '"', "\\", "const previewText = `Hi ${name}`;\n", "import x from 'y';\n",
     "const E = () => (\n", ");\n", "E.PreviewProps = { subject: 'Sample' };\n", "{ subject: \"Hi\", a: b }", "<T,>(x: T) => x"]
)
JSX = st.tuples(st.sampled_from(["", "export default () => (\n<Html>", "const E = () => <>"]), lines(copy_text(JSX_PIECES, ENTITY)),
                st.sampled_from(["", "</Html>\n);", "</>;"])).map("".join)
ERB = lines(copy_text(MARKUP, st.sampled_from(
    ["<%= @user.first_name %>", "<%= @user.view_count %>", "<% if x %>", "<% else %>", "<% elsif y %>", "<% end %>", "<%# c %>",
     "<%", "%>", "<%=", "<%%", "<%- x -%>", "<%== raw %>", "<%= link_to 'Go now', url %>", '<%= link_to "a\\"b", u %>',
     "<%= button_to('', x) %>", "<%= t('.hi', name: @n) %>", "<%= \"%>\" %>"]
), size=16))
SVELTE = lines(copy_text(MARKUP, st.sampled_from(
    ["{x}", "{viewCount}", "{#if a}", "{:else}", "{:else if b}", "{/if}", "{@html y}", "{#each xs as x}", "{/each}", "{@render r()}",
     "{#await p}", "{:then v}", "{:catch e}", "{/await}", "{#snippet s(x)}", "{/snippet}", "<script>let a = '{';</script>",
     "<img alt=\"Seen at {place}\" src={u}>", "<p title={t}>", "on:click={() => go()}", "{", "}", "{#", "{:", "{/", "{@"]
), size=16))
VUE_PIECES = st.sampled_from(
    ["<template>", "</template>", "<template v-if=\"a\">", "<template lang=\"pug\">", "<script>", "</script>",
     "<script setup lang=\"ts\">const s = '<template>x</template>'</script>", "<style>p{}</style>", "<i18n>{\"a\": 1}</i18n>",
     "{{ viewCount }}", "{{ a < b }}", ':title="tooltip"', "v-bind:alt=\"product.name\"", '<p :title="t" @click="a > b">', "<!--", "-->",
     "<img :alt='name' src=x>", "<p v-else>", "<template/>"]
)
VUE = lines(copy_text(MARKUP, VUE_PIECES, size=16))


@st.composite
def encoded_word(draw: st.DrawFn) -> str:
    """An RFC 2047 word with an odd charset or encoding, well-formed or not."""
    charset = draw(st.sampled_from(
        ["utf-8", "UTF-8", "us-ascii", "iso-8859-1", "utf-7", "utf-16", "idna", "punycode", "x-unknown", "", "utf-8*en",
         "unicode_escape", "raw_unicode_escape", "rot13", "base64", "zlib", "undefined", "utf-32", "cp1252", "gb2312"]
    ))
    payload = draw(st.one_of(st.binary(max_size=12), st.sampled_from([b"\xe2\x80", b"\xff\xfe", b"+2D3-", b"\\ud800", CREEPY_SENTENCE.encode()])))
    encoding = draw(st.sampled_from(["q", "Q", "b", "B"]))
    if encoding in "qQ":
        body = quopri.encodestring(payload, header=True).decode("ascii").replace("\n", "").replace("?", "=3F")
    else:
        body = base64.b64encode(payload).decode("ascii")
        body = body[: draw(st.integers(0, len(body)))] + draw(st.sampled_from(["", "!!!", "=", "A", "====="]))
    close = draw(st.sampled_from(["?=", "?=", "?", ""]))
    return f"=?{charset}?{encoding}?{body}{close}"


SUBJECT = st.lists(st.one_of(encoded_word(), st.sampled_from([" ", "\n ", "\r\n\t", "Hi", "Ünï", "=?", "?="])), max_size=5).map("".join)
CHARSETS = st.sampled_from(["utf-8", "us-ascii", "iso-8859-1", "utf-7", "utf-16", "idna", "x-unknown", "unicode_escape", "rot13", '""', "utf-8; format=flowed"])
ENCODINGS = st.sampled_from(["7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "x-weird", ""])


@st.composite
def mime_part(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["text/plain", "text/html", "text/calendar", "image/png"]))
    encoding = draw(ENCODINGS)
    body = draw(copy_text(MARKUP))
    if encoding == "base64" and draw(st.booleans()):
        body = base64.b64encode(draw(st.binary(max_size=40)) + body.encode("utf-8", "replace")).decode() + draw(st.sampled_from(["", "!", "="]))
    elif encoding == "quoted-printable":
        body = quopri.encodestring(body.encode("utf-8", "replace")).decode("ascii", "replace") + draw(st.sampled_from(["", "=", "=Z"]))
    params = draw(st.sampled_from(
        ["", "; format=flowed", "; charset*=utf-8''utf%2D8", "; charset*=x-unknown'en'%FF%FE", "; charset=\"=?utf-8?q?x?=\"",
         "; name*0*=utf-8''a; name*1=b", "; charset=\"unterminated"]
    ))
    disposition = draw(st.sampled_from(["", "Content-Disposition: attachment; filename*=x-unknown''a%FF.txt\n", "Content-Disposition: inline\n"]))
    return f"Content-Type: {kind}; charset={draw(CHARSETS)}{params}\nContent-Transfer-Encoding: {encoding}\n{disposition}\n{body}\n"


@st.composite
def eml(draw: st.DrawFn) -> str:
    head = f"From: a@example.com\nSubject: {draw(SUBJECT)}\nMIME-Version: 1.0\n"
    return head + draw(mime_body(2))


@st.composite
def mime_body(draw: st.DrawFn, depth: int) -> str:
    """One part, or a multipart (or message/rfc822) holding more, nested up to ``depth``."""
    kind = draw(st.sampled_from(["part", "part", "multipart", "rfc822"])) if depth else "part"
    if kind == "part":
        return draw(mime_part())
    if kind == "rfc822":
        return f"Content-Type: message/rfc822\n\nSubject: {draw(SUBJECT)}\n" + draw(mime_body(depth - 1))
    parts = draw(st.lists(mime_body(depth - 1), min_size=1, max_size=3))
    boundary = draw(st.sampled_from(["b1", "", "=?x?=", "b1 "]))
    body = "".join(f"--{boundary}\n{part}\n" for part in parts) + draw(st.sampled_from([f"--{boundary}--\n", ""]))
    return f'Content-Type: multipart/{draw(st.sampled_from(["alternative", "mixed", "weird"]))}; boundary="{boundary}"\n\n' + body


GRAMMARS: dict[str, st.SearchStrategy[str]] = {
    "copy.txt": copy_text(MARKUP),
    "copy.md": MARKDOWN,
    "copy.mdx": MDX,
    "copy.html": HTML,
    "copy.mjml": HTML.map(lambda body: f"<mjml><mj-body><mj-text>{body}</mj-text></mj-body></mjml>"),
    "copy.j2": HTML,
    "copy.json": json_text(),
    "copy.yaml": YAML,
    "copy.po": PO,
    "copy.ftl": FLUENT,
    "copy.properties": PROPERTIES,
    "copy.ini": INI,
    "strings.xml": android_strings(),
    "copy.eml": eml(),
    "copy.tsx": JSX,
    "copy.erb": ERB,
    "copy.svelte": SVELTE,
    "copy.vue": VUE,
}


def test_every_reader_has_a_grammar() -> None:
    assert {reader_for(name) for name in GRAMMARS} == {reader_for("x" + suffix) for suffix in READERS}


def _grammar_test(name: str):  # one test per reader, so statistics and failures name it
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(text=GRAMMARS[name])
    def test(text: str) -> None:
        read_or_refuse(name, text)

    return test


test_plaintext_grammar = _grammar_test("copy.txt")
test_markdown_grammar = _grammar_test("copy.md")
test_mdx_grammar = _grammar_test("copy.mdx")
test_html_grammar = _grammar_test("copy.html")
test_mjml_grammar = _grammar_test("copy.mjml")
test_template_grammar = _grammar_test("copy.j2")
test_json_grammar = _grammar_test("copy.json")
test_yaml_grammar = _grammar_test("copy.yaml")
test_gettext_grammar = _grammar_test("copy.po")
test_fluent_grammar = _grammar_test("copy.ftl")
test_properties_grammar = _grammar_test("copy.properties")
test_ini_grammar = _grammar_test("copy.ini")
test_android_grammar = _grammar_test("strings.xml")
test_eml_grammar = _grammar_test("copy.eml")
test_jsx_grammar = _grammar_test("copy.tsx")
test_erb_grammar = _grammar_test("copy.erb")
test_svelte_grammar = _grammar_test("copy.svelte")
test_vue_grammar = _grammar_test("copy.vue")


# --- bytes: BOMs, encodings, undecodable bytes, through the real file reading -----------------

BOMS = {
    "none": (b"", "utf-8"),
    "utf-8": (b"\xef\xbb\xbf", "utf-8"),
    "utf-16-le": (b"\xff\xfe", "utf-16-le"),
    "utf-16-be": (b"\xfe\xff", "utf-16-be"),
    "utf-32-le": (b"\xff\xfe\x00\x00", "utf-32-le"),
    "utf-32-be": (b"\x00\x00\xfe\xff", "utf-32-be"),
}


@st.composite
def file_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(GRAMMARS)))
    text = draw(GRAMMARS[name])
    bom, codec = BOMS[draw(st.sampled_from(sorted(BOMS)))]
    data = bytearray(text.encode(codec, errors="surrogatepass"))
    for _ in range(draw(st.integers(0, 2))):  # undecodable or stray bytes, anywhere
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\x00", b"\x00\xd8", b"\xff\xfe", b"\x80"]))
    if draw(st.booleans()) and data:
        del data[draw(st.integers(0, len(data) - 1)) :]  # cut, perhaps inside a code unit
    return name, bom + bytes(data)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-bytes")


def test_bytes_are_decoded_or_refused_by_name(folder: Path) -> None:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(case=file_bytes())
    def check(case: tuple[str, bytes]) -> None:
        name, data = case
        path = folder / name
        path.write_bytes(data)
        try:
            doc = read_document(str(path))
        except InputError as exc:
            assert exc.path == str(path)
            return
        assert_maps_back(doc)

    check()


# --- end to end: what reaches spaCy, and where findings point ---------------------------------

LINTED = ["copy.properties", "strings.xml", "copy.json", "copy.yaml", "copy.po", "copy.eml", "copy.html", "copy.tsx", "copy.erb",
          "copy.svelte", "copy.vue"]


@settings(max_examples=settings().max_examples // 5 or 1, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(LINTED).flatmap(lambda name: st.tuples(st.just(name), GRAMMARS[name])))
def test_linting_what_readers_yield_finds_exact_positions(case: tuple[str, str]) -> None:
    name, text = case
    doc = read_or_refuse(name, text)
    if doc is None:
        return
    for part in doc.documents():
        for finding in lint_document(part, ruleset()):
            assert finding.text == part.source[finding.start : finding.end], finding
