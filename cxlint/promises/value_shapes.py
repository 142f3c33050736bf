"""The value shapes, compiled: the regexes whose named groups give a promise its value.

They are defined once, in the built-in packs (``rules/shapes.yaml``). The engine reads copy with
the rule set's own; a registry's values ("24 hours", "09:00-17:00 Mon-Fri") are read with the
built-in packs' (the same shapes: a pack may not define a shape twice).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from cxlint.rulepack.frames import Shape


@dataclass(frozen=True)
class ValueShapes:
    """The shapes promise values are read with (durations, percentages, money, clock times), compiled once."""

    duration: re.Pattern[str]
    percentage: re.Pattern[str]
    money: re.Pattern[str]
    clock: re.Pattern[str]
    clock_range: re.Pattern[str]
    clock_edge: re.Pattern[str]
    all_week: re.Pattern[str]
    days: re.Pattern[str]
    days_left_out: re.Pattern[str]
    days_joined: re.Pattern[str]
    day_span: re.Pattern[str]
    day_by: re.Pattern[str]
    months_free: re.Pattern[str]
    fraction: re.Pattern[str]
    time_gain: re.Pattern[str]
    rating: re.Pattern[str]
    free_time: re.Pattern[str]
    free_time_of: re.Pattern[str]
    money_word: re.Pattern[str]

    @classmethod
    def of(cls, shapes: Mapping[str, Shape]) -> ValueShapes:
        """The value shapes of a compiled rule set."""
        return cls(**{name: shapes[name].regex.compiled for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def value_shapes() -> ValueShapes:
    """The built-in value shapes (``rules/shapes.yaml``), for reading registry values."""
    from cxlint.rulepack.loader import builtin_ruleset

    return ValueShapes.of(builtin_ruleset().shapes)
