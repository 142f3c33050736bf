from __future__ import annotations

from pathlib import Path

from cxlint.document import BLOCK_BREAK
from cxlint.readers.android import read as read_android
from cxlint.readers.fluent import read as read_fluent
from tests.test_readers_support import assert_exact, lint_file, texts


def pointers(findings: list) -> list[str]:
    return [dict(f.extra).get("pointer") for f in findings]


def test_po_msgid_and_msgstr_across_lines(tmp_path: Path) -> None:
    content = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: src/nudge.py:3
msgctxt "nudge"
msgid "We spotted you "
"browsing winter coats again."
msgstr "We spotted you browsing winter coats again."

msgid "%(count)s items \\"left\\""
msgstr ""
'''
    findings, problems, source = lint_file(tmp_path, "messages.po", content)
    assert not problems
    assert_exact(findings, source)
    assert texts(findings) == ["We spotted you", "We spotted you"]
    assert pointers(findings) == ["/nudge/msgid", "/nudge/msgstr"]


def test_fluent_values_attributes_and_select_branches(tmp_path: Path) -> None:
    content = """# Comment: We spotted you browsing winter coats again.
-brand = Northwind
nudge = We spotted you browsing { -brand } coats again.
    .title = You paused episode 4 at 1:52 AM.
items-left = { $count ->
    [one] Only one left, guaranteed results!
   *[other] Only { $count } left, guaranteed results!
}
"""
    findings, problems, source = lint_file(tmp_path, "app.ftl", content)
    assert not problems
    assert_exact(findings, source)
    assert [f.line for f in findings if f.category == "barista"] == [3, 4]
    assert "/nudge/title" in pointers(findings)
    doc = read_fluent("x.ftl", content)
    assert "[one]" not in doc.mask and "other" not in doc.mask and BLOCK_BREAK in doc.mask
    assert {p.name for p in doc.placeholders} == {"brand", "count"}


def test_properties_with_continuations_and_unicode_escapes(tmp_path: Path) -> None:
    content = "# comment we spotted you\nnudge.text = We spotted you \\\n    browsing winter coats again.\nlink.url = https://x.example/we-spotted-you\ncaf\\u00e9 = Caf\\u00e9 fans: we spotted you browsing.\n"
    findings, problems, source = lint_file(tmp_path, "app.properties", content)
    assert not problems
    assert_exact(findings, source)
    assert [f.line for f in findings] == [2, 5]
    assert pointers(findings)[0] == "/nudge.text"


def test_ini_sections_quotes_and_html(tmp_path: Path) -> None:
    content = '; comment we spotted you\n[emails]\nnudge="We spotted you browsing <strong>winter coats</strong> again."\nurl="https://x"\n'
    findings, problems, source = lint_file(tmp_path, "messages.ini", content)
    assert not problems
    assert_exact(findings, source)
    assert texts(findings) == ["We spotted you"] and pointers(findings) == ["/emails/nudge"]


def test_android_strings(tmp_path: Path) -> None:
    content = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="nudge">We spotted you browsing <b>winter coats</b> again. Don\\'t wait!</string>
    <string name="api_key" translatable="false">We spotted you browsing</string>
    <plurals name="left">
        <item quantity="one">You paused episode 4 at 1:52 AM.</item>
        <item quantity="other"><xliff:g id="n">%1$d</xliff:g> left</item>
    </plurals>
</resources>
"""
    findings, problems, source = lint_file(tmp_path, "strings.xml", content)
    assert not problems
    assert_exact(findings, source)
    assert [f.line for f in findings] == [3, 6, 7]  # line 7: "%1$d left" is scarcity bound to a live count (info)
    assert [f.severity for f in findings if f.line == 7] == ["info"]
    assert pointers(findings) == ["/nudge", "/left/one", "/left/other"]
    doc = read_android("strings.xml", content)
    assert "Don' t wait" in doc.mask
    assert [p.raw for p in doc.placeholders] == ["%1$d"]


def test_other_xml_is_empty_not_an_error() -> None:
    assert read_android("pom.xml", "<project><name>We spotted you browsing</name></project>").mask.strip() == ""
