"""Find the project's config by walking up from the linted path, as ruff and ESLint do."""

from __future__ import annotations

import os
from pathlib import Path

from cxlint.config.model import Config
from cxlint.config.schema import build_config
from cxlint.config.sources import MAX_CONFIG_BYTES, read_pyproject, read_yaml
from cxlint.errors import FatalError
from cxlint.textfile import read_config_text

CONFIG_NAMES = (".cxlint.yaml", ".cxlint.yml")
PYPROJECT = "pyproject.toml"


def find_config(start: str) -> str | None:
    """The nearest ``.cxlint.yaml`` (or ``pyproject.toml`` with ``[tool.cxlint]``) at or above ``start``.

    In one folder ``.cxlint.yaml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without a
    ``[tool.cxlint]`` table is passed over, so a package's own pyproject does not hide the
    repository's config. A folder that cannot be read holds no config (``os.path.isfile`` says
    False where ``Path.is_file`` raises): the walk reports that folder, discovery goes on above it.
    """
    folder = Path(start if os.path.isdir(start) else (os.path.dirname(start) or ".")).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if os.path.isfile(candidate / name):
                return str(candidate / name)
        pyproject = candidate / PYPROJECT
        if os.path.isfile(pyproject) and _has_cxlint_table(pyproject):
            return str(pyproject)
    return None


def _has_cxlint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.cxlint" in text.replace(" ", "")


def load_config(path: str | None) -> Config:
    """Read and validate a config file; None gives the defaults."""
    if path is None:
        return Config()
    shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    text = read_config_text(path, "config", MAX_CONFIG_BYTES, shown)
    if os.path.basename(path) == PYPROJECT or path.endswith(".toml"):
        parsed = read_pyproject(shown, text)
        if parsed is None:
            raise FatalError(f"{shown}: no [tool.cxlint] table")
    else:
        parsed = read_yaml(shown, text)
    data_, locate = parsed
    return build_config(shown, os.path.dirname(os.path.abspath(path)), data_, locate)
