"""Where the promises registry comes from when ``--promises`` is not given: ``promises:`` in the config.

The config file (``.cxlint.yaml`` in the working directory, as ``cxlint init`` writes it) may
name the registry; a relative path is relative to the config file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cxlint.errors import FatalError

CONFIG_NAME = ".cxlint.yaml"


def promises_from_config(config: str | None = None) -> str | None:
    path = Path(config or CONFIG_NAME)
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FatalError(f"{path}: cannot read config: {exc}") from exc
    value = data.get("promises") if isinstance(data, dict) else None
    if not value:
        return None
    return str((path.parent / str(value)))
