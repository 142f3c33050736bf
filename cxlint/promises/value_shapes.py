"""The value shapes, compiled: the regexes whose named groups give a promise its value.

They are defined once, in the built-in packs (``rules/shapes.yaml``). The engine reads copy with
the rule set's own; a registry's values ("24 hours", "09:00-17:00 Mon-Fri") are read with the
same shapes, loaded here without compiling the rest of the packs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from cxlint.rulepack.frames import Shape


@dataclass(frozen=True)
class ValueShapes:
    duration: re.Pattern[str]
    percentage: re.Pattern[str]
    money: re.Pattern[str]
    clock: re.Pattern[str]
    clock_range: re.Pattern[str]
    all_week: re.Pattern[str]
    days: re.Pattern[str]
    day_span: re.Pattern[str]

    @classmethod
    def of(cls, shapes: Mapping[str, Shape]) -> ValueShapes:
        """The value shapes of a compiled rule set."""
        return cls(**{name: shapes[name].regex.compiled for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def value_shapes() -> ValueShapes:
    """The built-in value shapes (``rules/shapes.yaml``), for reading registry values."""
    from cxlint.rulepack.shapes import expand, written_shapes
    from cxlint.rulepack.sources import pack_root
    from cxlint.rulepack.yamlio import load_yaml

    path = pack_root() / "shapes.yaml"
    written = written_shapes([("rules/shapes.yaml", load_yaml(path.read_text(encoding="utf-8"), "rules/shapes.yaml"))])
    return ValueShapes(**{name: re.compile(expand(name, written), re.IGNORECASE) for name in ValueShapes.__dataclass_fields__})
