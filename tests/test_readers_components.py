"""Component and server templates: JSX/TSX (React Email), ERB (Rails mailers), Vue and Svelte.

The React Email and Devise fixtures are real templates from public repositories (see the
SOURCE.md beside them). Every check reads through the same path as the CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.channels import infer_channel
from cxlint.document import Document
from cxlint.readers import reader_for
from cxlint.runner import read_document
from cxlint.errors import InputError
from tests.test_positions import slice_at
from tests.test_readers_support import lint_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "components"
YELP = FIXTURES / "react-email" / "yelp-recent-login.tsx"
AIRBNB = FIXTURES / "react-email" / "airbnb-review.tsx"
VERCEL = FIXTURES / "react-email" / "vercel-invite-user.tsx"
RESET = FIXTURES / "rails" / "reset_password_instructions.html.erb"
CONFIRM = FIXTURES / "rails" / "confirmation_instructions.html.erb"
CHANGED = FIXTURES / "rails" / "email_changed.html.erb"
CREEPY = "We noticed you viewed this page 5 times at 2:14 AM."


def read(path: Path | str, text: str | None = None) -> Document:
    name = str(path)
    source = Path(path).read_text(encoding="utf-8") if text is None else text
    reader = reader_for(name)
    assert reader is not None, name
    return reader(name, source)


def shown(doc: Document, text: str) -> bool:
    """``text`` stands in the mask exactly where it stands in the source."""
    at = doc.source.find(text)
    return at != -1 and doc.mask[at : at + len(text)] == text


def hidden(doc: Document, text: str) -> bool:
    """No occurrence of ``text`` in the source is left in the mask."""
    at = doc.source.find(text)
    while at != -1:
        if doc.mask[at : at + len(text)].strip():
            return False
        at = doc.source.find(text, at + 1)
    return True


# --- JSX / TSX ------------------------------------------------------------------------------

def test_react_email_copy_is_read_and_code_is_not() -> None:
    doc = read(YELP)
    for copy in ("Yelp recent login", "We noticed a recent login to your Yelp account.", "Yelp header illustration",
                 "If this was you, there's nothing else you need to do.", "Learn More", "please see our support page."):
        assert shown(doc, copy), copy
    for code in ("import", "react-email", "tailwindConfig", "className", "bg-white", "static/yelp-logo.png", "VERCEL_URL",
                 "'Alan'", "Chrome on Mac OS X", "dateStyle", "colSpan", "620", "YelpRecentLoginEmailProps"):
        assert hidden(doc, code), code


def test_react_email_expressions_are_placeholders_named_by_their_variable() -> None:
    doc = read(YELP)
    assert [(p.name, p.raw) for p in doc.placeholders][:2] == [("userFirstName", "{userFirstName}"), ("formattedDate", "{formattedDate}")]
    vercel = read(VERCEL)
    assert {p.name for p in vercel.placeholders} >= {"invitedByUsername", "teamName", "inviteFromLocation"}
    assert all(vercel.source[p.start : p.end] == p.raw for p in vercel.placeholders)


def test_preview_text_built_in_a_variable_is_copy() -> None:
    doc = read(AIRBNB)
    at = doc.source.index("`Read ${authorName}'s review`")
    assert doc.mask[at + 1 : at + 5] == "Read" and doc.mask[at] == "\u2029"  # its backtick ends a block
    assert any(p.raw == "${authorName}" and p.start == at + 6 for p in doc.placeholders)


def test_a_finding_in_a_react_email_template_points_at_its_characters(tmp_path: Path) -> None:
    source = AIRBNB.read_text(encoding="utf-8").replace("Common questions", CREEPY)
    findings, problems, text = lint_file(tmp_path, "emails/airbnb.tsx", source)
    assert not problems
    [time] = [f for f in findings if f.rule == "CX102"]
    at = source.index(CREEPY) + CREEPY.index("at 2:14")
    assert (time.line, time.column) == (source[:at].count("\n") + 1, at - source.rindex("\n", 0, at))
    assert slice_at(text, time) == time.text == "at 2:14 AM"


def test_real_templates_lint_clean_and_the_security_notice_stays_one(tmp_path: Path) -> None:
    """Code (class names, URLs, sample props) yields nothing; Yelp's "We noticed a recent login" is a security notice."""
    findings, problems, _ = lint_file(tmp_path, "emails/yelp.tsx", YELP.read_text(encoding="utf-8"))
    assert not findings and not problems
    for fixture in (AIRBNB, VERCEL, RESET, CONFIRM, CHANGED):
        found, trouble, _ = lint_file(tmp_path, "emails/" + fixture.name, fixture.read_text(encoding="utf-8"))
        assert not found and not trouble, fixture.name


TSX = """import {{ Html, Text }} from "@react-email/components";
export const Email = ({{ firstName, viewCount }}: Props) => (
  <Html>
    <Text className="intro">{body}</Text>
  </Html>
);
"""


def test_behavioural_expression_is_flagged_and_the_reader_name_is_not(tmp_path: Path) -> None:
    source = TSX.format(body="Hi {firstName}, you've read this guide {viewCount} times.")
    findings, problems, text = lint_file(tmp_path, "email.tsx", source)
    assert not problems
    merge = [f for f in findings if f.rule == "CX110"]
    assert [f.text for f in merge] == ["{viewCount}"]
    [field] = merge
    assert (field.line, field.column) == (4, source.splitlines()[3].index("{viewCount}") + 1)
    assert not any("{firstName}" in f.text for f in findings)


def test_jsx_string_and_template_literal_children_are_copy(tmp_path: Path) -> None:
    source = TSX.format(body='{"We noticed you"} paused at {`2:14 AM ${"."}`}{" "}{cond ? "Yes" : \'Only 2 left \\u2014 hurry!\'}')
    doc = read("email.tsx", source)
    assert shown(doc, "We noticed you") and shown(doc, "2:14 AM") and shown(doc, "Only 2 left ")
    at = source.index("\\u2014")
    assert doc.mask[at] == "\u2014" and doc.mask[at + 1 : at + 6] == "     "


def test_jsx_copy_props_are_copy_and_other_props_are_not() -> None:
    source = ('const E = () => <Section><Img alt="We saw you in Leeds" src="https://x/y.png" className="hero" />'
              '<Button label={"Last chance"} href={url} title={tooltip} style={{color: "red"}} /></Section>;')
    doc = read("e.jsx", source)
    assert shown(doc, "We saw you in Leeds") and shown(doc, "Last chance")
    assert hidden(doc, "https") and hidden(doc, "hero") and hidden(doc, "red") and hidden(doc, "url")
    assert [p.raw for p in doc.placeholders] == ["{tooltip}"]


def test_code_elements_and_sample_data_are_not_copy() -> None:
    source = ("const E = () => <Html><style>{`p { color: red }`}</style><CodeBlock code={x}>We noticed you</CodeBlock>"
              "<Text>Hello</Text></Html>;\nE.PreviewProps = { subject: 'We saw you at 2am', name: 'Alan' };\n"
              "const subject = 'Your order shipped';\n")
    doc = read("e.tsx", source)
    assert hidden(doc, "color") and hidden(doc, "We noticed you") and hidden(doc, "We saw you") and hidden(doc, "Alan")
    assert shown(doc, "Hello") and shown(doc, "Your order shipped")


def test_non_ascii_before_a_finding_keeps_columns_in_code_points(tmp_path: Path) -> None:
    source = "const a = '☕ café 🎉';\nconst E = () => <Text>Café ☕ — We noticed you browsed jackets at 3:05 AM.</Text>;\n"
    findings, _, text = lint_file(tmp_path, "e.tsx", source)
    [time] = [f for f in findings if f.rule == "CX102"]
    assert time.text == slice_at(text, time) == "at 3:05 AM"
    assert time.column == source.splitlines()[1].index("at 3:05") + 1


# --- ERB ------------------------------------------------------------------------------------

def test_devise_mailer_copy_placeholders_and_link_text() -> None:
    doc = read(RESET)
    assert shown(doc, "Someone has requested a link to change your password.")
    assert shown(doc, "Change my password") and hidden(doc, "edit_password_url") and hidden(doc, "link_to")
    quote = doc.source.index("'Change my password'")
    assert doc.mask[quote] == " " and doc.mask[quote + len("'Change my password'") - 1] == " "
    [email] = doc.placeholders
    assert (email.name, email.raw) == ("resource.email", "<%= @resource.email %>")
    assert hidden(read(CONFIRM), "confirmation_token")


def test_erb_branches_are_separate_blocks() -> None:
    doc = read(CHANGED)
    else_at = doc.source.index("<% else %>")
    assert doc.mask[else_at] == "\u2029"
    assert hidden(doc, "unconfirmed_email?") and shown(doc, "We're contacting you to notify you")


def test_erb_behavioural_output_is_flagged_and_positions_are_exact(tmp_path: Path) -> None:
    source = RESET.read_text(encoding="utf-8").replace(
        "<p>If you didn't request this", "<p>You opened this <%= @user.view_count %> times. Hi <%= @user.first_name %>.</p>\n<p>If you didn't request this")
    findings, problems, text = lint_file(tmp_path, "app/views/user_mailer/reset.html.erb", source)
    assert not problems
    [merge] = [f for f in findings if f.rule == "CX110"]
    assert merge.text == slice_at(text, merge) == "<%= @user.view_count %>"
    assert merge.line == source[: source.index("<%= @user.view_count")].count("\n") + 1
    assert not any("first_name" in f.text for f in findings)


# --- Svelte and Vue -------------------------------------------------------------------------

SVELTE = """<script>
  let { firstName, viewCount } = $props();
  const note = "We noticed you";
</script>

<h1>Hi {firstName}, you've read this guide {viewCount} times.</h1>
{#if viewCount > 3}
  <p title="Seen at {place}">Still deciding?</p>
{:else}
  <p>Welcome back.</p>
{/if}
<style>p { color: red; }</style>
"""


def test_svelte_markup_is_copy_and_script_blocks_are_not(tmp_path: Path) -> None:
    doc = read("c.svelte", SVELTE)
    assert hidden(doc, "We noticed you") and hidden(doc, "$props") and hidden(doc, "#if") and hidden(doc, "color")
    assert shown(doc, "Still deciding?") and shown(doc, "Seen at ")
    assert [p.name for p in doc.placeholders] == ["firstName", "viewCount", "place"]
    assert doc.mask[SVELTE.index("{:else}")] == "\u2029"
    findings, _, text = lint_file(tmp_path, "c.svelte", SVELTE)
    assert [f.text for f in findings if f.rule == "CX110"] == ["{viewCount}"]
    assert all(slice_at(text, f) == f.text for f in findings)


VUE = """<script setup>
const html = "<template><p>We noticed you</p></template>";
</script>

<template>
  <div>
    <h1>Hi {{ firstName }}, you've read this guide {{ viewCount }} times.</h1>
    <template v-if="more">
      <p :title="lastSeenAt" @click="open > 1 && go()">Still deciding?</p>
    </template>
    <img v-bind:alt="product.name" :src="url">
  </div>
</template>

<style scoped>p { color: red; }</style>
"""


def test_vue_template_is_copy_and_other_blocks_are_not(tmp_path: Path) -> None:
    doc = read("c.vue", VUE)
    assert hidden(doc, "We noticed you") and hidden(doc, "color") and hidden(doc, "url") and hidden(doc, "go()")
    assert shown(doc, "Still deciding?")
    assert [(p.name, p.syntax) for p in doc.placeholders] == [
        ("firstName", "double"), ("viewCount", "double"), ("lastSeenAt", "vue"), ("product.name", "vue")]
    findings, _, text = lint_file(tmp_path, "c.vue", VUE)
    assert sorted(f.text for f in findings if f.rule == "CX110") == ["lastSeenAt", "{{ viewCount }}"]
    assert all(slice_at(text, f) == f.text for f in findings)


def test_a_vue_template_in_another_language_is_not_read_as_html() -> None:
    doc = read("c.vue", '<template lang="pug">\np We noticed you\n</template>\n')
    assert not doc.mask.strip()


# --- registry, channels, bad input ----------------------------------------------------------

@pytest.mark.parametrize("name", ["a.jsx", "a.tsx", "a.html.erb", "a.text.erb", "a.vue", "a.svelte"])
def test_component_formats_have_readers(name: str) -> None:
    assert reader_for(name) is not None


def test_react_email_and_mailer_views_are_email() -> None:
    assert infer_channel("src/x.tsx", YELP.read_text(encoding="utf-8")) == "email"
    assert infer_channel("app/views/user_mailer/welcome.html.erb") == "email"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bad.tsx", "export const E = () => <Text>We noticed you {viewCount"),
        ("bad.tsx", "<<<>>>{{{}}} ` ${ '\\u{zz}' \\x4"),
        ("bad.jsx", "<Text><b>unclosed <i>tags</Text> and {a ? 'x' :} after"),
        ("bad.erb", "<p>Hi <%= @user.first_name </p><% if %><%# never closed"),
        ("bad.svelte", "{#if a}<p>{x</p>{:else <script>let a = '{'"),
        ("bad.vue", "<template><p>{{ x </p><template v-if='a'>"),
    ],
)
def test_broken_component_templates_are_read_not_crashed(name: str, text: str) -> None:
    doc = read(name, text)
    assert len(doc.mask) == len(text)
    assert all(text[p.start : p.end] == p.raw for p in doc.placeholders)


def test_binary_component_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "logo.tsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert info.value.path == str(path)


def test_an_unclosed_svelte_brace_ends_the_scan_once_and_the_markup_is_still_read() -> None:
    """Each unclosed ``{`` scanned to the end of the file would make a file of them quadratic."""
    from cxlint.readers.svelte import expressions

    text = "<p>{a} {b {c}</p><p>We noticed you</p><script>let s = '{';</script>"
    assert expressions(text) == [(3, 6)]
    assert expressions("<script>if (a) { b() }</script><p>{x}</p>") == [(34, 37)]
    assert expressions("<p>{'}'} {`${a}`}</p>") == [(3, 8), (9, 17)]
    assert shown(read("c.svelte", text), "We noticed you")


def test_vue_tags_that_never_close_are_given_up_at_the_next_opener() -> None:
    from cxlint.readers.vue import template_blocks

    text = "<template " * 3 + '<template>\n<template v-if="a < b"><p>In</p></template>\n<p>Out</p>\n</template><script>x</script>'
    [(start, end)] = template_blocks(text)
    assert text[start:end] == '\n<template v-if="a < b"><p>In</p></template>\n<p>Out</p>\n'
