"""Names for the expressions component and server templates put in copy (``{viewCount}``, ``<%= @user.email %>``).

A plain variable or property path is named by that path (``@user.first_name`` -> ``user.first_name``),
which is what rules on merge fields read. Any other expression keeps its code as its name
(``formatDate(lastSeenAt)``), so the words of the variables inside it still count.
"""

from __future__ import annotations

import re

_PATH = re.compile(r"[@$]{0,2}[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*")
_LONGEST_NAME = 120


def expression_name(code: str) -> str:
    """The name a placeholder for ``code`` carries."""
    code = " ".join(code.split())
    compact = re.sub(r"\s*(\??\.)\s*", r"\1", code)
    if _PATH.fullmatch(compact):
        return compact.lstrip("@$").replace("?.", ".")
    return code[:_LONGEST_NAME]
