"""RFC 2047 encoded words in a mail header (``=?utf-8?q?Hello_again?=``), decoded leniently.

The stdlib's ``decode_header`` and ``make_header`` raise on a truncated UTF-8 sequence, an
unknown charset, bad base64 or raw 8-bit text beside an encoded word. Here each run of adjacent
words in one charset is decoded with ``errors="replace"`` (an unknown charset as UTF-8), so a
character split across two words survives and a broken one becomes U+FFFD.
"""

from __future__ import annotations

import binascii
import re

from cxlint.readers.decoding import decode_declared

_ENCODED_WORD = re.compile(r"=\?(?P<charset>[^?]*)\?(?P<encoding>[qQbB])\?(?P<encoded>[^?]*)\?=")  # no "?" inside: linear
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/]")


def decode_header_text(raw: str) -> str:
    """The text of a (possibly folded) header value; whitespace between two encoded words is dropped."""
    raw = _FOLD.sub("", raw)
    pieces: list[str] = []
    data, charset = b"", None  # the current run of adjacent encoded words in one charset
    pos = 0
    for word in _ENCODED_WORD.finditer(raw):
        gap = raw[pos : word.start()]
        word_charset = word.group("charset").split("*", 1)[0].lower()  # RFC 2231 adds "*language"
        adjacent = charset is not None and not gap.strip()
        if charset is not None and not (adjacent and word_charset == charset):
            pieces.append(decode_declared(data, charset))
            data = b""
        if not adjacent:
            pieces.append(gap)
        data += _word_bytes(word.group("encoding"), word.group("encoded"))
        charset = word_charset
        pos = word.end()
    if charset is not None:
        pieces.append(decode_declared(data, charset))
    pieces.append(raw[pos:])
    return "".join(pieces)


def _word_bytes(encoding: str, encoded: str) -> bytes:
    """Q: ``_`` is a space, ``=XX`` a byte. B: base64, stray characters ignored, padding supplied,
    and a last lone letter (which encodes no byte) dropped."""
    if encoding in "qQ":
        return binascii.a2b_qp(encoded.encode("utf-8"), header=True)
    letters = _NOT_BASE64.sub("", encoded)
    if len(letters) % 4 == 1:
        letters = letters[:-1]
    return binascii.a2b_base64(letters + "=" * (-len(letters) % 4))
