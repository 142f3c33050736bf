"""A frame's hits remembered for a repeated sentence text are the hits matching it again gives."""

from __future__ import annotations

from cxlint.engine import repeated
from cxlint.engine.linter import _frame_targets
from cxlint.engine.sentences import DocumentScan
from cxlint.runner import parse_text
from cxlint.testing import default_ruleset
from tests.sample_texts import example_and_case_texts

RULESET = default_ruleset()
PREFIX = "Thanks for reading.\n\n"
"""Put before a text, it moves every sentence of the text (the same words) to another place."""


def _texts() -> list[str]:
    return example_and_case_texts(RULESET) + ["Hi {{first_name}}, we saw you near {{city}}.", "Hi {{city}}, we saw you near {{first_name}}."]


def _targets(text: str) -> tuple[list[tuple[int, int]], list[tuple[object, ...]]]:
    scan = DocumentScan.of(parse_text("case.md", text))
    found = _frame_targets(scan, RULESET, True, [])
    return scan.spans, [(t.rule.id, t.start, t.end, t.sentence, t.value, t.kind, t.keep) for t in found]


def test_a_repeated_sentence_gets_the_targets_matching_it_again_gives() -> None:
    """Every rule example and labelled case is read alone with nothing remembered, then again after another
    sentence (each of its sentences now met before, at another place): the same targets, moved with it."""
    compared = 0
    for text in _texts():
        repeated._seen.clear()
        spans, alone = _targets(text)
        moved_spans, moved = _targets(PREFIX + text)
        n, first = len(PREFIX), len(moved_spans) - len(spans)
        if [(s - n, e - n) for s, e in moved_spans[first:]] != spans:
            continue  # the text does not read the same after another paragraph
        back = [(rule, start - n, end - n, sentence - first, value, kind, None if keep is None else (keep[0] - n, keep[1] - n))
                for rule, start, end, sentence, value, kind, keep in moved if start >= n]
        assert sorted(back, key=repr) == sorted(alone, key=repr), text
        compared += 1
    assert compared > 1000
