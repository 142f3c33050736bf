"""Project configuration: ``.cxlint.yaml`` or ``[tool.cxlint]`` in ``pyproject.toml``.

``discovery`` finds the file, ``schema`` validates it (errors name file:line and the bad
key), ``model`` is the frozen result the rest of cxlint reads.
"""

from cxlint.config.discovery import find_config, load_config
from cxlint.config.model import Config, Override

__all__ = ["Config", "Override", "find_config", "load_config"]
