"""The ``records:`` section of a pack is compiled like frames: every name it uses is resolved, and what
cannot be is a fatal error naming the file and line (exit 2 on the command line)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from cxlint.errors import FatalError
from cxlint.rulepack.loader import PackSource, builtin_sources, compile_ruleset
from tests.conftest import REPO

RECORDS = "rules/records.yaml"


def records_text() -> str:
    return next(src.text for src in builtin_sources() if src.name == RECORDS)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line holding ``needle``."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def compile_with(text: str) -> None:
    """The built-in packs with ``rules/records.yaml`` replaced by ``text`` (as a pack of the user's)."""
    sources = [src for src in builtin_sources() if src.name != RECORDS] + [PackSource("house/records.yaml", text)]
    compile_ruleset(sources)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("- read: uptime", "- read: uptme", "unknown reader 'uptme' (did you mean 'uptime'?)"),
        ("find: {lexicon: record_free}", "find: {lexicon: record_fre}", "unknown lexicon 'record_fre' (did you mean 'record_free'?)"),
        ("find: {shape: percentage}", "find: {shape: percentag}", "unknown shape 'percentag' (did you mean 'percentage'?)"),
        ("trial-length: {lexicon: record_trial}", "trial-lenght: {lexicon: record_trial}", "a duration is not of kind 'trial-lenght' (did you mean 'trial-length'?)"),
        ("    reported: {lexicon: record_reported}", "    reportd: {lexicon: record_reported}", "no reader weighs word class 'reportd' (did you mean 'reported'?)"),
        ("chatbot: chat,", "chatbot: chatt,", "channel_media: unknown medium 'chatt' (did you mean 'chat'?)"),
        ("uptime: {label: uptime}", "uptim: {label: uptime}", "subjects: unknown promise kind 'uptim' (did you mean 'uptime'?)"),
        ("email: {lexicon: medium_email}", "email: {lexicon: medium_emial}", "unknown lexicon 'medium_emial' (did you mean 'medium_email'?)"),
    ],
)
def test_a_bad_reference_in_the_records_section_names_its_file_and_line(old: str, new: str, expected: str) -> None:
    text = records_text()
    assert old in text
    broken = text.replace(old, new, 1)
    with pytest.raises(FatalError) as raised:
        compile_with(broken)
    message = str(raised.value)
    assert message.startswith(f"house/records.yaml:{line_of(broken, new)}: "), message
    assert expected in message


def test_a_word_class_a_reader_weighs_must_be_declared() -> None:
    text = records_text()
    broken = text.replace("    free_tier: {lexicon: record_free_tier}\n", "")
    with pytest.raises(FatalError, match=r"house/records\.yaml:\d+: records: reader free weighs word class 'free_tier'"):
        compile_with(broken)


def test_a_word_class_the_registry_weighs_must_be_declared() -> None:
    text = records_text()
    broken = text.replace("    yearly: {lexicon: record_yearly}\n", "")
    with pytest.raises(FatalError, match=r"house/records\.yaml:\d+: records: a registry's judging weighs word class 'yearly'"):
        compile_with(broken)


def test_only_one_pack_declares_the_records() -> None:
    with pytest.raises(FatalError, match=r"house\.yaml:1: 'records' is already declared in rules/records\.yaml"):
        compile_ruleset(builtin_sources() + [PackSource("house.yaml", "records: {}\n")])


@pytest.mark.parametrize(
    ("shapes", "expected"),
    [
        ("shapes:\n  ranged:\n    regex: (?&nope) - (?&clock)\n", "house.yaml:2: shape 'ranged' uses unknown shape 'nope'"),
        ("shapes:\n  a:\n    regex: x(?&b)\n  b:\n    regex: y(?&a)\n", "house.yaml:2: shape 'a' uses itself (a -> b -> a)"),
    ],
)
def test_a_shape_may_only_use_shapes_that_exist(shapes: str, expected: str) -> None:
    with pytest.raises(FatalError, match=re.escape(expected)):
        compile_ruleset(builtin_sources() + [PackSource("house.yaml", shapes)])


def test_a_shape_that_uses_shapes_matches_as_written_out() -> None:
    house = (
        "shapes:\n  opening:\n    regex: (?x) (?P<from> (?&clock) ) \\s* - \\s* (?P<to> (?&clock) )\n"
        "rules:\n  - id: HR301\n    name: opening\n    category: promise\n    message: m\n    rationale: r\n"
        "    suggestion: s\n    frames:\n      - hours: {shape: opening}\n"
    )
    ruleset = compile_ruleset(builtin_sources() + [PackSource("house.yaml", house)])
    regex = ruleset.shapes["opening"].regex.compiled
    match = regex.search("open 9am - 5.30pm daily")
    assert match is not None and (match.group("from"), match.group("to")) == ("9am", "5.30pm")
    assert "P<h>" not in regex.pattern  # the used shape's own groups are dropped: "clock" is used twice


def test_a_bad_reference_exits_2_with_the_file_and_line(tmp_path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text("shapes:\n  ranged:\n    regex: (?&clok) - (?&clock)\n", encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text("We reply within 2 hours.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cxlint", "check", "--isolated", "--rules", str(pack), str(copy)],
                          cwd=REPO, capture_output=True, text=True, env={"CXLINT_NO_CACHE": "1", "PATH": ""})
    assert done.returncode == 2
    assert f"{pack}:2: shape 'ranged' uses unknown shape 'clok' (did you mean 'clock'?)" in done.stderr


def test_every_value_shape_is_declared_with_its_named_groups() -> None:
    from cxlint.promises.value_shapes import ValueShapes, value_shapes

    shapes = value_shapes()
    assert set(ValueShapes.__dataclass_fields__) == {
        "duration", "percentage", "money", "clock", "clock_range", "clock_edge", "all_week", "days", "days_left_out",
        "days_joined", "day_span", "day_by", "months_free", "fraction", "time_gain", "rating", "free_time", "free_time_of", "money_word",
    }
    assert {"count", "free", "unit"} <= set(shapes.free_time.groupindex)
    assert {"count", "free", "unit"} <= set(shapes.free_time_of.groupindex)
    assert {"note", "count", "cur"} <= set(shapes.money_word.groupindex)
    assert {"frac", "price"} <= set(shapes.fraction.groupindex)
    assert {"num", "unit"} <= set(shapes.time_gain.groupindex)
    assert {"score", "scale"} <= set(shapes.rating.groupindex)
    assert {"num", "num2", "biz", "unit", "word"} <= set(shapes.duration.groupindex)
    assert {"from", "to"} <= set(shapes.clock_range.groupindex)
    assert {"edge", "at"} <= set(shapes.clock_edge.groupindex)
    assert {"num"} <= set(shapes.months_free.groupindex)
    assert {"span", "every", "weekdays", "weekends", "one"} <= set(shapes.days.groupindex)
    assert {"day"} <= set(shapes.day_by.groupindex)
