"""The spaCy stage: only sentences that hold a candidate reach it.

It tokenizes those sentences, runs the token and phrase patterns of their candidate rules, and
attaches ConText modifiers to every target in them.
"""

from __future__ import annotations

from cxlint.engine.context import categories_for, find_modifiers
from cxlint.engine.targets import Target
from cxlint.nlp.matchers import matchers_for
from cxlint.nlp.pipeline import get_nlp
from cxlint.rulepack.model import Rule, RuleSet


def apply_nlp(
    mask: str,
    sentences: list[tuple[int, int]],
    indices: list[int],
    targets: list[Target],
    spacy_rules: dict[int, list[Rule]],
    ruleset: RuleSet,
) -> list[Target]:
    """Add modifiers to ``targets`` in place; return the new targets found by token/phrase patterns."""
    nlp = get_nlp()
    matchers = matchers_for(ruleset)
    texts = [mask[sentences[i][0] : sentences[i][1]] for i in indices]
    by_sentence: dict[int, list[Target]] = {}
    for target in targets:
        by_sentence.setdefault(target.sentence, []).append(target)
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
        hits = find_modifiers(doc, doc.text, ruleset.modifiers, matchers)
        for target in by_sentence.get(index, []) + [t for t in new_targets if t.sentence == index]:
            target.modifiers |= categories_for(target.start - offset, target.end - offset, hits)
    return new_targets
