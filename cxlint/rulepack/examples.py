"""Rule examples written inline: ``[[…]]`` marks the span a bad example must be flagged at."""

from __future__ import annotations

from typing import Any

from cxlint.rulepack.model import Example

OPEN, CLOSE = "[[", "]]"


def parse_example(raw: Any, bad: bool) -> Example:
    """Build an Example from a string or a mapping ``{text, channel, fix}``."""
    if isinstance(raw, dict):
        text = str(raw.get("text", ""))
        channel = raw.get("channel")
        fix = raw.get("fix")
        whole = raw.get("fixed")
    else:
        text, channel, fix, whole = str(raw), None, None, None
    start = text.find(OPEN)
    if start == -1:
        if bad:
            raise ValueError(f"bad example has no [[…]] span: {text!r}")
        return Example(text=text, channel=channel)
    end = text.find(CLOSE, start)
    if end == -1 or text.find(OPEN, end) != -1:
        raise ValueError(f"example needs exactly one [[…]] span: {text!r}")
    if not bad:
        raise ValueError(f"good example must not mark a span: {text!r}")
    clean = text[:start] + text[start + 2 : end] + text[end + 2 :]
    span = (start, end - 2)
    fixed = str(whole) if whole is not None else None
    if fix is not None:
        fixed = clean[: span[0]] + str(fix) + clean[span[1] :]
    return Example(text=clean, span=span, channel=channel, fixed=fixed)
