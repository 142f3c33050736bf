from __future__ import annotations

from pathlib import Path

from cxlint.document import BLOCK_BREAK
from cxlint.readers.markdown import read
from cxlint.readers.mdx import read as read_mdx
from tests.test_readers_support import assert_exact, lint_file, texts

DOC = """---
title: We spotted you browsing winter coats again.
slug: we-noticed-you
---
# Caf\u00e9 news &amp; *more*

| Plan | Promise |
|------|---------|
| Pro \\| Max | [Guaranteed results](https://x.example/we-noticed-you) |

> We spotted **you browsing** winter coats again.

- You paused episode 4 at 1:52 AM.
- `we noticed you` in code
- Hi *|FNAME|*, {% if vip %}VIP{% else %}friend{% endif %}

<div class="note">You paused episode 4 at 1:52 AM.</div>

```
We spotted you browsing winter coats again.
```
"""


def test_markdown_copy_is_found_at_exact_positions(tmp_path: Path) -> None:
    findings, problems, source = lint_file(tmp_path, "post.md", DOC)
    assert not problems
    assert_exact(findings, source)
    by_line = {f.line: f.text for f in findings}
    assert by_line[2] == "We spotted you"  # front matter title
    assert 3 not in by_line  # slug is not copy
    assert by_line[9] == "Guaranteed results"  # link text, not its URL
    assert by_line[11] == "We spotted **you"  # emphasis across words
    assert by_line[13] == "at 1:52 AM"
    assert by_line[17] == "at 1:52 AM"  # HTML block read as HTML
    assert 14 not in by_line and 20 not in by_line  # code span and fence


def test_markup_is_blank_and_entities_and_escapes_decode_in_place() -> None:
    doc = read("x.md", "# Tom &amp; \\*Jerry\\*\n")
    assert doc.mask == "  Tom &      *Jerry *" + BLOCK_BREAK
    assert len(doc.mask) == len(doc.source)


def test_table_cells_and_headings_end_sentences() -> None:
    doc = read("x.md", "# Title\nBody text\n\n| a | b |\n|---|---|\n| one | two |\n")
    assert doc.mask.count(BLOCK_BREAK) >= 4
    title_end = doc.mask.index("Title") + len("Title")
    assert doc.mask[title_end] == BLOCK_BREAK


def test_template_syntax_is_not_emphasis_or_code() -> None:
    doc = read("x.md", "{% if vip %}    Hello VIP{% endif %} *|FNAME|*\n")
    assert "Hello VIP" in doc.mask
    assert [p.name for p in doc.placeholders] == ["FNAME"]


def test_crlf_and_tabs_keep_positions(tmp_path: Path) -> None:
    content = "# Hi\r\n\r\nHello\tthere. We spotted you browsing winter coats again.\r\n\r\n- Guaranteed results\r\n"
    findings, _, source = lint_file(tmp_path, "crlf.md", content)
    assert {"We spotted you", "Guaranteed results"} <= set(texts(findings))
    assert_exact(findings, source)


def test_mdx_skips_esm_and_jsx_comments(tmp_path: Path) -> None:
    content = """---
title: Pricing
---
import { Banner } from "../components/banner"
export const meta = {
  note: "We spotted you browsing winter coats again.",
}

{/* We spotted you browsing winter coats again. */}

<Banner kind="info">You paused episode 4 at 1:52 AM.</Banner>

Guaranteed results for every team.
"""
    findings, problems, source = lint_file(tmp_path, "pricing.mdx", content)
    assert not problems
    assert_exact(findings, source)
    assert [f.line for f in findings] == [11, 13]
    assert "import" not in read_mdx("x.mdx", content).mask
