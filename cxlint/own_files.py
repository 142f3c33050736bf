"""The files cxlint writes for itself are never copy: its config, the promises registry, baselines.

``cxlint init`` writes ``.cxlint.yaml`` and ``promises.yaml`` into the folder it drafts from,
and the next ``cxlint check .`` must not lint them as customer-facing text (the registry quotes
every promise the copy makes). They are recognised by name, and by path when the config or
the command line names them (a registry or baseline under any name).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from cxlint.config import Config
from cxlint.config.discovery import CONFIG_NAMES

REGISTRY_NAME = "promises.yaml"
OWN_NAMES = frozenset((*CONFIG_NAMES, REGISTRY_NAME, "promises.yml"))

PathFilter = Callable[[str], bool]


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def excluded_from_run(config: Config, *named: str | None) -> PathFilter:
    """True for a path the run must not lint: the config's ``exclude``, or one of cxlint's own files
    (its config, the registry it names, ``named`` files such as ``--promises`` or a baseline)."""
    own = {_real(p) for p in (config.path, config.promises, *named) if p and p != "-"}

    def excluded(path: str) -> bool:
        if os.path.basename(path) in OWN_NAMES or (own and _real(path) in own):
            return True
        return bool(config.exclude) and config.is_excluded(path)

    return excluded

