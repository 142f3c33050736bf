"""A compiled lexicon: every surface form of its entries as token tuples, indexed by first token."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cxlint.lexicon.forms import word_forms, zipf
from cxlint.lexicon.spellings import Spellings, respelled
from cxlint.text.tokens import phrase_tokens


_PACKED_FIELDS = frozenset({"phrases", "first_words", "key_words"})


@dataclass(frozen=True)
class Lexicon:
    """A word class. ``pos`` says how entries inflect: verb (first word), noun (last word) or as written.

    ``phrases`` holds every surface form as a token tuple; the indexes by first and last token
    are built on first use, so a run only pays for the lexicons its copy reaches.
    """

    name: str
    entries: tuple[str, ...]
    phrases: frozenset[tuple[str, ...]]
    first_words: frozenset[str]
    key_words: frozenset[str]
    """For each entry, its least common token: a sentence without any of these holds no entry."""
    pos: str | None = None
    about: str = ""
    source: str = ""
    line: int = 0
    _index: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        """Phrases travel as one string: a thousand lexicons of tuples in frozensets took most of
        the time a run spends loading its compiled packs. Tokens never hold whitespace."""
        state = dict(self.__dict__)
        state["_index"] = {}
        entries = state.get("entries")
        if entries and all(entry and "\n" not in entry for entry in entries):
            # as written, read only to explain a rule: one string to load, not a string each
            state["_entries"] = "\n".join(state.pop("entries"))
        if "_seconds" not in state:  # worked out once when the packs compile, not in every run that asks
            state["_seconds"] = _packed_seconds(self.second_words)
        if "_packed" not in state:
            phrases = state.pop("phrases")
            state.pop("first_words")
            keys = state.pop("key_words")
            state["_packed"] = ("\n".join(" ".join(phrase) for phrase in phrases), " ".join(keys))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        """Unpack the phrases (or entries) of a lexicon loaded from the cache when first asked for (only then)."""
        if name == "entries" and "_entries" in self.__dict__:
            text = self.__dict__.pop("_entries")
            self.__dict__["entries"] = tuple(text.split("\n"))
            return self.__dict__["entries"]
        packed = self.__dict__.get("_packed")
        if packed is None or name not in _PACKED_FIELDS:
            raise AttributeError(name)
        phrases_text, keys_text = packed
        phrases = frozenset(tuple(line.split(" ")) for line in phrases_text.split("\n")) if phrases_text else frozenset()
        self.__dict__.update(
            phrases=phrases,
            first_words=frozenset(phrase[0] for phrase in phrases),
            key_words=frozenset(keys_text.split(" ")) if keys_text else frozenset(),
        )
        del self.__dict__["_packed"]
        return self.__dict__[name]

    @property
    def by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Phrases by first token, longest first."""
        return self._grouped("first", 0)

    @property
    def by_last(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Phrases by last token, longest first."""
        return self._grouped("last", -1)

    def _grouped(self, name: str, position: int) -> dict[str, tuple[tuple[str, ...], ...]]:
        index = self._index.get(name)
        if index is None:
            groups: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.phrases:
                groups.setdefault(phrase[position], []).append(phrase)
            index = {token: tuple(sorted(group, key=len, reverse=True)) for token, group in groups.items()}
            self._index[name] = index
        return index

    def may_occur(self, words: frozenset[str]) -> bool:
        """Whether a sentence of ``words`` can hold an entry: one entry's key word and a second word of it.

        The key word alone lets through a sentence that holds "if" for an entry like "if you
        leave now"; the second word, the entry's longest other one, turns most of those away
        before the sentence is tokenized for nothing.
        """
        seconds = self.second_words
        for key in self.key_words.intersection(words):
            others = seconds.get(key)
            if others is None or not others.isdisjoint(words):
                return True
        return False

    @property
    def second_words(self) -> dict[str, frozenset[str]]:
        """For each key word that is no whole entry, the second words its entries need besides it (built on first use)."""
        seconds = self._index.get("seconds")
        if seconds is None:
            packed = self.__dict__.pop("_seconds", None)
            seconds = _second_words(self.phrases, self.key_words) if packed is None else _unpacked_seconds(packed)
            self._index["seconds"] = seconds
        return seconds

    def find(self, words: Sequence[str], positions: Mapping[str, Sequence[int]] | None = None) -> list[tuple[int, int]]:
        """Token spans ``(i, j)`` where an entry occurs: the longest entry at each start.

        With ``positions`` (each word's token indices) only the places of the entries' first words
        are looked at, instead of every token.
        """
        if positions is None:
            positions = {}
            for index, word in enumerate(words):
                positions.setdefault(word, []).append(index)  # type: ignore[attr-defined]
        by_first = self.by_first
        count = len(words)
        spans: list[tuple[int, int]] = []
        for first in self.first_words.intersection(positions):
            for index in positions[first]:
                for phrase in by_first[first]:  # longest first
                    end = index + len(phrase)
                    if end <= count and (len(phrase) == 1 or tuple(words[index:end]) == phrase):
                        spans.append((index, end))
                        break
        return sorted(spans)

    def ends_with_entry(self, words: Sequence[str], end: int) -> bool:
        """Whether an entry ends exactly at token index ``end`` (exclusive)."""
        if end <= 0:
            return False
        return any(len(p) <= end and tuple(words[end - len(p) : end]) == p for p in self.by_last.get(words[end - 1], ()))


def _second_words(phrases: Iterable[tuple[str, ...]], keys: frozenset[str]) -> dict[str, frozenset[str]]:
    """For each key word, the second words the entries holding it need besides it (each entry's
    longest other word); a key word that is a whole entry on its own needs nothing more and is left out."""
    found: dict[str, set[str]] = {}
    alone: set[str] = set()
    for phrase in phrases:
        words = set(phrase)
        for key in words & keys:
            rest = words - {key}
            if rest:
                found.setdefault(key, set()).add(max(sorted(rest), key=len))
            else:
                alone.add(key)
    return {key: frozenset(others) for key, others in found.items() if key not in alone}


def _packed_seconds(seconds: Mapping[str, frozenset[str]]) -> str:
    """``second_words`` as one string to pickle, a line a key word: the key, then its second words (tokens never hold
    whitespace). Loaded, it is split when first asked for: cheaper than working it out from every phrase again."""
    return "\n".join(" ".join((key, *sorted(others))) for key, others in seconds.items())


def _unpacked_seconds(packed: str) -> dict[str, frozenset[str]]:
    """The ``second_words`` that ``_packed_seconds`` wrote."""
    seconds: dict[str, frozenset[str]] = {}
    for line in packed.split("\n") if packed else ():
        key, *others = line.split(" ")
        seconds[key] = frozenset(others)
    return seconds


def surface_forms(entry: str, pos: str | None) -> set[tuple[str, ...]]:
    """Token tuples an entry matches: as written, plus inflections of its head word."""
    tokens = phrase_tokens(entry)
    if not tokens:
        return set()
    forms = {tokens}
    if pos in ("verb", "any") and tokens[0].isalpha():
        forms |= {(form, *tokens[1:]) for form in word_forms(tokens[0], "verb") if form.isalpha()}
    if pos in ("noun", "any") and tokens[-1].isalpha():
        forms |= {(*tokens[:-1], form) for form in word_forms(tokens[-1], "noun") if form.isalpha()}
    return forms


def key_word(phrase: tuple[str, ...]) -> str:
    """The token of ``phrase`` that best tells a sentence cannot hold it: the rarest in English."""
    return min(phrase, key=lambda token: (zipf(token), -len(token)))


def build_lexicon(name: str, entries: Iterable[str], pos: str | None, about: str = "", source: str = "", line: int = 0,
                  extra_phrases: Iterable[tuple[str, ...]] = (), spellings: Spellings = ()) -> Lexicon:
    """Compile entries (and the phrases of included lexicons, already compiled) into a matchable lexicon; each
    entry's forms also take the other ``spellings`` of their words (``lexicon.spellings``)."""
    entries = tuple(entries)
    phrases: set[tuple[str, ...]] = set(extra_phrases)
    for entry in entries:
        phrases |= respelled(surface_forms(entry, pos), spellings)
    keys = frozenset(key_word(phrase) for phrase in phrases)
    return Lexicon(name, entries, frozenset(phrases), frozenset(p[0] for p in phrases), keys, pos, about, source, line)
