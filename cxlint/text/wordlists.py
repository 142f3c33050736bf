"""Word lists as data: inflected forms without a trained lemmatizer, compiled to trie regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable

_VOWELS = set("aeiou")


def verb_forms(word: str) -> set[str]:
    """Regular English verb forms: notice -> notices, noticed, noticing."""
    if " " in word:
        head, _, rest = word.partition(" ")
        return {f"{form} {rest}" for form in verb_forms(head)}
    forms = {word}
    if word.endswith("e") and not word.endswith("ee"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        plural = word + "es" if word.endswith(("s", "x", "z", "ch", "sh", "o")) else word + "s"
        forms.add(plural)
        if _doubles_final(word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
        else:
            forms |= {word + "ed", word + "ing"}
    return forms


def noun_forms(word: str) -> set[str]:
    """Singular and plural: visit -> visits, search -> searches, query -> queries."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


def _doubles_final(word: str) -> bool:
    """One-syllable words ending consonant-vowel-consonant double it: stop -> stopped."""
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in _VOWELS:
        return False
    groups = re.findall(r"[aeiou]+", word)
    return len(groups) == 1 and word[-2] in _VOWELS and word[-3] not in _VOWELS


def expand(entries: Iterable[str], inflect: str | None) -> list[str]:
    """Expand list entries; ``see/saw/seen`` gives explicit forms and skips inflection."""
    out: set[str] = set()
    for entry in entries:
        entry = entry.strip().lower()
        if not entry:
            continue
        if "/" in entry:
            out.update(part.strip() for part in entry.split("/") if part.strip())
        elif inflect == "verb":
            out |= verb_forms(entry)
        elif inflect == "noun":
            out |= noun_forms(entry)
        else:
            out.add(entry)
    return sorted(out)


def trie_regex(words: Iterable[str], fold: bool = True) -> str:
    """One regex for a word list, factored as a character trie ('ab|ac' -> 'a(?:b|c)').

    Spaces in entries match any run of blanks, and straight and curly apostrophes match each other.
    ``fold``: the words are lower-cased first (the regex is meant to run case-insensitively).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word.lower() if fold else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch in "'’":
            return "['’]"
        if ch == "-":
            return r"[-‑ ]?"
        return re.escape(ch)

    def emit(node: dict[str, dict]) -> str:
        alts = [atom(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(trie) + ")"
