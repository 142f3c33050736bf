"""Where the built-in packs are, however cxlint is run.

Installed from a wheel, they are the ``cxlint.packs`` package (``rules/`` mapped into the wheel).
Run from a checkout (an editable install, or a ``cxlint/`` that shadows an installed copy), they
are the ``rules/`` folder beside that package: the packs always belong to the code that runs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import cxlint


@lru_cache(maxsize=1)
def pack_root() -> Path:
    """The folder holding the built-in packs (``*.yaml``), ``lexicons/`` and ``shapes.yaml``."""
    checkout = Path(cxlint.__file__).resolve().parent.parent
    if (checkout / "rules").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / "rules"
    from importlib import resources

    return Path(str(resources.files("cxlint.packs")))
