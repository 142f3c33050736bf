"""HTML pages and email HTML through the stdlib's tolerant parser, positions taken from the source.

Element text and the customer-facing attributes are copy; ``<script>``, ``<style>``, comments
and code are not. Template syntax is neutralised first (same length) so ``{% if a < b %}`` or
``<tr {% if x %}…>`` never confuse the parser. Entities are decoded in the mask where they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from cxlint.document import Document, Placeholder
from cxlint.readers.masking import Mask, line_starts
from cxlint.text.placeholders import mask_templates

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br button caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html label legend li main nav noscript "
    "ol optgroup option p pre section select summary table tbody td textarea tfoot th thead title tr ul".split()
)
COPY_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder", "summary"})
META_COPY = frozenset(
    {"description", "og:title", "og:description", "twitter:title", "twitter:description", "og:site_name", "subject"}
)
_BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
_KNOWN_MARKED_SECTION = re.compile(r"<!\[(?:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9])", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass(frozen=True)
class HtmlSpec:
    """What a markup dialect treats as code, as a block, and which of its attributes are copy."""

    skip: frozenset[str] = frozenset({"script", "style", "code", "kbd", "samp", "var", "svg", "math", "object"})
    block: frozenset[str] = BLOCK_TAGS
    block_prefix: str = ""
    copy_attributes: frozenset[str] = COPY_ATTRIBUTES
    extra: dict[str, frozenset[str]] = field(default_factory=dict)


HTML = HtmlSpec()


def read(path: str, text: str) -> Document:
    mask, placeholders = mask_html(text)
    return Document(path=path, source=text, mask=mask, placeholders=placeholders)


def mask_html(text: str, spec: HtmlSpec = HTML) -> tuple[str, tuple[Placeholder, ...]]:
    """The mask of an HTML text (same length) and the placeholders that stand in its copy."""
    neutral, placeholders = mask_templates(text, text)
    mask = Mask(neutral)
    parser = _CopyParser(neutral, mask, spec)
    parser.feed(_without_dead_openers(neutral))
    parser.close()
    out = mask.text()
    visible = tuple(p for p in placeholders if p.raw == "#" or out[p.start] == neutral[p.start] != " ")
    return out, visible


def _without_dead_openers(text: str) -> str:
    """``text`` with every ``<`` that can open no complete construct made a blank (same length).

    The stdlib parser, meeting a ``<`` whose ``>`` never comes (or a ``<!--`` whose ``-->``, a
    ``<![`` whose ``]>``), searches to the end of the text, gives up, and starts again at the next
    ``<``: quadratic, and 50,000 stray ``<html`` take minutes. An opener after the last possible
    close can never complete, so the parser is spared it; the text around it stays copy.
    """
    for opener, close in _DEAD_OPENERS:
        last = None
        for last in close.finditer(text):
            pass
        end = last.end() if last else 0
        if opener in text[end:]:
            text = text[:end] + text[end:].replace(opener, " " + opener[1:])
    return text


_DEAD_OPENERS = (("<", re.compile(">")), ("<!--", re.compile("-->")), ("<![", re.compile(r"\]\s*>")))


class _CopyParser(HTMLParser):
    """Reveals text and copy attributes in ``mask`` as the parser meets them."""

    def __init__(self, source: str, mask: Mask, spec: HtmlSpec) -> None:
        super().__init__(convert_charrefs=False)
        self._source = source
        self._mask = mask
        self._spec = spec
        self._starts = line_starts(source)
        self._skipping: dict[str, int] = {}

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A marked section the stdlib does not know (``<![foo]>``, ``<![ if]>``) is a bogus comment.

        That is how browsers read it; Python 3.11's ``_markupbase`` raises AssertionError instead.
        CDATA and Office's ``<![if …]>``/``<![endif]>`` keep the stdlib's reading.
        """
        if _KNOWN_MARKED_SECTION.match(self.rawdata, i):
            return super().parse_marked_section(i, report)
        return self.parse_bogus_comment(i, report)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def _is_block(self, tag: str) -> bool:
        return tag in self._spec.block or bool(self._spec.block_prefix and tag.startswith(self._spec.block_prefix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if self._is_block(tag):
            self._mask.block_break(start)
        if tag in self._spec.skip:
            self._skipping[tag] = self._skipping.get(tag, 0) + 1
        if not self._skipping:
            self._reveal_attributes(tag, attrs, start)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if self._is_block(tag):
            self._mask.block_break(start)
        if not self._skipping:
            self._reveal_attributes(tag, attrs, start)

    def handle_endtag(self, tag: str) -> None:
        if self._is_block(tag):
            self._mask.block_break(self._offset())
        count = self._skipping.get(tag)
        if count is not None:
            if count <= 1:
                del self._skipping[tag]
            else:
                self._skipping[tag] = count - 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            start = self._offset()
            self._mask.reveal(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        if self._skipping:
            return
        start = self._offset()
        end = start + length
        if end < len(self._source) and self._source[end] == ";":
            end += 1
        self._mask.reveal_entities(start, end)

    def _reveal_attributes(self, tag: str, attrs: list[tuple[str, str | None]], start: int) -> None:
        wanted = self._copy_attributes(tag, attrs)
        if not wanted:
            return
        raw = self.get_starttag_text() or ""
        name_end = len(tag) + 1
        for match in _ATTRIBUTE.finditer(raw, name_end):
            if match.group(1).lower() not in wanted:
                continue
            group = next((g for g in (2, 3, 4) if match.group(g) is not None), None)
            if group is None:
                continue
            value_start, value_end = start + match.start(group), start + match.end(group)
            self._mask.reveal_entities(value_start, value_end)
            self._mask.block_break(value_start - 1)
            self._mask.block_break(value_end)

    def _copy_attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> frozenset[str]:
        names = {name for name, _ in attrs}
        wanted = set(self._spec.copy_attributes & names) | set(self._spec.extra.get(tag, frozenset()) & names)
        values = {name: (value or "").strip().lower() for name, value in attrs}
        if tag == "meta" and (values.get("name") in META_COPY or values.get("property") in META_COPY):
            wanted.add("content")
        elif tag == "input" and values.get("type") in _BUTTON_INPUTS:
            wanted.add("value")
        elif tag in ("option", "track", "optgroup"):
            wanted.add("label")
        return frozenset(wanted)
