from __future__ import annotations

from pathlib import Path

from cxlint.document import BLOCK_BREAK
from cxlint.readers.html import mask_html
from cxlint.readers.mjml import read as read_mjml
from tests.test_readers_support import assert_exact, lint_file, texts

PAGE = """<!DOCTYPE html>
<html><head><title>Hi &amp; welcome</title>
<meta name="description" content="We spotted you browsing winter coats again.">
<meta property="og:description" content="Only today">
<meta name="viewport" content="we noticed you">
<style>.x { content: "we noticed you" }</style>
<script>var s = "We spotted you browsing";</script></head>
<body>
<div class="preheader" style="display:none">You paused episode 4 at 1:52 AM.</div>
<!-- We spotted you browsing -->
<p>Caf&eacute; fans: we spotted&nbsp;you browsing winter coats again.</p>
<img src="a.png" alt="Guaranteed results or your money back">
<input type="text" placeholder="Your email" value="we noticed you">
<table><tr><td>Our promise</td><td>Guaranteed results</td></tr></table>
</body></html>
"""


def test_text_and_copy_attributes_are_read_code_and_comments_are_not(tmp_path: Path) -> None:
    findings, problems, source = lint_file(tmp_path, "page.html", PAGE)
    assert not problems
    assert_exact(findings, source)
    found = texts(findings)
    assert "we spotted&nbsp;you" in found  # the entity stays in the source slice
    assert "at 1:52 AM" in found  # hidden preheader text is copy
    assert any("Guaranteed results" in t for t in found)
    lines = {f.line for f in findings}
    assert 6 not in lines and 7 not in lines and 10 not in lines  # style, script, comment
    assert 5 not in lines  # meta viewport is not copy


def test_entities_decode_in_place_and_keep_length() -> None:
    mask, _ = mask_html("<p>Tom &amp; Jerry&#39;s</p>")
    assert mask[3:] == "Tom &     Jerry'    s" + BLOCK_BREAK + "   "
    assert len(mask) == len("<p>Tom &amp; Jerry&#39;s</p>")


def test_block_elements_and_cells_end_sentences() -> None:
    mask, _ = mask_html("<td>One</td><td>two</td><br>three<li>four")
    assert mask.count(BLOCK_BREAK) >= 4
    assert "One" in mask and "two" in mask


def test_templates_in_html_never_confuse_the_parser() -> None:
    source = '<p>{% if a < b %}Hi {{ user.first_name }}{% else %}Hello{% endif %}</p><p>after</p>'
    mask, placeholders = mask_html(source)
    assert [p.name for p in placeholders] == ["user.first_name"]
    assert "Hello" in mask and "after" in mask and "if" not in mask
    assert BLOCK_BREAK in mask[mask.index("Hi") : mask.index("Hello")]


def test_placeholders_in_urls_are_not_copy() -> None:
    _, placeholders = mask_html('<a href="https://x/{{ token }}">Open</a>')
    assert placeholders == ()


def test_deeply_nested_html_is_read(tmp_path: Path) -> None:
    content = "<div>" * 50_000 + "We spotted you browsing winter coats again." + "</div>" * 50_000
    findings, problems, source = lint_file(tmp_path, "deep.html", content)
    assert not problems and findings
    assert_exact(findings, source)


def test_mjml_text_button_preview_are_copy_and_channel_is_email(tmp_path: Path) -> None:
    content = """<mjml><mj-head><mj-title>Your order</mj-title><mj-preview>We spotted you browsing winter coats again.</mj-preview>
<mj-style>.a { color: red }</mj-style></mj-head><mj-body><mj-section><mj-column>
<mj-text>You paused episode 4 at 1:52 AM.</mj-text><mj-button href="https://x">Guaranteed results</mj-button>
<mj-image alt="or your money back" src="x.png"/></mj-column></mj-section></mj-body></mjml>"""
    findings, problems, source = lint_file(tmp_path, "welcome.mjml", content)
    assert not problems
    assert_exact(findings, source)
    assert {"We spotted you", "at 1:52 AM"} <= set(texts(findings))
    assert all(f.channel == "email" for f in findings)
    doc = read_mjml("x.mjml", content)
    assert "color" not in doc.mask


def test_email_html_is_inferred_as_email(tmp_path: Path) -> None:
    content = '<html><head><meta name="x-apple-disable-message-reformatting"></head><body><p>We spotted you browsing winter coats again.</p></body></html>'
    findings, _, _ = lint_file(tmp_path, "page.html", content)
    assert findings and all(f.channel == "email" for f in findings)
