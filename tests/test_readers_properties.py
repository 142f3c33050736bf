"""Property: for every reader, every finding's ``text`` is the source slice at its (line, column).

Copy is generated with multi-byte characters, tabs, entities and CRLF line endings around a
planted phrase that must be found; positions are recomputed here without ``LineIndex``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL
from cxlint.engine.linter import lint_document
from cxlint.readers import reader_for
from tests.test_readers_support import CREEPY, ruleset, source_slice

WORDS = ["café", "naïve", "漢字", "😀", "Zoë", "tab\there", "ok", "fine", "today", "ß", "ﬁne", "—", "e\u0301"]
ENTITY_WORDS = WORDS + ["&amp;", "&eacute;", "&#8217;", "&nbsp;"]


def filler(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=0, max_size=8).map(lambda ws: (" ".join(ws) + ".") if ws else "")


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


FORMATS: dict[str, Callable[[str, str, str], str]] = {
    "x.txt": lambda a, b, n: f"{a}{n}{n}{CREEPY} {b}{n}",
    "x.md": lambda a, b, n: f"# {a}{n}{n}| {a} | x |{n}|---|---|{n}| {CREEPY} | {b} |{n}{n}- **{b}** {CREEPY}{n}",
    "x.mdx": lambda a, b, n: f"import X from 'y'{n}{n}<X>{a}</X>{n}{n}{CREEPY} {b}{n}",
    "x.html": lambda a, b, n: f"<html><body>{n}<p>{a}</p><p>{CREEPY}</p>{n}<img alt=\"{CREEPY}\"><td>{b}</td></body></html>{n}",
    "x.mjml": lambda a, b, n: f"<mjml><mj-body>{n}<mj-text>{a} {CREEPY}</mj-text>{n}<mj-button>{b}</mj-button></mj-body></mjml>{n}",
    "x.twig": lambda a, b, n: f"{{% if x %}}{a}{{% else %}}{CREEPY} {{{{ name }}}}{{% endif %}}{n}<p>{b}</p>{n}",
    "x.json": lambda a, b, n: f"{{{n}  \"a\": {q(a)},{n}  \"b\": [{q(CREEPY + ' ' + b)}]{n}}}{n}",
    "x.yaml": lambda a, b, n: f"a: {q(a)}{n}b:{n}  - {q(CREEPY)}{n}  - {q(b)}{n}",
    "x.po": lambda a, b, n: f"msgid {q(a)}{n}msgstr \"\"{n}{n}msgid {q(CREEPY)}{n}{q(' ' + b)}{n}msgstr {q(CREEPY)}{n}",
    "x.ftl": lambda a, b, n: f"a = {a or 'x'}{n}b = {CREEPY}{n}    .title = {b or 'y'}{n}",
    "x.properties": lambda a, b, n: f"a = {a}{n}b = {CREEPY} {b}{n}",
    "x.ini": lambda a, b, n: f"[s]{n}a = \"{a}\"{n}b = \"{CREEPY} {b}\"{n}",
    "strings.xml": lambda a, b, n: f"<resources>{n}<string name=\"a\">{a}</string>{n}<string name=\"b\">{CREEPY} {b}</string>{n}</resources>{n}",
    "x.eml": lambda a, b, n: f"Subject: {CREEPY}{n}Content-Type: text/plain; charset=utf-8{n}{n}{a}{n}{CREEPY} {b}{n}",
}
ENTITY_FORMATS = {"x.md", "x.mdx", "x.html", "x.mjml", "x.twig", "strings.xml"}


def check(name: str, a: str, b: str, newline: str) -> None:
    source = FORMATS[name](a, b, newline)
    reader = reader_for(name)
    assert reader is not None
    doc = reader(name, source)
    assert len(doc.mask) == len(source)
    assert_mask_stands_on_source(doc.mask, source)
    findings = [f for part in doc.documents() if part is doc for f in lint_document(part, ruleset())]
    assert any(f.text == "We spotted you" for f in findings), (name, doc.mask)
    for finding in findings:
        assert finding.text == source_slice(source, finding) == source[finding.start : finding.end]


def assert_mask_stands_on_source(mask: str, source: str) -> None:
    """Every visible mask character is the source character, or a decoded entity/escape at its start."""
    for index, char in enumerate(mask):
        if char.isspace() or char in (PLACEHOLDER_FILL, BLOCK_BREAK):
            continue
        assert char == source[index] or source[index] in "&\\", (index, char, source[index - 5 : index + 5])


def make_test(name: str) -> Callable[[], None]:
    words = ENTITY_WORDS if name in ENTITY_FORMATS else WORDS

    @settings(max_examples=30, deadline=None)
    @given(a=filler(words), b=filler(words), newline=st.sampled_from(["\n", "\r\n"]))
    def test(a: str, b: str, newline: str) -> None:
        check(name, a, b, newline)

    test.__name__ = f"test_positions_are_exact_in_{name.replace('.', '_')}"
    return test


for _name in FORMATS:
    _test = make_test(_name)
    globals()[_test.__name__] = _test


def test_mozilla_numbered_plural_arguments_are_placeholders() -> None:
    from cxlint.readers.properties import read

    doc = read("browser.properties", "trackers=#1 Blocked;#1 Blocked\n")
    assert [p.raw for p in doc.placeholders] == ["#1", "#1"]
    assert "#1" not in doc.mask and "Blocked" in doc.mask
