"""E-mail messages (``.eml``): the Subject and every text/plain and text/html part.

Where a part stands in the file as written (7bit/8bit, UTF-8 or ASCII), it is masked in place
and findings give lines of the file. Where it is encoded (quoted-printable, base64, another
charset) or the Subject is an encoded word, the decoded text becomes a part of its own: its
findings give lines in the decoded part and name it (``part``). An ``.eml`` is always email.
Declared charsets and encoded words are decoded leniently (``cxlint.readers.decoding``,
``cxlint.readers.rfc2047``): a wrong or unknown one costs a U+FFFD, never the message.
"""

from __future__ import annotations

import re

from cxlint.document import Document, Placeholder
from cxlint.readers import html, plaintext
from cxlint.readers.decoding import decode_declared
from cxlint.readers.masking import Mask
from cxlint.readers.rfc2047 import decode_header_text
from cxlint.text.placeholders import mask_templates

_HEADER_END = re.compile(r"\r?\n\r?\n")
_SUBJECT = re.compile(r"^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*?)\r?$", re.IGNORECASE | re.MULTILINE)
_IN_PLACE = frozenset({"7bit", "8bit", "binary", ""})
_PLAIN_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


def read(path: str, text: str) -> Document:
    import email

    message = email.message_from_string(text)
    mask = Mask(text)
    placeholders: list[Placeholder] = []
    parts: list[Document] = []
    end_match = _HEADER_END.search(text)
    header_end = end_match.start() if end_match else len(text)
    subject = _SUBJECT.search(text, 0, header_end)
    if subject and subject.group(1).strip():
        start, end = subject.span(1)
        if "=?" in subject.group(1):
            decoded = decode_header_text(subject.group(1))
            parts.append(_part(plaintext.read(path, decoded), "Subject (encoded header, decoded)"))
        else:
            mask.reveal(start, end)
            mask.block_break(end)
    cursor = header_end
    for number, part in enumerate(message.walk(), start=1):
        kind = part.get_content_type()
        if part.is_multipart() or kind not in ("text/plain", "text/html") or part.get_filename():
            continue
        encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        charset = (part.get_content_charset() or "us-ascii").lower()
        raw_payload = part.get_payload()
        payload = raw_payload if isinstance(raw_payload, str) else ""
        at = text.find(payload, cursor) if payload else -1
        if encoding in _IN_PLACE and charset in _PLAIN_CHARSETS and at != -1:
            sub = html.read(path, payload) if kind == "text/html" else plaintext.read(path, payload)
            mask.splice(at, sub.mask)
            placeholders.extend(Placeholder(p.start + at, p.end + at, p.name, p.raw, p.syntax) for p in sub.placeholders)
            cursor = at + len(payload)
            continue
        raw = part.get_payload(decode=True)
        body = decode_declared(raw if isinstance(raw, bytes) else b"", charset)
        sub = html.read(path, body) if kind == "text/html" else plaintext.read(path, body)
        parts.append(_part(sub, f"part {number} ({kind}, {encoding or '7bit'}, {charset}; lines of the decoded part)"))
        if at != -1:
            cursor = at + len(payload)
    if not placeholders:
        masked, found = mask_templates(text, mask.text())
    else:
        masked, found = mask.text(), ()
    return Document(
        path=path, source=text, mask=masked, channel="email",
        placeholders=tuple(sorted([*placeholders, *found], key=lambda p: p.start)), subdocuments=tuple(parts),
    )


def _part(doc: Document, name: str) -> Document:
    doc.part = name
    doc.channel = "email"
    return doc

