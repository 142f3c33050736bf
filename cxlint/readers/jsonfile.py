"""JSON string files (chatbot flows, onboarding screens, CMS exports): each string value with its pointer.

A small iterative scanner rather than ``json.loads``: it keeps every string's source offsets,
names it by JSON Pointer, refuses nesting deeper than ``MAX_DEPTH`` instead of recursing, and
reports invalid JSON with its line.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Segment
from cxlint.errors import InputError
from cxlint.readers.escapes import UTF16_ESCAPE, utf16_escape
from cxlint.readers.masking import Mask
from cxlint.readers.structured import NOT_COPY_KEYS, is_copy, json_pointer
from cxlint.text.placeholders import mask_templates

MAX_DEPTH = 512
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")
_SPACE = re.compile(r"[ \t\r\n]*")
_ESCAPE = re.compile(rf"\\(?:{UTF16_ESCAPE}|.)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "r": " "}


def read(path: str, text: str, skip_keys: frozenset[str] = NOT_COPY_KEYS) -> Document:
    mask = Mask(text)
    segments = [
        Segment(start, end, json_pointer(parts))
        for start, end, parts in scan_strings(path, text)
        if is_copy(parts, text[start:end], skip_keys)
    ]
    for segment in segments:
        reveal_json_string(mask, segment.start, segment.end)
        mask.block_break(segment.start - 1)
        mask.block_break(segment.end)
    masked, placeholders = mask_templates(text, mask.text())
    return Document(path=path, source=text, mask=masked, placeholders=placeholders, segments=tuple(segments))


def reveal_json_string(mask: Mask, start: int, end: int) -> None:
    """Reveal a string's contents (between its quotes) with escapes decoded in place."""
    mask.reveal(start, end)
    if "\\" in mask.source[start:end]:
        for match in _ESCAPE.finditer(mask.source, start, end):
            mask.write(match.start(), match.end(), _unescape(match.group(0)))


def _unescape(escape: str) -> str:
    """A surrogate pair is one character, a lone surrogate (``"\\ud800"``, valid JSON) U+FFFD."""
    if escape[1] != "u":
        return _SIMPLE_ESCAPES.get(escape[1], escape[1])
    return utf16_escape(escape)


def scan_strings(path: str, text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, key path)`` of every string value's contents, in source order."""
    found: list[tuple[int, int, list[str]]] = []
    parts: list[str] = []
    stack: list[list[int]] = []  # per open container: [is_object, next index]
    expect = "value"
    pos = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    while pos < len(text):
        char = text[pos]
        if expect in ("value", "value_or_close"):
            if char in "{[":
                if len(stack) >= MAX_DEPTH:
                    _fail(path, text, pos, f"nested more than {MAX_DEPTH} levels deep")
                stack.append([char == "{", 0])
                if char == "[":
                    parts.append("0")
                expect = "key_or_close" if char == "{" else "value_or_close"
                pos += 1
            elif char == "]" and expect == "value_or_close" and not stack[-1][0]:
                pos = _close(stack, parts, pos)
                expect = "after_value"
            elif char == '"':
                match = _STRING.match(text, pos) or _fail(path, text, pos, "unterminated or invalid string")
                found.append((pos + 1, match.end() - 1, list(parts)))
                pos, expect = match.end(), "after_value"
            else:
                match = _SCALAR.match(text, pos) or _fail(path, text, pos, f"unexpected {char!r}")
                pos, expect = match.end(), "after_value"
        elif expect in ("key", "key_or_close"):
            if char == "}" and expect == "key_or_close":
                pos = _close(stack, parts, pos)
                expect = "after_value"
            elif char == '"':
                match = _STRING.match(text, pos) or _fail(path, text, pos, "invalid key")
                parts.append(_decode(match.group(0)))
                pos = _SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
                if not text.startswith(":", pos):
                    _fail(path, text, pos, "expected ':' after a key")
                pos, expect = pos + 1, "value"
            else:
                _fail(path, text, pos, f"expected a key, found {char!r}")
        else:  # after_value
            if not stack:
                _fail(path, text, pos, "unexpected content after the JSON value")
            is_object = stack[-1][0]
            if char == ",":
                if is_object:
                    parts.pop()
                    expect = "key"
                else:
                    stack[-1][1] += 1
                    parts[-1] = str(stack[-1][1])
                    expect = "value"
                pos += 1
            elif char == ("}" if is_object else "]"):
                if is_object:
                    parts.pop()
                pos = _close(stack, parts, pos)
            else:
                _fail(path, text, pos, f"expected ',' or a closing bracket, found {char!r}")
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if stack or expect != "after_value":
        _fail(path, text, len(text), "unexpected end of file")
    return found


def _close(stack: list[list[int]], parts: list[str], pos: int) -> int:
    """Close the innermost container; an array drops its index from the key path."""
    if not stack.pop()[0]:
        parts.pop()
    return pos + 1


def _decode(raw: str) -> str:
    return _ESCAPE.sub(lambda m: _unescape(m.group(0)), raw[1:-1])


def _fail(path: str, text: str, pos: int, reason: str) -> re.Match[str]:
    raise InputError(path, f"invalid JSON: {reason}", text.count("\n", 0, pos) + 1)
