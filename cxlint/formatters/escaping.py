"""Showing file names and copy safely in every output format.

A file name on Linux is any bytes but ``/`` and NUL: it may hold newlines, control characters
or bytes that are not UTF-8 (Python hands those over as lone surrogates, ``caf\\udcff.md``).
Messages and matched text from user packs and copy may hold control characters and lone
surrogates too. Written as they are, they break the report: a raw byte is not UTF-8 (so the
JSON does not load), a control character is not XML, a newline splits a GitHub annotation.

So formatters show such characters as visible escapes, the way Python's ``repr`` does:
``\\n``, ``\\r``, ``\\t``; ``\\xHH`` is the byte HH (an undecodable byte or an ASCII control);
``\\uHHHH`` a code point (a C1 control, a line separator, a lone surrogate); and in paths
``\\\\`` is a backslash, so a shown path names exactly one file. Everything else is shown as it is.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, TextIO

_ESCAPED_BYTES = range(0xDC80, 0xDD00)
"""Where Python's ``surrogateescape`` puts the bytes of a file name that are not UTF-8."""

_UNSHOWABLE = "\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff"
"""Controls but tab, line and paragraph separators, surrogates and the two non-characters XML refuses."""

_IN_TEXT = re.compile(f"[{_UNSHOWABLE}]")
_IN_PATH = re.compile(f"[{_UNSHOWABLE}\t\\\\]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SHORT = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def path_bytes(path: str) -> bytes:
    """The file name as the bytes on disk (a string that did not come from the disk still encodes)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def shown_path(path: str) -> str:
    """A path as one line of valid UTF-8 that names exactly its file: ``caf\\xff-promo.md``, ``bell\\x07.md``.

    Where ``\\`` separates folders (Windows) it is shown as ``/``, as SARIF and baselines do.
    """
    path = path.replace(os.sep, "/")
    if path.isprintable() and "\\" not in path:  # almost every path: nothing to escape
        return path
    text = path_bytes(path).decode("utf-8", "surrogateescape")
    return _IN_PATH.sub(lambda m: _escape(m[0]), text)


def shown_location(path: str, *numbers: int | None) -> str:
    """``path:line:col`` with the path shown safely; numbers that are not known are left out."""
    return ":".join([shown_path(path), *(str(n) for n in numbers if n)])


def shown_text(text: str) -> str:
    """Copy or a message as one line of valid UTF-8 and XML: controls and lone surrogates escaped, tabs kept."""
    return _IN_TEXT.sub(lambda m: _escape(m[0]), text)


def write_json(payload: Any, stream: TextIO, indent: int | None = None, depth: int = 0) -> None:
    """``json.dump`` whose output is valid UTF-8: a lone surrogate, which no UTF-8 encoder accepts, is shown as ``\\udXXX`` text.

    Control characters need nothing: JSON escapes them itself, and JSON readers get the copy exactly.
    A surrogate is one character, so each chunk can be mended alone and the output still streams.
    ``depth``: how deep ``payload`` stands in a document written piece by piece
    (:class:`~cxlint.formatters.json_stream.JsonWriter`); its lines are indented to match.
    """
    margin = "\n" + " " * ((indent or 0) * depth)
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(payload):
        chunk = _SURROGATE.sub(lambda m: _escape(m[0]).replace("\\", "\\\\"), chunk)
        stream.write(chunk.replace("\n", margin) if depth and indent is not None else chunk)  # a JSON string never holds a raw newline
