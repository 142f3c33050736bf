"""The spaCy stage, for user packs with spaCy token or phrase patterns: only their candidate sentences reach it.

Built-in rules are frames matched without spaCy; ConText modifiers run on frames too.
"""

from __future__ import annotations

import re

from cxlint.engine.targets import Target
from cxlint.nlp.matchers import matchers_for
from cxlint.nlp.pipeline import get_nlp
from cxlint.rulepack.model import Rule, RuleSet


MAX_TOKEN_RUN = 100
"""Longer runs of non-blank characters are blanked before spaCy: its tokenizer splits affixes off one
such run in quadratic time (20,000 ``[`` take minutes), and no word pattern matches inside one."""

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_TOKEN_RUN + 1))


def _tokenizable(text: str) -> str:
    """``text`` with every run of over MAX_TOKEN_RUN non-blank characters blanked, keeping every offset."""
    if len(text) <= MAX_TOKEN_RUN:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def apply_nlp(
    mask: str,
    sentences: list[tuple[int, int]],
    indices: list[int],
    targets: list[Target],
    spacy_rules: dict[int, list[Rule]],
    ruleset: RuleSet,
) -> list[Target]:
    """The targets found by token and phrase patterns of the candidate rules."""
    nlp = get_nlp()
    matchers = matchers_for(ruleset)
    texts = [_tokenizable(mask[sentences[i][0] : sentences[i][1]]) for i in indices]
    new_targets: list[Target] = []
    for index, doc in zip(indices, nlp.pipe(texts)):
        offset = sentences[index][0]
        wanted = {rule.id: rule for rule in spacy_rules.get(index, ())}
        if wanted:
            for matcher in (matchers.rule_tokens, matchers.rule_phrases):
                for match_id, start, end in matcher(doc):
                    rule = wanted.get(doc.vocab.strings[match_id])
                    if rule is not None:
                        span = doc[start:end]
                        new_targets.append(Target(rule, offset + span.start_char, offset + span.end_char, index))
    return new_targets
