"""spaCy matchers compiled from a RuleSet: the token and phrase patterns of rules (user packs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cxlint.nlp.pipeline import get_nlp
from cxlint.rulepack.model import RuleSet

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher


@dataclass
class CompiledMatchers:
    """A user pack's spaCy token and phrase patterns, compiled once per rule set."""

    rule_tokens: Matcher
    rule_phrases: PhraseMatcher


def matchers_for(ruleset: RuleSet) -> CompiledMatchers:
    """Compile once per RuleSet (cached on it)."""
    cached: Any = ruleset._spacy_cache.get("matchers")
    if cached is not None:
        return cached
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = get_nlp()
    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer (typed as a plain callable by spaCy)
    rule_tokens = Matcher(nlp.vocab)
    rule_phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in ruleset.rules:
        token_patterns = [list(p.tokens) for p in rule.patterns if p.kind == "tokens"]
        if token_patterns:
            rule_tokens.add(rule.id, token_patterns)
        phrases = [phrase for p in rule.patterns if p.kind == "phrases" for phrase in p.phrases]
        if phrases:
            rule_phrases.add(rule.id, list(tokenizer.pipe(phrases)))
    compiled = CompiledMatchers(rule_tokens, rule_phrases)
    ruleset._spacy_cache["matchers"] = compiled
    return compiled
