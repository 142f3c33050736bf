"""MDX: Markdown with JSX. ESM ``import``/``export`` blocks and ``{/* comments */}`` are code, not copy.

They are blanked (same length) before the Markdown reader runs, so positions stay those of the
file. JSX elements go through the HTML reading of Markdown: their text and copy attributes count.
"""

from __future__ import annotations

import re

from cxlint.document import Document
from cxlint.readers import markdown
from cxlint.readers.masking import blank

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_ESM = re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_JSX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
_EXPRESSION_LINE = re.compile(r"^[ \t]*\{(?!\{)[^\n]*\}[ \t]*\r?$", re.MULTILINE)


def read(path: str, text: str) -> Document:
    return markdown.read_prepared(path, text, prepare(text))


def prepare(text: str) -> str:
    """``text`` with ESM blocks, JSX comments and lone ``{expression}`` lines blanked."""
    fences = [m.span() for m in _FENCE.finditer(text)]
    chars = list(text)
    for pattern in (_ESM, _JSX_COMMENT, _EXPRESSION_LINE):
        for match in pattern.finditer(text):
            if not any(a <= match.start() < b for a, b in fences):
                chars[match.start() : match.end()] = blank(match.group(0))
    return "".join(chars)
