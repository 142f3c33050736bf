"""The one tokenizer of frames, lexicons and the prefilter: what a rule calls a word.

Lower-cased words of the normalised text; contractions split as spaCy splits them (``you've``
-> ``you`` + ``'ve``, ``don't`` -> ``do`` + ``n't``); a hyphen inside a word separates words
and is not a token (``check-in`` -> ``check`` ``in``); other punctuation marks are tokens; a
merge field (a run of the placeholder fill) is one token. Lexicon entries are tokenized the same
way, so an entry matches exactly the copy it spells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cxlint.document import PLACEHOLDER_FILL
from cxlint.text.normalize import normalize
from cxlint.text.plain_ascii import plain_ascii

PLACEHOLDER_TOKEN = PLACEHOLDER_FILL.lower()
CONTRACTION_HEADS = frozenset({"ca", "wo", "sha", "ai"})
"""What is left of a word before ``n't`` when it is not a word itself (``ca|n't``, ``wo|n't``)."""
_WORD_HYPHENS = frozenset("-\u2010\u2011")

_CONTRACTION = "n't"
_BRANCHES = (
    rf"{PLACEHOLDER_FILL}+",                    # a merge field
    rf"[^\W\d_{PLACEHOLDER_FILL}]+(?=n't\b)",   # do|n't, ca|n't
    r"n't\b",
    r"'(?:s|ve|re|d|ll|m)\b",                  # you|'ve
    r"\d+(?:[.,]\d+)*",                         # 2,000  3.5
    rf"[^\W_{PLACEHOLDER_FILL}]+",
    r"(?<=\w)-(?=\w)",                          # a hyphen inside a word is dropped below
    r"[^\w\s]",
)
_TOKEN = re.compile("|".join(_BRANCHES), re.IGNORECASE)


@dataclass(frozen=True)
class Tokens:
    """Tokens of one text: lower-cased forms and their character spans in that text."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)


def word_set(text: str, normalized: bool = False) -> frozenset[str]:
    """The words ``tokenize`` would give ``text``, cheaply (no positions): what the prefilter needs.

    A superset in practice: it may also hold a word-internal hyphen, which no gate asks for.
    """
    return scan_words(text, text if normalized else normalize(text))[0]


def scan_words(text: str, plain: str) -> tuple[frozenset[str], list[str] | None]:
    """``word_set(text)`` (``plain`` is ``text`` normalised), and with it the words in order when they
    are exactly ``tokenize(text).words``: no merge field, no hyphen to judge, a lower case of the same
    length. One match then serves both the gates' set and a bag of words."""
    if _FINAL_SIGMA in plain:
        return frozenset(tokenize(text).words), None
    lowered = plain.lower()
    words = _patterns(lowered).words.findall(lowered)
    found = set(words)
    if PLACEHOLDER_TOKEN in lowered:
        found.add(PLACEHOLDER_TOKEN)
    exact = _lowers_in_place(plain, lowered) and "-" not in found
    return frozenset(found), words if exact else None


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` (normalised first; positions are those of ``text``).

    The common case runs at C speed: the lower-cased text is matched once for the words and
    once for the spans, and only hyphens, if any, are looked at one by one (a hyphen inside a
    word is dropped). Text with a merge field, or whose lower case changes its length, takes
    the slow path.
    """
    plain = normalize(text)
    lowered = plain.lower()
    if not _lowers_in_place(plain, lowered):
        return _tokenize_slow(text, plain)
    patterns = _patterns(lowered)
    words = patterns.words.findall(lowered)
    spans = list(map(_SPAN, patterns.token.finditer(lowered)))
    if "-" in words:
        keep = [i for i, word in enumerate(words) if word != "-" or not _inside_word(text, plain, spans[i][0])]
        words = [words[i] for i in keep]
        spans = [spans[i] for i in keep]
    return _tokens_at(words, spans)


def tokens_of_words(plain: str, words: list[str]) -> Tokens:
    """``tokenize`` of a text whose words ``scan_words`` gave exactly (``plain`` is the text normalised, as
    it was given there): only the spans are still to find, by one pass, instead of matching the words again."""
    lowered = plain.lower()
    spans = list(map(_SPAN, _patterns(lowered).token.finditer(lowered)))
    return _tokens_at(words, spans)


def token_words(text: str) -> tuple[str, ...]:
    """``tokenize(text).words`` without the spans, which a bag of words does not need: one match
    over the text instead of two. Text with a hyphen takes ``tokenize`` (only a span tells a hyphen
    inside a word, which is dropped, from a dash between words)."""
    plain = normalize(text)
    lowered = plain.lower()
    if not _lowers_in_place(plain, lowered):
        return _tokenize_slow(text, plain).words
    words = _patterns(lowered).words.findall(lowered)
    if "-" in words:
        return tokenize(text).words
    return tuple(words)


def _lowers_in_place(plain: str, lowered: str) -> bool:
    """Whether one match over ``lowered`` gives the tokens of ``plain`` at their places: no merge field (its
    fill is one token however long), no letter whose lower case changes length or depends on its neighbours."""
    return len(lowered) == len(plain) and PLACEHOLDER_FILL not in plain and _FINAL_SIGMA not in plain


def _inside_word(text: str, plain: str, at: int) -> bool:
    """Whether the ``-`` at ``at`` joins two words (``check-in``): a hyphen in the source, after a letter or digit."""
    return at > 0 and text[at] in _WORD_HYPHENS and plain[at - 1].isalnum()


_FINAL_SIGMA = "\u03a3"
"""The one letter whose lower case depends on its neighbours: text with it lowers word by word."""
_LOWER_TOKEN = re.compile("|".join(_BRANCHES))
"""``_TOKEN`` for text already lower-cased: the same tokens, without the cost of ignoring case."""
_LOWER_TOKEN_UNCONTRACTED = re.compile("|".join(b for b in _BRANCHES if _CONTRACTION not in b))
"""``_LOWER_TOKEN`` for text without "n't", where its two contraction branches cannot match: the
same tokens, a third faster (the first of them backtracks through every word looking for "n't")."""


_LOWER_WORDS = re.compile(rf"\s*({_LOWER_TOKEN.pattern})")
_LOWER_WORDS_UNCONTRACTED = re.compile(rf"\s*({_LOWER_TOKEN_UNCONTRACTED.pattern})")
"""The token patterns for ``findall``, which wants the words and not their places: a match may start with the
white space before its token, which no branch matches. ``re`` would otherwise try every branch at each space;
one run of white space is now skipped at C speed in the same try as the token after it."""


@dataclass(frozen=True)
class _Patterns:
    """The patterns matching one lower-cased text: ``words`` for ``findall`` (its one group), ``token`` for spans."""

    words: re.Pattern[str]
    token: re.Pattern[str]


def _ascii_forms(patterns: _Patterns) -> _Patterns:
    return _Patterns(re.compile(patterns.words.pattern, re.ASCII), re.compile(patterns.token.pattern, re.ASCII))


_CONTRACTED = _Patterns(_LOWER_WORDS, _LOWER_TOKEN)
_UNCONTRACTED = _Patterns(_LOWER_WORDS_UNCONTRACTED, _LOWER_TOKEN_UNCONTRACTED)
_PATTERNS = {(False, True): _CONTRACTED, (False, False): _UNCONTRACTED,
             (True, True): _ascii_forms(_CONTRACTED), (True, False): _ascii_forms(_UNCONTRACTED)}
"""By (``plain_ascii`` of the text, whether it holds "n't"). In a text ``plain_ascii`` lets through the ``re.ASCII``
forms match the same tokens: ``re`` tests ``\\w``, ``\\d`` and ``\\s`` there by a table of 128 characters, not
by a look-up in Unicode's tables."""


def _patterns(lowered: str) -> _Patterns:
    """The patterns for ``lowered``, chosen once for both of its passes."""
    return _PATTERNS[plain_ascii(lowered), _CONTRACTION in lowered]


_SPAN = re.Match.span


def _tokens_at(words: list[str], spans: list[tuple[int, int]]) -> Tokens:
    """``Tokens`` of ``words`` at ``spans`` (one span a word)."""
    if not spans:
        return Tokens((), (), ())
    starts, ends = zip(*spans)
    return Tokens(tuple(words), starts, ends)


def _tokenize_slow(text: str, plain: str) -> Tokens:
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(plain):
        word = match.group()
        if word == "-":
            if _inside_word(text, plain, match.start()):
                continue
        elif word[0] == PLACEHOLDER_FILL:
            word = PLACEHOLDER_TOKEN
        else:
            word = word.lower()
        words.append(word)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(words), tuple(starts), tuple(ends))


def word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words: ``20`` of ``20pts`` becomes ``20pts``, ``do`` of ``don't`` ``don't``.

    Tokens split inside words (digits from letters, ``do|n't``) so that frames can read ``5kg``
    as a number and a unit; a span made of tokens may therefore stop inside a word, and what a
    finding reports must not. An apostrophe between two letters is inside the word.
    """
    if start >= end:
        return start, end
    while start > 0 and _joined(text, start - 1, start):
        start -= 1
    while end < len(text) and _joined(text, end - 1, end):
        end += 1
    return start, end


def _joined(text: str, left: int, right: int) -> bool:
    """Whether the characters at ``left`` and ``right`` (neighbours) belong to one word."""
    a, b = text[left], text[right]
    if _is_word_char(a) and _is_word_char(b):
        return True
    if b in _APOSTROPHES:  # "do|n't": look past the apostrophe
        return _is_word_char(a) and right + 1 < len(text) and _is_word_char(text[right + 1])
    if a in _APOSTROPHES:
        return _is_word_char(b) and left > 0 and _is_word_char(text[left - 1])
    return False


_APOSTROPHES = frozenset("'\u2019")


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches (letters, digits, underscore); a merge field's fill character is not one."""
    return (char.isalnum() or char == "_") and char != PLACEHOLDER_FILL


def phrase_tokens(entry: str) -> tuple[str, ...]:
    """The token sequence of a lexicon entry."""
    return tokenize(entry.strip()).words
