"""The learned second opinions' findings: each block a category's rules left clean that its model scores over
its threshold (creepy for CX190, pressing for CX390).

A block is what a writer reads as one message: a string of a structured file, or a run of lines
between blank lines (or a block break a reader put in the mask). The model was trained on whole
messages of one to a few sentences, so a block is scored whole; a block longer than
``MAX_WORDS`` is not scored (a model of short messages says nothing reliable about it).

Creepy personalisation and pressure are copy aimed at the reader, so a block is read only when it addresses them:
a word of the ``reader`` lexicon (you, your…) or a merge field. Essays, blog prose and lists of
places, where the model's location and behaviour words otherwise mislead it, are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from cxlint.document import BLOCK_BREAK, PLACEHOLDER_FILL, Document
from cxlint.engine.beside import kept_beside
from cxlint.engine.sentences import DocumentScan
from cxlint.engine.targets import Target
from cxlint.findings import SEVERITY_RANK, Finding
from cxlint.learned.model import LinearModel
from cxlint.learned.words import block_words
from cxlint.positions import LineIndex
from cxlint.rulepack.model import Rule, RuleSet
from cxlint.text.tokens import PLACEHOLDER_TOKEN

MODELS = Path(__file__).resolve().parent.parent / "data" / "learned"
RULE_MODELS = {"CX190": "barista.bin", "CX390": "pressure.bin"}
"""Each learned rule and the compiled model it reads (built from the JSON of the same name by ``compile_model``)."""
MAX_WORDS = 300
_BLOCK_END = re.compile(rf"\n[^\S\n]*\n\s*|{BLOCK_BREAK}\s*")
_LINE_BLOCK_END = re.compile(r"\n[^\S\n]*\n\s*")
"""``_BLOCK_END`` for a mask without a reader's block break, where it finds the same: each match then opens with
a line break, which ``re`` skips to at C speed (a pattern opening with either character is tried at every one)."""


@lru_cache(maxsize=None)
def model_for(rule_id: str) -> LinearModel:
    return LinearModel.load(MODELS / RULE_MODELS[rule_id])


def learned_rules(ruleset: RuleSet, disabled: frozenset[str]) -> list[Rule]:
    """The learned rules this run uses: those the packs declare (a user's pack set may leave them out), not disabled."""
    return [r for r in ruleset.rules if r.id in RULE_MODELS and r.id not in disabled]


def learned_findings(doc: Document, rules: list[Rule], findings: list[Finding], ruleset: RuleSet,
                     silenced: Sequence[Target], scan: DocumentScan) -> list[Finding]:
    """A finding of each rule on each block its model scores at or above the model's threshold, unless a rule of
    the same category already reported (warning or above) in that block: the second opinion adds, never repeats.
    Nor does it speak where a rule of its category matched that the configuration switched off (``silenced``):
    a writer who turns CX101 off for security notices means the category to be quiet there, not to hear the
    same wording again from CX190. (An inline suppression comes later and sees CX190 beside the rule it names.)
    A block's words come from the sentences of ``scan`` (the document as the rules read it) where they tile it,
    once for every model that reads the block."""
    if not rules:
        return []
    out: list[Finding] = []
    index: LineIndex | None = None
    addressed = _reader_words(ruleset)
    mentions_reader = _reader_test(addressed)
    readers = []
    for rule in rules:
        model = model_for(rule.id)
        said = [(f.start, f.end) for f in findings
                if f.category == rule.category and SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]]
        said += [(t.start, t.end) for t in silenced if t.rule.category == rule.category]
        readers.append((rule, model, said, _scores_for(model, addressed)))
    for start, end in blocks(doc):
        text = doc.mask[start:end]
        words: Sequence[str] | None = None
        for rule, model, said, scores in readers:
            if said and any(s < end and start < e for s, e in said):
                continue
            score = scores.get(text, _UNSEEN)
            if score == _UNSEEN:
                if len(scores) >= _SCORES_LIMIT:
                    scores.clear()
                if words is None:
                    words = _scored_words(text, doc.mask, scan, start, end, addressed, mentions_reader)
                score = scores[text] = model.probability(words) if words else None
            if score is None or score < model.threshold:
                continue
            if words is None:
                words = block_words(doc.mask, scan, start, end)
            index = index or LineIndex(doc.source)
            drivers = model.drivers(words, addressed)
            weighed = "; it weighs " + ", ".join(f"'{g}'" for g in drivers) + " most" if drivers else ""
            out.append(Finding.at(
                doc.path, doc.source, start, end, index, rule=rule.id, name=rule.name, category=rule.category,
                severity=rule.severity, message=f"{rule.message.rstrip('.')} (score {score:.2f}{weighed}).",
                suggestion=rule.suggestion, channel=doc.channel,
                extra=(("score", round(score, 3)), ("weighs", tuple(drivers))),
            ))
    return out


_UNSEEN = -1.0
_SCORES_LIMIT = 50_000
"""Distinct block texts a model's scores are remembered for in a run (then it starts again): memory stays bounded."""
_scores: dict[int, tuple[object, dict[frozenset[str], dict[str, float | None]]]] = {}


def _scores_for(model: LinearModel, addressed: frozenset[str]) -> dict[str, float | None]:
    """The scores of ``model`` on each block text met so far in the run (None: a block it does not score). A
    block's words are its text's tokens, so its score depends on the text alone, and copy repeats across files
    (a footer, a sign-off, the same paragraph on every page). Kept beside the model, keyed by it and the reader
    words, so another model or pack set starts with none."""
    return kept_beside(_scores, model, dict).setdefault(addressed, {})


def _scored_words(text: str, mask: str, scan: DocumentScan, start: int, end: int, addressed: frozenset[str],
                  mentions_reader: Callable[[str], bool]) -> Sequence[str]:
    """The words of the block ``[start, end)`` (its ``text``) that a model scores, or none where no model scores
    it: it does not address the reader, or is empty or longer than ``MAX_WORDS``."""
    if not mentions_reader(text):  # most blocks: no tokenizing
        return ()
    words = block_words(mask, scan, start, end)
    if not words or len(words) > MAX_WORDS or addressed.isdisjoint(words):
        return ()
    return words


def _reader_words(ruleset: RuleSet) -> frozenset[str]:
    """The words that address the reader (the ``reader`` lexicon's one-word entries) and the merge-field token."""
    lexicon = ruleset.lexicons.get("reader")
    words = {phrase[0] for phrase in lexicon.phrases if len(phrase) == 1} if lexicon is not None else set()
    return frozenset(words | {PLACEHOLDER_TOKEN})


@lru_cache(maxsize=8)
def _reader_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A search that finds, without tokenizing, every block whose words may hold one of ``words`` (the tokenizer's
    own check decides; this only turns away the blocks that cannot)."""
    plain = sorted((w for w in words if w != PLACEHOLDER_TOKEN), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in plain)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])|{PLACEHOLDER_FILL}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _reader_test(words: frozenset[str]) -> Callable[[str], bool]:
    """Whether a block may hold one of ``words`` (what ``_reader_pattern`` finds). The pattern opens with a
    lookbehind, so re tries it at every character; on ASCII text (most copy) one that opens with the words' first
    letters lets re skip to the next of them at C speed. Other text keeps the pattern: there re's ignoring of
    case makes more characters equal (K and the Kelvin sign, s and long s) than lowercasing does."""
    full = _reader_pattern(words).search
    ascii_search = _ascii_reader_pattern(words)
    if ascii_search is None:
        return lambda text: full(text) is not None
    return lambda text: (ascii_search(text.lower()) if text.isascii() else full(text)) is not None


def _ascii_reader_pattern(words: frozenset[str]) -> Callable[[str], re.Match[str] | None] | None:
    """A search of lowercased ASCII text finding a match where ``_reader_pattern`` finds one in the text: on ASCII
    text ignoring case is lowercasing, a letter is a-z, and the merge field (not ASCII) is never met. Each word is
    tried at one of the first letters, looked back at; None when a word is not lowercase ASCII."""
    plain = sorted((w for w in words if w != PLACEHOLDER_TOKEN), key=len, reverse=True)
    if not plain or not all(w.isascii() and w == w.lower() for w in plain):
        return None
    firsts = "".join(sorted({re.escape(w[0]) for w in plain}))
    alternatives = "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in plain)
    return re.compile(rf"[{firsts}](?<![a-z].)(?:{alternatives})(?![a-z])").search


def blocks(doc: Document) -> list[tuple[int, int]]:
    """``[start, end)`` of each block of copy in the mask, trimmed of surrounding space; a structured file's strings."""
    mask = doc.mask
    if doc.segments:
        pieces = [(segment.start, segment.end) for segment in doc.segments]
    else:
        pieces = []
        start = 0
        for match in (_BLOCK_END if BLOCK_BREAK in mask else _LINE_BLOCK_END).finditer(mask):
            pieces.append((start, match.start()))
            start = match.end()
        pieces.append((start, len(mask)))
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        text = mask[start:end]
        stripped = text.strip()
        if stripped:
            lead = text.index(stripped[0])  # every character before the first kept one is a blank
            out.append((start + lead, start + lead + len(stripped)))
    return out
