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

PLACEHOLDER_TOKEN = PLACEHOLDER_FILL.lower()
_WORD_HYPHENS = frozenset("-\u2010\u2011")

_TOKEN = re.compile(
    rf"""
      {PLACEHOLDER_FILL}+                       # a merge field
    | [^\W\d_{PLACEHOLDER_FILL}]+(?=n't\b)      # do|n't, ca|n't
    | n't\b
    | '(?:s|ve|re|d|ll|m)\b                     # you|'ve
    | \d+(?:[.,]\d+)*                           # 2,000  3.5
    | [^\W_{PLACEHOLDER_FILL}]+
    | (?<=\w)-(?=\w)                            # a hyphen inside a word is dropped below
    | [^\w\s]
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Tokens:
    """Tokens of one text: lower-cased forms and their character spans in that text."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Tokens of ``text`` (normalised first; positions are those of ``text``)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    plain = normalize(text)
    for match in _TOKEN.finditer(plain):
        word = match.group()
        if word == "-":
            if match.start() > 0 and text[match.start()] in _WORD_HYPHENS and plain[match.start() - 1].isalnum():
                continue
        elif word[0] == PLACEHOLDER_FILL:
            word = PLACEHOLDER_TOKEN
        else:
            word = word.lower()
        words.append(word)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(words), tuple(starts), tuple(ends))


def phrase_tokens(entry: str) -> tuple[str, ...]:
    """The token sequence of a lexicon entry."""
    return tokenize(entry.strip()).words
