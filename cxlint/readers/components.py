"""The vocabulary of component and server templates, read once from ``components.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from cxlint.readers.html import COPY_ATTRIBUTES


@dataclass(frozen=True)
class ComponentVocabulary:
    """Which props, names and components hold copy; see ``components.yaml`` for why each is there."""

    copy_props: frozenset[str]
    copy_names: frozenset[str]
    code_components: frozenset[str]
    inline_components: frozenset[str]
    erb_copy_helpers: frozenset[str]
    sample_data: frozenset[str]

    def is_copy_name(self, name: str) -> bool:
        """A variable or key such as ``previewText``, ``preview_text`` or ``PREVIEW-TEXT`` named as copy."""
        return fold_name(name) in self.copy_names


def fold_name(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


@lru_cache(maxsize=1)
def vocabulary() -> ComponentVocabulary:
    data = yaml.safe_load(resources.files("cxlint.readers").joinpath("components.yaml").read_text(encoding="utf-8"))

    def names(key: str) -> frozenset[str]:
        return frozenset(str(name) for name in data[key]["names"])

    return ComponentVocabulary(
        copy_props=names("copy_props") | COPY_ATTRIBUTES,
        copy_names=frozenset(fold_name(name) for name in names("copy_names")),
        code_components=names("code_components"),
        inline_components=names("inline_components"),
        erb_copy_helpers=names("erb_copy_helpers"),
        sample_data=names("sample_data"),
    )
