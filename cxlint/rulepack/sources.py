"""Where the built-in packs are, however cxlint is run.

Installed, they are the ``cxlint.packs`` package (``rules/`` mapped into the wheel). Run from a
checkout whose ``cxlint/`` shadows an installed copy, that package does not exist: the packs are
then the checkout's ``rules/`` folder beside the package.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import cxlint


@lru_cache(maxsize=1)
def pack_root() -> Path:
    """The folder holding the built-in packs (``*.yaml``), ``lexicons/`` and ``shapes.yaml``."""
    try:
        return Path(str(resources.files("cxlint.packs")))
    except ModuleNotFoundError:
        checkout = Path(cxlint.__file__).resolve().parent.parent / "rules"
        if checkout.is_dir():
            return checkout
        raise
