"""The texts the equivalence tests run a fast path and a plain one over: every rule example and the cases of
three corpora (the general cases, a tuning half, a registry batch), so a path that diverges on real copy fails."""

from __future__ import annotations

import json
from pathlib import Path

from cxlint.rulepack.loader import example_list
from cxlint.rulepack.model import RuleSet

SAMPLE_CORPORA = ("corpora/cases.jsonl", "corpora/v2/round1/tune.jsonl", "corpora/v2/registry10/cases.jsonl")
REPO = Path(__file__).resolve().parent.parent


def example_and_case_texts(ruleset: RuleSet) -> list[str]:
    """Every example of every rule in ``ruleset``, then every case text of ``SAMPLE_CORPORA``."""
    texts = [example.text for rule in ruleset.rules for _, example in example_list(rule)]
    for cases in SAMPLE_CORPORA:
        lines = (REPO / cases).read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts
