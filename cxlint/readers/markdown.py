"""Markdown as an offset-preserving mask: code, URLs, comments and markup are blanked in place."""

from __future__ import annotations

import re

from cxlint.document import BLOCK_BREAK, Document
from cxlint.text.placeholders import mask_templates

_COPY_FRONT_MATTER_KEYS = frozenset(
    {"title", "description", "subject", "preheader", "preview", "summary", "excerpt", "heading", "subtitle", "cta"}
)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|(?<=\])\[[^\]\n]*\]")
_REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?/?>")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<!\\)(?:\*\*|__|~~)|(?<![\w\\])[*_](?=\S)|(?<=\S)(?<!\\)[*_](?![\w])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_LINK_BRACKET = re.compile(r"!?\[(?=[^\]\n]*\](?:\(|\[))|(?<=[^\\])\](?=\s*(?:\(|\[))")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE)


def read(path: str, text: str) -> Document:
    mask = list(text)
    _mask_front_matter(text, mask)
    for match in _LINK_BRACKET.finditer(text):
        _blank(mask, match.start(), match.end())
    for pattern in (_FENCE, _HTML_COMMENT, _INLINE_CODE, _LINK_TARGET, _REF_DEFINITION, _AUTOLINK, _TABLE_RULE):
        for match in pattern.finditer(text):
            _blank(mask, match.start(), match.end())
    masked, placeholders = mask_templates(text, "".join(mask))
    mask = list(masked)
    for pattern in (_HTML_TAG, _HEADING, _EMPHASIS, _ESCAPE):
        for match in pattern.finditer("".join(mask)):
            _blank(mask, match.start(), match.end())
    for match in _TABLE_ROW.finditer(text):
        for index in range(match.start(), match.end()):
            if mask[index] == "|":
                mask[index] = BLOCK_BREAK  # a table cell ends a sentence
    return Document(path=path, source=text, mask="".join(mask), placeholders=placeholders)


def _mask_front_matter(text: str, mask: list[str]) -> None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return
    body_start = match.start(1)
    _blank(mask, 0, match.end())
    offset = body_start
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _COPY_FRONT_MATTER_KEYS and value.strip():
            value_start = offset + len(key) + 1
            stripped = value.strip().strip("'\"")
            inner = text.find(stripped, value_start, offset + len(line)) if stripped else -1
            if inner != -1:
                mask[inner : inner + len(stripped)] = list(stripped)
        offset += len(line) + 1


def _blank(mask: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if mask[index] != "\n":
            mask[index] = " "
