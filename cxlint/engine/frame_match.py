"""Match frames against one sentence: fill each slot, keep the fillings that stand as the frame says."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from cxlint.document import Placeholder
from cxlint.lexicon.lexicons import Lexicon
from cxlint.promises.values import parse_amount
from cxlint.rulepack.frames import Frame, Matcher, Shape, Slot
from cxlint.text.leading import DIGIT_CLASS, lead_in, lead_regex
from cxlint.text.tokens import PLACEHOLDER_TOKEN, Tokens, scan_words, tokenize, tokens_of_words, word_edges

_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_MAX_STATES = 2000
"""Partial fillings tried per frame and sentence: a bound, not a limit ever met by real copy."""


@dataclass
class Sentence:
    """A sentence of the normalised mask (its offset in the document), tokens, merge fields and matches found so far."""

    text: str
    offset: int
    raw: str = ""
    """The sentence as the mask has it (a dash is still a dash, not a hyphen)."""
    document_placeholders: tuple[Placeholder, ...] = ()
    _tokens: Tokens | None = None
    _placeholders: dict[int, Placeholder] | None = None
    _cache: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _word_set: frozenset[str] | None = None
    _words: list[str] | None = None
    _positions: TokenPositions | None = None
    _leads: dict[str, bool] = field(default_factory=dict)
    _fillable: dict[str, bool] = field(default_factory=dict)
    _holdable: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, mask: str, plain: str, start: int, end: int, placeholders: tuple[Placeholder, ...] = ()) -> Sentence:
        """The sentence at ``[start, end)`` of ``mask``; ``plain`` is the normalised mask."""
        return cls(plain[start:end], start, mask[start:end], placeholders)

    @property
    def tokens(self) -> Tokens:
        """Tokenized on first use: most sentences only ever meet the prefilter's word set. When that set's
        pass gave the words exactly, only their spans are found (the words are not matched twice)."""
        if self._tokens is None:
            self._tokens = tokenize(self.raw) if self._words is None else tokens_of_words(self.text, self._words)
        return self._tokens

    @property
    def placeholders(self) -> dict[int, Placeholder]:
        """Merge fields by token index."""
        if self._placeholders is None:
            self._placeholders = {}
            placeholders = self.document_placeholders
            if placeholders:
                tokens = self.tokens
                starts = [p.start for p in placeholders]
                for index, word in enumerate(tokens.words):
                    if word == PLACEHOLDER_TOKEN:
                        at = bisect.bisect_right(starts, self.offset + tokens.starts[index]) - 1
                        if at >= 0 and placeholders[at].start <= self.offset + tokens.starts[index] < placeholders[at].end:
                            self._placeholders[index] = placeholders[at]
        return self._placeholders

    @property
    def word_set(self) -> frozenset[str]:
        if self._word_set is None:
            if self._tokens is not None:
                self._word_set = frozenset(self._tokens.words)
            else:
                self._word_set, self._words = scan_words(self.text, self.text)
        return self._word_set

    @property
    def words(self) -> Sequence[str]:
        """``tokens.words``, from the word set's pass when that gave them exactly (most sentences)."""
        if self._tokens is None and self._word_set is None:
            self.word_set
        return self._words if self._words is not None else self.tokens.words

    def spans(self, matcher: Matcher) -> list[tuple[int, int]]:
        """Token spans where ``matcher`` fills a slot (cached per matcher)."""
        found = self._cache.get(matcher.key)
        if found is None:
            found = sorted(set(self._find(matcher)))
            self._cache[matcher.key] = found
        return found

    def _find(self, matcher: Matcher) -> list[tuple[int, int]]:
        if matcher.kind == "lexicon":
            return [span for lexicon in matcher.lexicons for span in self.lexicon_spans(lexicon)]
        words = self.tokens.words
        if matcher.kind == "any":
            return [span for option in matcher.options for span in self.spans(option)]
        if matcher.kind == "placeholder":
            return [(i, i + 1) for i, w in enumerate(words) if w == PLACEHOLDER_TOKEN and _name_matches(self.placeholders.get(i), matcher.names)]
        if matcher.kind == "shape" and matcher.shape is not None and self.may_hold_shape(matcher.shape):
            return [span for m in matcher.shape.regex.finditer(self.text) if (span := self.token_span(m.start(), m.end()))]
        return []

    def may_hold_shape(self, shape: Shape) -> bool:
        """False when a match of ``shape`` needs a digit and the sentence has none: one C-level search
        (remembered) instead of a regex whose alternation is tried at every position."""
        return not shape.digit or self.holds(DIGIT_CLASS)

    def may_fill(self, matcher: Matcher) -> bool:
        """Whether ``matcher`` can fill a slot here, told without tokenizing (remembered per matcher).

        False only when ``spans`` would find nothing: no entry's key and second word for a
        lexicon, no merge field for a placeholder, no digit for a shape whose matches need one. A frame whose
        later slot cannot be filled is then turned away before an earlier slot tokenizes.
        """
        known = self._fillable.get(matcher.key)
        if known is None:
            known = self._fillable[matcher.key] = self._may_fill(matcher)
        return known

    def _may_fill(self, matcher: Matcher) -> bool:
        if matcher.key in self._cache:
            return bool(self._cache[matcher.key])
        if matcher.kind == "lexicon":
            return any(self.may_hold(lexicon) for lexicon in matcher.lexicons)
        if matcher.kind == "any":
            return any(self.may_fill(option) for option in matcher.options)
        if matcher.kind == "placeholder":
            return PLACEHOLDER_TOKEN in self.word_set and (matcher.names is None or self._may_name(matcher.names))
        # a shape's regex costs more than it saves here; a digit it needs does not
        return matcher.kind == "shape" and matcher.shape is not None and self.may_hold_shape(matcher.shape)

    def _may_name(self, names: Lexicon) -> bool:
        """Whether a merge field reaching into the sentence is named by ``names``: a merge-field slot only such a
        field fills (``placeholders`` maps each merge-field token to the field it stands in) then needs no tokens."""
        offset, end, fields = self.offset, self.offset + len(self.text), self.document_placeholders
        for at in range(max(bisect.bisect_right(fields, offset, key=_start) - 1, 0), len(fields)):
            merge_field = fields[at]
            if merge_field.start >= end:
                break
            if merge_field.end > offset and _name_matches(merge_field, names):
                return True
        return False

    @property
    def positions(self) -> TokenPositions:
        """Token indices of each word, found only for the words asked about."""
        if self._positions is None:
            self._positions = TokenPositions(self.tokens.words, self.word_set)
        return self._positions

    def lexicon_spans(self, lexicon: Lexicon) -> list[tuple[int, int]]:
        """Where entries of ``lexicon`` occur: the longest entry at each start (tokenizes only when one may)."""
        key = "lex:" + lexicon.name  # the key a one-lexicon slot matcher has: one search serves both
        found = self._cache.get(key)
        if found is None:
            found = lexicon.find(self.tokens.words, self.positions) if self.may_hold(lexicon) else []
            self._cache[key] = found
        return found

    def may_hold(self, lexicon: Lexicon) -> bool:
        """Whether the sentence's words allow an entry of ``lexicon``: one of its first words, a key and a second word.

        Remembered per lexicon: the prefilter, the slots of many frames and the search for entries ask the same.
        """
        held = self._holdable.get(lexicon.name)
        if held is None:
            words = self.word_set
            held = self._holdable[lexicon.name] = not lexicon.first_words.isdisjoint(words) and lexicon.may_occur(words)
        return held

    def holds(self, lead: str) -> bool:
        """Whether the sentence holds a character of the class ``lead`` (remembered per sentence)."""
        held = self._leads.get(lead)
        if held is None:
            held = self._leads[lead] = lead_regex(lead_in(lead, self.text)).search(self.text) is not None
        return held

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens covering the characters ``[start, end)`` of the sentence."""
        first = bisect.bisect_right(self.tokens.ends, start)
        last = bisect.bisect_left(self.tokens.starts, end)
        return (first, last) if first < last else None

    def content_bounds(self) -> tuple[int, int]:
        """Index of the first and one past the last word token (punctuation and merge fields aside)."""
        words = self.tokens.words
        first = next((i for i, w in enumerate(words) if w[0].isalnum() and w != PLACEHOLDER_TOKEN), len(words))
        last = next((i + 1 for i in range(len(words) - 1, -1, -1) if words[i][0].isalnum()), 0)
        return first, last


class TokenPositions(Mapping[str, list[int]]):
    """Each word's token indices, as a mapping over the sentence's words. A lexicon asks for the
    few of its first words a sentence holds; building the whole table would touch every token."""

    __slots__ = ("_words", "_keys", "_found")

    def __init__(self, words: tuple[str, ...], keys: frozenset[str]) -> None:
        self._words = words
        self._keys = keys
        self._found: dict[str, list[int]] = {}

    def __getitem__(self, word: str) -> list[int]:
        found = self._found.get(word)
        if found is None:
            if word not in self._keys:
                raise KeyError(word)
            found = self._found[word] = _indices(self._words, word)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, word: object) -> bool:
        return word in self._keys


def _indices(words: tuple[str, ...], word: str) -> list[int]:
    """Where ``word`` stands in ``words`` (``tuple.index`` scans at C speed)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = words.index(word, at + 1)
            found.append(at)
    except ValueError:
        return found


def _start(placeholder: Placeholder) -> int:
    return placeholder.start


def _name_matches(placeholder: Placeholder | None, names: Lexicon | None) -> bool:
    if names is None:
        return True
    if placeholder is None:
        return False
    words = [w.lower() for w in _NAME_WORDS.findall(placeholder.name or placeholder.raw)]
    return bool(names.find(words))


@dataclass(frozen=True)
class FrameHit:
    """Character offsets (in the document) of what the frame reports, and of its value slot."""

    start: int
    end: int
    value: str | None = None
    kind: str | None = None
    keep: tuple[int, int] | None = None
    """Offsets of the text that can replace the hit (the frame's ``replacement`` slot), if it may."""


def match_frame(frame: Frame, sentence: Sentence) -> list[FrameHit]:
    """Every distinct report span of ``frame`` in ``sentence``."""
    words = sentence.word_set
    for needed in frame.gate.every:
        if needed.isdisjoint(words):
            return []  # a word slot that cannot be filled: no need to tokenize
    for lead in frame.gate.leads:
        if not sentence.holds(lead):
            return []  # a shape slot whose first character (a digit, a currency sign) is not there
    for slot in frame.slots:
        if not sentence.may_fill(slot.matcher):
            return []  # told without tokenizing the sentence for the slots before it
    candidates: list[list[tuple[int, int]]] = []
    for slot in frame.slots:
        spans = _filtered(slot, sentence)
        if not spans:
            return []
        candidates.append(spans)
    hits: dict[tuple[int, int], FrameHit] = {}
    states = 0
    filled: dict[str, tuple[int, int]] = {}

    def solve(index: int) -> None:
        nonlocal states
        if states > _MAX_STATES:
            return
        if index == len(frame.slots):
            if frame.below is not None and not _below(frame.below, filled, sentence):
                return
            hit = _hit(frame, filled, sentence)
            hits.setdefault((hit.start, hit.end), hit)
            return
        slot = frame.slots[index]
        for span in candidates[index]:
            states += 1
            if _stands(slot, span, filled):
                filled[slot.name] = span
                solve(index + 1)
                del filled[slot.name]

    solve(0)
    del solve  # it refers to itself: without this the cycle, and the fillings it holds, waits for the cyclic collector
    return list(hits.values())


def _filtered(slot: Slot, sentence: Sentence) -> list[tuple[int, int]]:
    spans = sentence.spans(slot.matcher)
    if not spans:
        return spans
    words = sentence.tokens.words
    if slot.at is not None:
        first, last = sentence.content_bounds()
        spans = [s for s in spans if (s[0] <= first if slot.at == "start" else s[1] >= last)]
    if slot.unless_next is not None:
        lexicon = slot.unless_next
        spans = [s for s in spans if not _starts_entry(lexicon, words, s[1])]
    if slot.unless_prev is not None:
        lexicon = slot.unless_prev
        spans = [s for s in spans if not lexicon.ends_with_entry(words, s[0])]
    return spans


def _starts_entry(lexicon: Lexicon, words: tuple[str, ...], index: int) -> bool:
    if index >= len(words):
        return False
    return any(tuple(words[index : index + len(p)]) == p for p in lexicon.by_first.get(words[index], ()))


def _stands(slot: Slot, span: tuple[int, int], filled: dict[str, tuple[int, int]]) -> bool:
    if slot.after is not None:
        ref = filled[slot.after]
        if not (ref[1] <= span[0] <= ref[1] + slot.within):
            return False
    if slot.before is not None:
        ref = filled[slot.before]
        if not (span[1] <= ref[0] <= span[1] + slot.within):
            return False
    return True


def _below(slots: tuple[str, str], filled: dict[str, tuple[int, int]], sentence: Sentence) -> bool:
    """Whether the amount in the first slot is below the one in the second, in one currency (a frame's ``below``)."""
    tokens = sentence.tokens
    low, high = ((filled[name][0], filled[name][1]) for name in slots)
    low_money = parse_amount(sentence.raw[tokens.starts[low[0]] : tokens.ends[low[1] - 1]])
    high_money = parse_amount(sentence.raw[tokens.starts[high[0]] : tokens.ends[high[1] - 1]])
    if low_money is None or high_money is None or not low_money.same_currency(high_money):
        return False
    return low_money.amount < high_money.amount


def _hit(frame: Frame, filled: dict[str, tuple[int, int]], sentence: Sentence) -> FrameHit:
    tokens = sentence.tokens
    first, last = filled[frame.report[0]], filled[frame.report[1]]
    start = min(first[0], last[0])
    end = max(first[1], last[1])
    value = None
    if frame.value is not None:
        a, b = filled[frame.value[0]], filled[frame.value[1]]
        vs, ve = min(a[0], b[0]), max(a[1], b[1])
        value = sentence.raw[tokens.starts[vs] : tokens.ends[ve - 1]]
    first_char, end_char = word_edges(sentence.text, tokens.starts[start], tokens.ends[end - 1])
    keep = None
    if frame.replacement is not None and (start, end) == sentence.content_bounds():
        ks, ke = filled[frame.replacement]
        keep = (sentence.offset + tokens.starts[ks], sentence.offset + tokens.ends[ke - 1])
    return FrameHit(sentence.offset + first_char, sentence.offset + end_char, value, frame.kind, keep)
