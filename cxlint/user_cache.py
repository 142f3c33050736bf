"""Where cxlint keeps what it compiles for the next run: the user's cache folder, never the repository.

Like ruff's or mypy's: ``$CXLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/cxlint``, else
``~/.cache/cxlint``; ``CXLINT_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    if os.environ.get("CXLINT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("CXLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cxlint"
