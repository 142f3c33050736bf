"""The derived prefilter: which frame rules a sentence is worth trying.

Built from the frames' own gates (``rulepack.frames.derive_gate``), never written by hand. A
sentence's token set is intersected with every gate word at once; regex gates run once over
the whole text; merge-field gates need a merge field in the sentence. A frame let through must
also find each of its word-only slots fillable (``slot_fill``, what ``Sentence.may_hold`` tells): most frames a gate word
lets through would otherwise be tried only to turn away at once. What a gate's words let through
depends on a sentence's words alone, so it is remembered for each sentence text met in a run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from cxlint.engine.beside import kept_beside
from cxlint.engine.frame_match import Sentence
from cxlint.engine.slot_fill import SlotFill, may_fill, slot_fill
from cxlint.errors import RuleError, keep_rule_error
from cxlint.lexicon.lexicons import Lexicon
from cxlint.rulepack.frames import Frame, Matcher
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.leading import DIGIT_CLASS, lead_in, lead_regex, rare_leading_class
from cxlint.text.literals import LiteralGate, holds_digit, literal_gate
from cxlint.text.tokens import PLACEHOLDER_TOKEN

GatedFrame = tuple[str, int]
"""A rule id and the index of one of its frames."""
_NONE: frozenset[GatedFrame] = frozenset()


Need = tuple[GatedFrame, int, tuple[str, ...]]
"""A frame with what else it needs besides its gate: a bit for each of its word-only slots (the
sentence must hold one of that slot's key words, and may hold an entry of one of its lexicons)
and the rare first characters of its shapes."""


@dataclass
class GateIndex:
    """The derived prefilter of a rule set's frames, indexed by gate word, regex and merge field."""

    by_word: dict[str, list[Need]] = field(default_factory=dict)
    by_regex: list[tuple[LazyRegex, list[Need]]] = field(default_factory=list)
    placeholder: list[Need] = field(default_factory=list)
    always: list[Need] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    leads: list[str | None] = field(default_factory=list)
    """For each regex gate, the class of characters its matches start with when that class is rare
    (a digit, a currency sign); None when letters may start it and one pass over the text is cheaper."""
    literal_gates: list[LiteralGate] = field(default_factory=list)
    """For each regex gate, the literals (or the digit) every match needs: a text without them is not searched."""
    regex_needs: list[tuple[int, ...] | None] = field(default_factory=list)
    """For each regex gate, the distinct slot bits its frames need besides it (None: one frame needs none)."""
    word_bits: dict[str, int] = field(default_factory=dict)
    """For each key word of a word-only slot, the bits of the slots it can fill (as an index into ``masks``)."""
    slot_words: frozenset[str] = frozenset()
    """The words of ``word_bits`` and ``first_bits``: a sentence's words are looked up in both with one intersection."""
    bit_lexicons: list[tuple[Lexicon, ...]] = field(default_factory=list)
    """For each slot bit, the lexicons that can fill the slot: the sentence may hold an entry of one."""
    first_bits: dict[str, int] = field(default_factory=dict)
    """For each first word of an entry of a word-only slot's lexicons, the bits of the slots it may begin
    (an index into ``masks``): a slot none of whose entries' first words the sentence holds cannot be
    filled (``Sentence.may_hold``), and most frames its key words let through are turned away by that."""
    masks: list[int] = field(default_factory=lambda: [0])
    """The distinct bit sets of ``word_bits`` and ``first_bits`` (the first is none): words share them (a
    lexicon's words begin the same slots), and each is an integer of a bit a slot, so the compiled packs store each once."""
    _groups: dict[frozenset[str], int] = field(default_factory=dict)
    _fills: dict[int, SlotFill] = field(default_factory=dict)
    """For each slot bit asked about in the run, its compiled fill test (``slot_fill``), built when first asked."""

    def add(self, rule_id: str, index: int, frame: Frame) -> None:
        gate = frame.gate
        bits = 0
        for slot in frame.slots:
            lexicons = word_only_lexicons(slot.matcher)
            if lexicons is not None:
                bits |= self._group(lexicons)
        need = ((rule_id, index), bits, gate.leads)
        if gate.always:
            self.always.append(need)
            return
        for word in gate.words:
            self.by_word.setdefault(word, []).append(need)
        for regex in gate.regexes:
            for known, owners in self.by_regex:
                if known.pattern == regex.pattern:
                    owners.append(need)
                    break
            else:
                self.by_regex.append((regex, [need]))
        if gate.placeholder:
            self.placeholder.append(need)

    def _group(self, lexicons: tuple[Lexicon, ...]) -> int:
        """The bit of a word-only slot filled by ``lexicons`` (one bit for each distinct set of lexicons)."""
        key = frozenset(lexicon.name for lexicon in lexicons)
        bit = self._groups.get(key)
        if bit is None:
            bit = self._groups[key] = 1 << len(self.bit_lexicons)
            self.bit_lexicons.append(tuple(lexicons))
        return bit

    def __getstate__(self) -> dict[str, object]:
        """Pickled without what ``__setstate__`` derives again (the word sets) or no longer needs
        (the slot groups, used only while frames are added): a third of the index's bytes."""
        state = dict(self.__dict__)
        for derived in ("words", "slot_words", "_groups", "_fills"):
            state.pop(derived, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.words = frozenset(self.by_word)
        self.slot_words = frozenset(self.word_bits).union(self.first_bits)
        self._groups = {}
        self._fills = {}

    def freeze(self) -> GateIndex:
        self.words = frozenset(self.by_word)
        self.masks = [0]
        self.word_bits = self._bits_by_word(lambda lexicon: lexicon.key_words)
        self.first_bits = self._bits_by_word(lambda lexicon: lexicon.first_words)
        self.slot_words = frozenset(self.word_bits).union(self.first_bits)  # set & set walks the smaller; set & dict walks the dict
        self.leads = [rare_leading_class(regex.pattern, regex.flags) for regex, _ in self.by_regex]
        self.literal_gates = [literal_gate(re.compile(regex.pattern, regex.flags)) for regex, _ in self.by_regex]
        self.regex_needs = [_needs_of(owners) for _, owners in self.by_regex]
        return self

    def _bits_by_word(self, words_of: Callable[[Lexicon], frozenset[str]]) -> dict[str, int]:
        """For each word ``words_of`` gives a slot's lexicons, the bits of those slots (an index into ``masks``)."""
        bits: dict[str, int] = {}
        for number, lexicons in enumerate(self.bit_lexicons):
            for word in frozenset().union(*(words_of(lexicon) for lexicon in lexicons)):
                bits[word] = bits.get(word, 0) | 1 << number
        numbers = {mask: number for number, mask in enumerate(self.masks)}
        for word, mask in bits.items():
            if mask not in numbers:
                numbers[mask] = len(self.masks)
                self.masks.append(mask)
            bits[word] = numbers[mask]
        return bits

    def candidates(
        self,
        mask: str,
        spans: list[tuple[int, int]],
        sentences: list[Sentence],
        errors: list[RuleError] | None = None,
        holding: dict[str, list[int]] | None = None,
        among: Collection[int] | None = None,
    ) -> dict[int, set[GatedFrame]]:
        """Frames worth trying, by sentence index; a user regex gate that breaks is recorded in ``errors``.
        ``holding`` is the document's sentences holding each rare lead character, shared by its gates
        (``DocumentScan.holding``); it is filled as they are found. With ``among``, only those sentences
        are looked at (the evidence near a stage's targets): each gets what it would get among all.

        A frame is let through when the sentence holds its gate and a key word of every other
        word-only slot (one bitwise test against the bits of the slots the sentence's words fill)
        and the rare first character of each of its shapes.
        """
        found: dict[int, set[GatedFrame]] = {}
        held: dict[int, int] = {}
        known: dict[int, list[int]] = {}
        by_word, gate_words, slot_words = self.by_word, self.words, self.slot_words
        key_bits, first_bits, masks = self.word_bits.get, self.first_bits.get, self.masks
        always, placeholder, fillable = self.always, self.placeholder, self._fillable
        seen = _verdicts(self)
        for index in range(len(sentences)) if among is None else sorted(among):
            sentence = sentences[index]
            verdict = seen.get(sentence.text)
            if verdict is not None:  # the same words met before in the run: what they let through then
                held[index], fillable_bits, unfillable_bits, let_through = verdict
                known[index] = [fillable_bits, unfillable_bits]
                if let_through:
                    found[index] = set(let_through)
                continue
            words = sentence.word_set
            bits = firsts = 0
            for word in words & slot_words:
                bits |= masks[key_bits(word, 0)]
                firsts |= masks[first_bits(word, 0)]
            bits &= firsts  # the slots whose key words the sentence holds, and the first word of an entry
            held[index] = bits
            told = known[index] = [0, 0]
            bucket: set[GatedFrame] | None = None
            for word in gate_words.intersection(words):
                for entry, needed, leads in by_word[word]:
                    if (
                        needed & bits == needed
                        and (needed & told[0] == needed or fillable(sentence, needed, told))  # slots already found fillable: no call
                        and (not leads or _holds_all(sentence, leads))
                    ):
                        if bucket is None:
                            bucket = found[index] = set()
                        bucket.add(entry)
            extra = always + placeholder if placeholder and PLACEHOLDER_TOKEN in words else always
            for entry, needed, leads in extra:
                if needed & bits == needed and fillable(sentence, needed, told) and (not leads or _holds_all(sentence, leads)):
                    found.setdefault(index, set()).add(entry)
            if len(seen) >= _VERDICT_LIMIT:
                seen.clear()
            seen[sentence.text] = (bits, told[0], told[1], frozenset(found[index]) if index in found else _NONE)
        if self.by_regex:
            starts = [s for s, _ in spans]
            holding = {} if holding is None else holding
            folded: str | None = None
            digit: bool | None = None
            for (regex, owners), lead, literals, needs in zip(self.by_regex, self.leads, self.literal_gates, self.regex_needs):
                try:
                    if lead is None:
                        if literals.ignore_case and folded is None:
                            folded = mask.casefold()
                        if (literals.digit or literals.digit_or is not None) and digit is None:
                            digit = holds_digit(mask)  # once a document, not once a gate
                        if not literals.may_match(mask, folded, digit):
                            continue
                    where = _narrowed(lead, literals, mask, folded, starts, spans, holding)
                    if where is not None:  # search only the sentences that can hold a match
                        if among is not None:
                            where = [index for index in where if index in held]
                        if needs is not None:  # and of those, only where one of its frames' other slots can be filled
                            where = [index for index in where if _fits(held[index], needs)]
                        hit = _searched(regex, literals, lead, where, sentences)
                    elif needs is not None:
                        hit = _sentences_hit_among(regex, mask, spans, [i for i, bits in held.items() if _fits(bits, needs)])
                    elif among is not None:
                        hit = _sentences_hit_among(regex, mask, spans, list(held))
                    else:
                        hit = _sentences_hit(regex, mask, starts, spans)
                except RuleError as exc:  # a user regex slot past its time limit: its frames get no sentences
                    keep_rule_error(errors, exc)
                    continue
                for index in hit:
                    bits, sentence = held[index], sentences[index]
                    for entry, needed, leads in owners:
                        if needed & bits == needed and fillable(sentence, needed, known[index]) and (not leads or _holds_all(sentence, leads)):
                            found.setdefault(index, set()).add(entry)
        return found

    def _fillable(self, sentence: Sentence, needed: int, known: list[int]) -> bool:
        """Whether each word-only slot of ``needed`` may be filled in ``sentence``. ``known`` holds the
        slot bits found fillable there and those found not: each is asked once a sentence, when a frame
        that its gate word let through needs it."""
        if needed & known[1]:
            return False
        unknown = needed & ~known[0]
        fills, words = self._fills, sentence.word_set
        while unknown:
            bit = unknown & -unknown
            unknown ^= bit
            fill = fills.get(bit)
            if fill is None:
                fill = fills[bit] = slot_fill(self.bit_lexicons[bit.bit_length() - 1])
            if may_fill(fill, words):
                known[0] |= bit
            else:
                known[1] |= bit
                return False
        return True


Verdict = tuple[int, int, int, frozenset[GatedFrame]]
"""What a gate's words let through in a sentence: its slot bits, the slots found fillable and not, the frames."""
_VERDICT_LIMIT = 50_000
"""Distinct sentences a gate remembers in a run (then it starts again): memory stays bounded."""
_seen: dict[int, tuple[object, dict[str, Verdict]]] = {}


def _verdicts(gates: GateIndex) -> dict[str, Verdict]:
    """The verdicts of ``gates`` on the words of each sentence text met so far in the run: copy repeats across
    files (footers, legal lines, the same paragraph on every page), and a verdict depends on the words alone."""
    return kept_beside(_seen, gates, dict)


def word_only_lexicons(matcher: Matcher) -> tuple[Lexicon, ...] | None:
    """The lexicons that can fill a slot only words fill (None when a shape, a regex or a merge field may):
    the slots whose key words ``derive_gate`` puts in a gate's ``every``."""
    if matcher.kind == "lexicon":
        return matcher.lexicons
    if matcher.kind != "any":
        return None
    found: list[Lexicon] = []
    for option in matcher.options:
        part = word_only_lexicons(option)
        if part is None:
            return None
        found.extend(part)
    return tuple(found)


def _needs_of(owners: list[Need]) -> tuple[int, ...] | None:
    needs = tuple(dict.fromkeys(needed for _, needed, _ in owners))
    return None if 0 in needs else needs


def _fits(bits: int, needs: tuple[int, ...]) -> bool:
    """Whether a sentence whose words fill the slots of ``bits`` fills every other word-only slot of one frame."""
    for needed in needs:
        if needed & bits == needed:
            return True
    return False


def _searched(regex: LazyRegex, literals: LiteralGate, lead: str | None, where: list[int], sentences: list[Sentence]) -> list[int]:
    """The sentences of ``where`` holding a match, each searched alone (its text's edges are the match's).

    A sentence found by a digit holds one: only literals, or a digit a non-digit lead does not promise, are tested first.
    Whether a sentence holds a digit is asked of the sentence, which remembers it: many gates ask of the same sentences.
    """
    search = regex.compiled.search
    if literals.literals is None and (not literals.digit or lead in (None, DIGIT_CLASS)):
        return [index for index in where if search(sentences[index].text) is not None]
    may_match = literals.may_match
    if not literals.digit and literals.digit_or is None:
        return [index for index in where if may_match(sentences[index].text) and search(sentences[index].text) is not None]
    return [index for index in where
            if may_match(sentences[index].text, None, sentences[index].holds(DIGIT_CLASS)) and search(sentences[index].text) is not None]


def _sentences_hit(regex: LazyRegex, mask: str, starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The sentences holding a match of ``regex``, from one pass over the text.

    After a match the search goes on from the end of its sentence: a gate needs one match a
    sentence, and a common shape (a capitalised word) would otherwise make a match object for
    every word of the text.
    """
    hit: list[int] = []
    at = 0
    end = len(mask)
    while at < end:
        match = regex.search(mask, at)
        if match is None:
            break
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < spans[index][1]:
            hit.append(index)
            at = max(spans[index][1], match.start() + 1)
        else:
            at = match.start() + 1
    return hit


def _sentences_hit_among(regex: LazyRegex, mask: str, spans: list[tuple[int, int]], among: list[int]) -> list[int]:
    """Those of the sentences ``among`` (in order) that ``_sentences_hit`` names, searching only from them.

    That pass names a sentence when the first match from the sentence's start begins inside it (a
    search from any earlier place that skips no match finds the same one), so one search from a
    sentence's start decides it, and also decides every later sentence starting before that match.
    """
    hit: list[int] = []
    searched = -1  # the text from ``searched`` on holds no match before ``match``
    match: re.Match[str] | None = None
    for index in among:
        start, stop = spans[index]
        if not (0 <= searched <= start and (match is None or start <= match.start())):
            searched, match = start, regex.search(mask, start)
        if match is None:
            break
        if match.start() < stop:
            hit.append(index)
    return hit


_MAX_LITERAL_HITS = 64
"""Past this many places holding a gate's literal, one pass of its regex over the text is cheaper."""


def _narrowed(
    lead: str | None,
    literals: LiteralGate,
    mask: str,
    folded: str | None,
    starts: list[int],
    spans: list[tuple[int, int]],
    holding: dict[str, list[int]],
) -> list[int] | None:
    """The sentences a gate's regex need be searched in, or None to search the whole text.

    A match starts with a rare character (a digit, a currency sign), or holds a digit, or holds one
    of a few literals (or else a digit): only the sentences with one are searched. Python's ``re``
    tries a pattern that opens with a lookbehind or an alternation at every position, so one pass
    over the whole text costs more than a search of the few sentences that can match.
    """
    rare = lead if lead is not None else (DIGIT_CLASS if literals.digit else None)
    if rare is not None:
        return _held(rare, mask, starts, spans, holding)
    wanted = literals.literals if literals.literals is not None else literals.digit_or
    if wanted is None:
        return None
    text = folded if literals.ignore_case else mask
    if text is None or len(text) != len(mask):
        return None  # case folding moved the offsets
    found: set[int] = set() if literals.literals is not None else set(_held(DIGIT_CLASS, mask, starts, spans, holding))
    places = 0
    for literal in wanted:
        at = text.find(literal)
        while at != -1:
            places += 1
            if places > _MAX_LITERAL_HITS:
                return None
            found.add(bisect.bisect_right(starts, at) - 1)
            at = text.find(literal, at + 1)
    return sorted(index for index in found if index >= 0)


def _held(lead: str, mask: str, starts: list[int], spans: list[tuple[int, int]], holding: dict[str, list[int]]) -> list[int]:
    """The sentences holding a character of the class ``lead``, found once per document."""
    where = holding.get(lead)
    if where is None:
        where = holding[lead] = _holding(lead, mask, starts, spans)
    return where


def _holding(lead: str, mask: str, starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The sentences holding a character of the class ``lead``: one pass over the text for its runs,
    each marking the sentences it overlaps (cheaper than a search of every sentence). A run is written
    ``[x][x]*``, not ``[x]+``: ``re`` skips ahead at C speed to a class that opens a pattern, where it
    tries a pattern opening with a repeat at every character."""
    found: list[int] = []
    count = len(spans)
    for first, last in _runs(lead, mask):
        index = bisect.bisect_right(starts, first) - 1
        if index < 0 or first >= spans[index][1]:
            index += 1
        while index < count and spans[index][0] < last:
            if spans[index][0] < spans[index][1] and (not found or found[-1] != index):
                found.append(index)
            index += 1
    return found


_PLAIN_CLASS = re.compile(r"\[([^-\\\]\[^]{2,})\]")
"""A class of two or more characters written as themselves (no escape, range or negation), such as ``[23]``."""


def _runs(lead: str, mask: str) -> list[tuple[int, int]]:
    """The spans of the runs of ``lead``'s characters in ``mask``, in order. A class of a few plain characters is
    looked for one character at a time, by a pattern that opens with it: ``re`` skips to a literal at C speed, where
    it tests a class at every character. A run of mixed characters is then found in pieces, each in the sentences
    the whole run is in."""
    lead = lead_in(lead, mask)
    plain = _PLAIN_CLASS.fullmatch(lead)
    if plain is None:
        return [run.span() for run in lead_regex(lead + lead + "*").finditer(mask)]
    runs: list[tuple[int, int]] = []
    for char in plain.group(1):
        literal = re.escape(char)
        runs += [run.span() for run in lead_regex(literal + literal + "*").finditer(mask)]
    runs.sort()
    return runs


def _holds_all(sentence: Sentence, leads: tuple[str, ...]) -> bool:
    return all(sentence.holds(lead) for lead in leads)
