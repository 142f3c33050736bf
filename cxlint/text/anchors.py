"""Anchor words: the cheap test that decides which rules a sentence is worth running.

A sentence's words are lower-cased and intersected with the set of every anchor's first word
(one C-level set operation); only on a hit are multi-word anchors checked as phrases. No large
regex to compile at start-up, and the cost stays proportional to the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words_of(text: str) -> list[str]:
    """Lower-case word tokens; curly apostrophes count as straight ones, hyphens split words."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


@dataclass
class AnchorIndex(Generic[T]):
    """Maps anchor words and phrases to the things (rules) they stand for."""

    single: dict[str, list[T]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[str, list[T]]]] = field(default_factory=dict)
    keys: frozenset[str] = frozenset()

    def add(self, anchor: str, owner: T) -> None:
        forms = {tuple(words_of(anchor))}
        if "-" in anchor or "‑" in anchor:
            forms.add(tuple(words_of(re.sub(r"[-‑]", "", anchor))))
        for words in forms:
            if not words:
                continue
            if len(words) == 1:
                self.single.setdefault(words[0], []).append(owner)
                continue
            phrase = " " + " ".join(words) + " "
            bucket = self.phrases.setdefault(words[0], [])
            for existing, owners in bucket:
                if existing == phrase:
                    owners.append(owner)
                    break
            else:
                bucket.append((phrase, [owner]))

    def freeze(self) -> AnchorIndex[T]:
        self.keys = frozenset(self.single) | frozenset(self.phrases)
        return self

    def owners_in(self, text: str) -> Iterable[T]:
        """Everything whose anchor occurs in ``text`` (duplicates possible)."""
        words = words_of(text)
        hits = self.keys.intersection(words)
        if not hits:
            return ()
        found: list[T] = []
        joined: str | None = None
        for word in hits:
            found.extend(self.single.get(word, ()))
            for phrase, owners in self.phrases.get(word, ()):
                if joined is None:
                    joined = " " + " ".join(words) + " "
                if phrase in joined:
                    found.extend(owners)
        return found
