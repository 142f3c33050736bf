"""Markdown (CommonMark + GFM tables and strikethrough) through markdown-it-py, positions kept.

markdown-it gives each block its source lines; inside a block, every text token is aligned
back onto those lines (escapes and entities decoded in place), so only the characters a reader
sees are revealed. Link text is copy, URLs are not; HTML blocks and inline tags are read as
HTML; front matter keys that hold copy (title, description, subject, preheader…) are linted.
Template syntax is swapped for same-length filler before parsing so ``*|FNAME|*`` or
``{% if %}`` never turn into emphasis or indented code.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL, Document, Placeholder
from cxlint.readers.masking import ENTITY, Mask, line_starts
from cxlint.readers.plain_blocks import paragraph_ends
from cxlint.text.diff import changed_positions
from cxlint.text.placeholders import mask_templates

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

COPY_FRONT_MATTER_KEYS = frozenset(
    {"title", "description", "subject", "preheader", "preview", "summary", "excerpt", "heading", "subtitle", "cta",
     "headline", "tagline", "lead", "intro", "og_title", "og_description", "meta_description", "seo_title",
     "seo_description", "preview_text", "pretitle", "button", "label", "question", "answer", "quote", "caption",
     "alt", "text", "body", "content", "message", "tldr"}
)
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def read(path: str, text: str) -> Document:
    return read_prepared(path, text, text)


def read_prepared(path: str, source: str, prepared: str) -> Document:
    """Read ``source``; ``prepared`` is it with non-Markdown parts (MDX code) already blanked."""
    neutral, placeholders = mask_templates(source, prepared)
    changed = list(changed_positions(neutral, prepared)) if neutral != prepared else []
    parse_text = prepared
    if changed:  # template syntax becomes filler, so it never parses as emphasis or code
        filler = list(prepared)
        for index in changed:
            if prepared[index] != "\n":
                filler[index] = PLACEHOLDER_FILL
        parse_text = "".join(filler)
    mask, html_placeholders = _mask_markdown(path, parse_text)
    out = mask
    if changed:
        chars = list(mask)
        for index in changed:
            if chars[index] == PLACEHOLDER_FILL:
                chars[index] = neutral[index]
        out = "".join(chars)
    html_placeholders = tuple(p for p in html_placeholders if source.startswith(p.raw, p.start))  # not made of filler
    visible = tuple(p for p in placeholders if out[p.start] == PLACEHOLDER_FILL) + html_placeholders
    return Document(path=path, source=source, mask=out, placeholders=tuple(sorted(visible, key=lambda p: p.start)))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(front_matter_plugin)


def _mask_markdown(path: str, text: str, plain: bool = True) -> tuple[str, tuple[Placeholder, ...]]:
    """The mask of ``text`` and its HTML placeholders; ``plain=False`` has the parser read a text of
    plain paragraphs too (the tests compare both)."""
    mask = Mask(text)
    ends = paragraph_ends(text) if plain else None
    if ends is not None:  # nothing but plain paragraphs: every character is copy
        mask.reveal(0, len(text))
        for end in ends:
            mask.block_break(end)
        return mask.text(), ()
    starts = line_starts(text) + [len(text)]
    placeholders: list[Placeholder] = []

    def offset(line: int) -> int:
        return starts[min(line, len(starts) - 1)]

    for token in _parser().parse(text):
        if token.map is None:
            continue
        start, end = offset(token.map[0]), offset(token.map[1])
        if token.type == "front_matter":
            _front_matter(path, text, mask, start, end)
        elif token.type == "html_block":
            _splice_html(mask, text, start, end, placeholders)
        elif token.type == "inline":
            last = _Inline(text, mask, start, end, placeholders).run(token.children or [])
            mask.block_break(last)
    return mask.text(), tuple(placeholders)


def _splice_html(mask: Mask, text: str, start: int, end: int, placeholders: list[Placeholder]) -> None:
    from cxlint.readers.html import mask_html  # html.parser's patterns cost a Markdown file without HTML a tenth of its run

    sub, found = mask_html(text[start:end])
    mask.splice(start, sub)
    placeholders.extend(Placeholder(p.start + start, p.end + start, p.name, p.raw, p.syntax) for p in found)


def _front_matter(path: str, text: str, mask: Mask, start: int, end: int) -> None:
    from cxlint.errors import InputError
    from cxlint.readers.yamlfile import reveal_scalars

    body_start = text.find("\n", start, end) + 1
    body_end = text.rfind("\n", body_start, max(body_start, end - 1))
    if body_start <= 0 or body_end <= body_start:
        return
    if _reveal_flat_front_matter(text, mask, body_start, body_end):
        return
    try:
        reveal_scalars(path, text[body_start:body_end], mask, frozenset(), COPY_FRONT_MATTER_KEYS, body_start)
    except InputError:
        pass  # front matter that is not YAML (TOML, broken): not copy


_FLAT_LINE = re.compile(
    r"[ \t]*(?:#.*)?|[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>[^\n]*?))?[ \t]*"
)
_SCALAR = re.compile(r"\"(?P<dq>[^\"\\\n]*)\"|'(?P<sq>[^'\n]*)'|(?P<plain>[^'\"\[\]{}&*!|>%@`#,\s][^\n]*)")


def _reveal_flat_front_matter(text: str, mask: Mask, start: int, end: int) -> bool:
    """Front matter of one-line ``key: value`` entries (also in lists of mappings, as FAQs are written),
    read without a YAML parser: most real front matter is this simple.

    Returns False, changing nothing, when any line needs real YAML (escapes, block scalars, flow
    collections, multi-line or list scalars); the caller then uses the YAML reader.
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        match = _FLAT_LINE.fullmatch(line.rstrip("\r"))
        if match is None:
            return False
        value = match.group("value")
        if value:
            scalar = _SCALAR.fullmatch(value)
            if scalar is None or (scalar.group("plain") is not None and (": " in value or " #" in value)):
                return False
            if match.group("key").lower() in COPY_FRONT_MATTER_KEYS:
                group = next(g for g in ("dq", "sq", "plain") if scalar.group(g) is not None)
                value_start = pos + match.start("value") + scalar.start(group)
                spans.append((value_start, value_start + len(scalar.group(group))))
        pos += len(line) + 1
    for value_start, value_end in spans:
        mask.reveal(value_start, value_end)
        mask.block_break(value_start - 1)
        mask.block_break(value_end)
    return True


class _Inline:
    """Aligns one inline token's children onto the source lines ``[start, end)``."""

    def __init__(self, text: str, mask: Mask, start: int, end: int, placeholders: list[Placeholder]) -> None:
        self.text = text
        self.mask = mask
        self.cursor = start
        self.limit = end
        self.last = start
        self.placeholders = placeholders

    def run(self, children: list[Token]) -> int:
        skipping_autolink = False
        for child in children:
            kind = child.type
            if skipping_autolink:
                skipping_autolink = kind != "link_close"
                if not skipping_autolink:
                    self._skip_past(">")
                continue
            if kind == "text" and child.content:
                self._align(child.content)
            elif kind == "image":
                for alt in child.children or []:
                    if alt.type == "text" and alt.content:
                        self._align(alt.content)
                self._skip_destination()
            elif kind == "link_open" and child.markup == "autolink":
                skipping_autolink = True
            elif kind == "link_close":
                self._skip_destination()
            elif kind == "code_inline":
                self._skip_code(child.markup, child.content)
            elif kind == "html_inline":
                self._inline_html(child.content)
        return self.last

    def _align(self, content: str) -> None:
        text, limit = self.text, self.limit
        exact = text.find(content, self.cursor, limit)
        stop = exact if exact != -1 else limit
        first = content[0]
        for candidate in range(self.cursor, stop):
            char = text[candidate]
            if char == first or char == "\\" or char == "&":
                ops = _match(content, text, candidate, limit)
                if ops is not None:
                    self._apply(ops)
                    return
        if exact != -1:
            self._apply([(exact, exact + len(content), None)])

    def _apply(self, ops: list[tuple[int, int, str | None]]) -> None:
        for start, end, decoded in ops:
            if decoded is None:
                self.mask.reveal(start, end)
            else:
                self.mask.write(start, end, decoded)
        self.cursor = self.last = ops[-1][1]

    def _skip_destination(self) -> None:
        """After a link's text: step over ``](url "title")`` or ``][ref]``."""
        text, pos = self.text, self.cursor
        while pos < self.limit and text[pos] in " \t":
            pos += 1
        if pos >= self.limit or text[pos] != "]":
            return
        pos += 1
        if pos < self.limit and text[pos] == "(":
            depth = 0
            while pos < self.limit:
                if text[pos] == "\\":
                    pos += 2
                    continue
                if text[pos] == "(":
                    depth += 1
                elif text[pos] == ")":
                    depth -= 1
                    if depth == 0:
                        pos += 1
                        break
                pos += 1
        elif pos < self.limit and text[pos] == "[":
            close = text.find("]", pos, self.limit)
            pos = close + 1 if close != -1 else pos
        self.cursor = min(pos, self.limit)

    def _skip_code(self, markup: str, content: str) -> None:
        opening = self.text.find(markup, self.cursor, self.limit)
        if opening == -1:
            return
        closing = self.text.find(markup, opening + len(markup) + max(len(content) - 2, 0), self.limit)
        self.cursor = closing + len(markup) if closing != -1 else opening + len(markup)

    def _skip_past(self, char: str) -> None:
        found = self.text.find(char, self.cursor, self.limit)
        if found != -1:
            self.cursor = found + 1

    def _inline_html(self, content: str) -> None:
        found = self.text.find(content, self.cursor, self.limit)
        if found == -1:
            return
        _splice_html(self.mask, self.text, found, found + len(content), self.placeholders)
        if BLOCK_BREAK in self.mask.chars[found : found + 1]:
            self.last = found
        self.cursor = found + len(content)


def _match(content: str, text: str, pos: int, limit: int) -> list[tuple[int, int, str | None]] | None:
    """How ``content`` (decoded text) lies at ``text[pos:]``: literal runs, escapes and entities."""
    ops: list[tuple[int, int, str | None]] = []
    index, size = 0, len(content)
    run_start = pos
    while index < size:
        if pos >= limit:
            return None
        char, want = text[pos], content[index]
        if char == "&":
            entity = ENTITY.match(text, pos, limit)
            if entity is not None:
                decoded = html.unescape(entity.group(0))
                if decoded != entity.group(0) and content.startswith(decoded, index):
                    _close_run(ops, run_start, pos)
                    ops.append((pos, entity.end(), decoded))
                    pos, index, run_start = entity.end(), index + len(decoded), entity.end()
                    continue
        if char == "\\" and want in _PUNCTUATION and pos + 1 < limit and text[pos + 1] == want:
            _close_run(ops, run_start, pos)
            pos += 1
            run_start = pos
        elif char != want:
            return None
        pos += 1
        index += 1
    _close_run(ops, run_start, pos)
    return ops


def _close_run(ops: list[tuple[int, int, str | None]], start: int, end: int) -> None:
    if end > start:
        ops.append((start, end, None))
