"""Bytes to text: BOMs, UTF-8, UTF-16/32, and the charsets e-mail parts declare.

Files are decoded strictly (a file in the wrong encoding is refused with its line, never linted
as mojibake); e-mail parts and headers name their own charset, which may be wrong or unknown, so
they are decoded leniently. Either way the text holds no lone surrogate: spaCy cannot encode one.
"""

from __future__ import annotations

import codecs
import re
import warnings

from cxlint.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's (FF FE 00 00)
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SNIFF = 8192
_LONE_SURROGATE = re.compile(r"[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def decode(path: str, data: bytes) -> str:
    """UTF-8 (BOM allowed) or UTF-16/UTF-32 with a BOM; anything else is an InputError naming the file.

    E-mail files declare their charsets per part, so an ``.eml`` that is not UTF-8 is kept byte
    for byte (Latin-1) and its reader decodes each part as declared.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_strictly(path, data, codec)
            if "\x00" in text[:_BINARY_SNIFF]:
                raise InputError(path, "binary file (NUL characters), not copy")
            return text
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(path, "binary file (NUL bytes), not copy")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if path.lower().endswith(".eml"):
            return data.decode("latin-1")  # 8-bit parts in other charsets: the e-mail reader decodes them
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"invalid UTF-8 at byte {exc.start} ({exc.reason})", line) from exc


def _decode_strictly(path: str, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
        raise InputError(path, f"invalid {codec.upper()} at byte {exc.start} ({exc.reason})", line) from exc


def decode_declared(data: bytes, charset: str | None) -> str:
    """``data`` in the charset a message declares, what cannot be decoded as U+FFFD.

    An unknown charset, or a codec that is not a text encoding or cannot replace errors
    (``idna``), falls back to UTF-8. An escape codec's complaint about a stray backslash
    (a DeprecationWarning today) is the sender's, not the run's: it is not shown.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = data.decode(charset or "us-ascii", errors="replace")
    except (LookupError, ValueError):  # UnicodeError is a ValueError
        text = data.decode("utf-8", errors="replace")
    return without_lone_surrogates(text)


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (which a ``utf-7`` or escape codec can produce) as U+FFFD.

    A high surrogate followed by a low one becomes the one code point they encode.
    """
    if _SURROGATE.search(text) is None:
        return text
    text = _LONE_SURROGATE.sub(REPLACEMENT, text)
    return text.encode("utf-16", "surrogatepass").decode("utf-16")

