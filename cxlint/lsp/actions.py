"""Quick fixes for a finding: apply its exact replacement, or silence its rule on its line.

A replacement is offered only where one is known to be safe: the finding's own (an unused
suppression is removed) or the one its rule declares (``replacement:`` in a pack). "Disable on
this line" is offered only where a cxlint suppression comment can be added without changing
what the file says: Markdown, HTML, plain text and templates take a trailing
``<!-- cxlint-disable-line ID -->``; a YAML string on one line takes a trailing
``# cxlint: ignore[ID]``. Elsewhere (JSON has no comments; in PO, Fluent and ``.properties`` a
``#`` after the text is part of it, or not allowed) no such action is offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cxlint.findings import Finding
from cxlint.lsp.positions import EditorPositions
from cxlint.readers import READERS

_HTML_COMMENT_READERS = frozenset({"markdown", "html", "template", "plaintext"})
_HASH_COMMENT_READERS = frozenset({"yamlfile"})
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new_text`` (offsets into the linted text)."""

    title: str
    start: int
    end: int
    new_text: str
    preferred: bool = False


def replacement_edit(finding: Finding, rule_replacement: str | None) -> Edit | None:
    """The fix a finding carries (else its rule's ``replacement:``), as one edit over its span."""
    replacement = finding.replacement if finding.replacement is not None else rule_replacement
    if replacement is None or finding.start >= finding.end or _in_part(finding):
        return None
    if replacement == "":
        title = f"{finding.rule}: remove {_short(finding.text)}"
    else:
        title = f"{finding.rule}: replace {_short(finding.text)} with {_short(replacement)}"
    return Edit(title, finding.start, finding.end, replacement, preferred=True)


def disable_edit(finding: Finding, text: str, reader_path: str, require_reason: bool, positions: EditorPositions) -> Edit | None:
    """A suppression comment for the finding's rule on the line the finding starts on, where one is safe."""
    if _in_part(finding) or finding.category == "meta":
        return None  # a suppression's own findings are fixed in the comment, not silenced by another
    reader = _reader_module(reader_path)
    line, _ = positions.position(finding.start)
    line_end = positions.line_end(line)
    at = line_end
    while at > finding.end and text[at - 1] in " \t":
        at -= 1  # before trailing spaces (a Markdown hard break stays one)
    reason = " --" if require_reason else ""
    if reader in _HTML_COMMENT_READERS:
        if reader == "markdown" and at > finding.end and text[at - 1] == "\\":
            at -= 1  # before a backslash hard break
        if not _html_comment_fits(text, finding, at, reader):
            return None
        comment = f" <!-- cxlint-disable-line {finding.rule}{reason} -->"
    elif reader in _HASH_COMMENT_READERS:
        if not _yaml_comment_fits(text, finding, line_end, reader_path):
            return None
        comment = f"  # cxlint: ignore[{finding.rule}]{reason}"
    else:
        return None
    return Edit(f"{finding.rule}: disable on this line", at, at, comment)


def _html_comment_fits(text: str, finding: Finding, at: int, reader: str) -> bool:
    if reader == "markdown":
        front = _FRONT_MATTER.match(text)
        if front is not None and finding.start < front.end():
            return False  # front matter is YAML: a comment there would become part of the value
    brackets = re.search(r"[<>]", text[at:])
    return brackets is None or brackets.group() == "<"  # a comment inside a tag would break the tag


def _yaml_comment_fits(text: str, finding: Finding, line_end: int, reader_path: str) -> bool:
    """Only a string that stands on one line after its key or dash: a ``#`` in a block scalar is copy."""
    from cxlint.runner import parse_text

    doc = parse_text(reader_path, text, reader_path=reader_path)
    segment = next((s for s in doc.segments if s.start <= finding.start and finding.end <= s.end), None)
    if segment is None:
        return False
    line_start = text.rfind("\n", 0, segment.start) + 1
    before = text[line_start : segment.start].strip().strip("\"'")
    return segment.end <= line_end and bool(before) and not before.endswith(("|", ">", "|-", ">-", "|+", ">+"))


def _reader_module(reader_path: str) -> str | None:
    dot = reader_path.rfind(".")
    return READERS.get(reader_path[dot:].lower()) if dot != -1 else None


def _in_part(finding: Finding) -> bool:
    return any(key == "part" for key, _ in finding.extra)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
