"""Loose phrase matching for phrase kinds (guarantee, security, rank, outcome, claim, price subjects).

Registry phrases are matched by their content words, crudely stemmed so "ships carbon-neutral"
meets "carbon-neutral shipping" and "guaranteed" meets "guarantee". Coverage is the share of
an entry's content words that the copy repeats: high coverage backs, a partial one means the
copy talks about the entry but leaves part of it out (a rank without its survey).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"#\s?1\b|[a-z0-9£$€]+(?:[.'’][a-z0-9]+)*", re.IGNORECASE)
STOPWORDS = frozenset(
    """a an the and or of to in on for by with at from as is are be been being was were it its this that these
    those our your you we us they their them my me i he she his her every each all any per so if then than
    but not no can will just also only very more most into over under up out about after before within
    get gets got has have had do does did such via who which what when where how there here one""".split()
)
_SUFFIXES = ("ingly", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly")
_SYNONYMS = {"ship": "ship", "deliver": "deliver", "delivery": "deliver", "no.1": "#1", "number": "#1", "#1": "#1",
             "wrapping": "wrap", "guarant": "guarantee", "refund": "refund", "repayment": "refund", "guarantee": "guarantee", "warranty": "guarantee"}
INTENSIFIERS = re.compile(
    r"(?<![\w-])(?:100\s?%|never|ever|always|lifetime|for\s+life|forever|unlimited|hack[- ]?proof|unhackable|completely|totally|fully|absolutely"
    r"|no\s+questions\s+asked|whatever|any\s+(?:fault|reason|problem)|every\s+(?:fault|claim|time))(?![\w-])",
    re.IGNORECASE,
)


_AGENT = re.compile(r"(?<=\w{3}(?:ss|ct))(?:ors?|ions?)$")


def stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if _AGENT.search(word):
        word = _AGENT.sub("", word)  # the doer and the act name one thing: "assessor", "inspection" as "assess", "inspect"
    else:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lseo":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e" and word[-2] != "e":
        word = word[:-1]  # "site" as "sites" is stemmed, "move" as "moved"
    return _SYNONYMS.get(word, word)


def content_words(text: str) -> set[str]:
    """Stemmed content words; hyphenated words count as their parts ("carbon-neutral")."""
    words = set()
    for token in _WORD.findall(text.replace("-", " ").replace("/", " ")):
        token = token.lower().replace(" ", "")
        if token in STOPWORDS or (len(token) < 2 and not token.isdigit()):
            continue
        words.add(stem(token))
    return words


def statements(entry_phrase: str) -> list[str]:
    """What an entry's phrase states: the whole, and each part a semicolon separates ("card payments
    handled by a certified processor; we never store full card numbers" backs each on its own), or an
    "and" joins a negated predicate with ("…tokenised by a certified provider and never stored")."""
    parts = []
    for part in entry_phrase.split(";"):
        first, *rest = [piece.strip() for piece in _NEGATED_PREDICATE.split(part)]
        subject = _SUBJECT.match(first)
        # the negated predicate keeps the first statement's subject: "card details never stored on our servers"
        parts += [first] + [f"{subject.group(1)} {piece}" if subject else piece for piece in rest]
    parts = [part for part in parts if part]
    return [entry_phrase] + parts if len(parts) > 1 else [entry_phrase]


_SUBJECT = re.compile(r"^(.+?)\s+(?:are|is|were|was|get|gets|will\s+be)\b", re.IGNORECASE)


_NEGATED_PREDICATE = re.compile(r",?\s+and\s+(?=(?:never|not|no)\b)", re.IGNORECASE)
"""Where a phrase joins a negated predicate to a first statement ("card details are tokenised by a certified
provider and never stored on our servers"): each states on its own."""


def _units(statement: str) -> list[frozenset[str]]:
    """The words of a statement as it counts them: a hyphenated compound ("call-outs", "RGII-registered")
    is one word, said when all its parts are; two statements sharing only half a compound share no word."""
    units: dict[frozenset[str], None] = {}
    for token in statement.replace("/", " ").split():
        words = content_words(token)
        # only a compound of words: figures ("$25,000", "AES-256") count word by word, as values are compared apart
        pieces = [frozenset(words)] if "-" in token and not any(c.isdigit() for c in token) else [frozenset({w}) for w in words]
        for parts in pieces:
            if parts and not any(parts <= other for other in units):
                units = {other: None for other in units if not other <= parts}
                units[parts] = None
    return list(units)


def _share(statement: str, have: set[str]) -> float:
    units = _units(statement)
    return sum(1 for unit in units if unit <= have) / len(units) if units else 0.0


def stated_part(entry_phrase: str, copy: str) -> str:
    """The statement of the entry (``statements``) that ``copy`` repeats most of (the whole on a tie)."""
    have = content_words(copy)
    return max(statements(entry_phrase), key=lambda statement: _share(statement, have))


def coverage(entry_phrase: str, copy: str, value_said: bool = False) -> float:
    """Share of the content words of the entry's statement that ``copy`` repeats most of (0 when it has none).

    With ``value_said`` (the copy states a value of the entry's value's type) the entry's figure is no word
    to repeat: "$50,000 cover" states "up to $25,000 cover", and the values are compared apart."""
    if value_said:
        entry_phrase = without_figure(entry_phrase)
    return _share(stated_part(entry_phrase, copy), content_words(copy))


def without_figure(phrase: str) -> str:
    """``phrase`` less its first amount or share ("up to $25,000 cover" is "up to  cover")."""
    from cxlint.promises.value_shapes import value_shapes

    shapes = value_shapes()
    for regex in (shapes.money, shapes.percentage):
        match = regex.search(phrase)
        if match:
            return f"{phrase[: match.start()]} {phrase[match.end():]}"
    return phrase


def missing_words(entry_phrase: str, copy: str) -> list[str]:
    """The entry's words the copy leaves out, in entry order, for messages ("drops: 2026, survey")."""
    have = content_words(copy)
    out = []
    for token in _WORD.findall(stated_part(entry_phrase, copy).replace("-", " ")):
        if token.lower() not in STOPWORDS and stem(token) not in have and token not in out:
            out.append(token)
    return out


_IF_CLAUSE = re.compile(r"\bif\b[^,;:.!?]*", re.IGNORECASE)
"""An "if" clause, up to the comma or stop that ends it: "if you ever turn up and there's no desk free"."""


def if_clauses(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s "if" clauses stand: a guarantee's condition, whose words ("if you ever…", "if it fails
    within 12 months") state when it pays out, not what is promised."""
    return [m.span() for m in _IF_CLAUSE.finditer(text)]


def added_intensifiers(entry_phrase: str, copy: str) -> list[str]:
    """Absolutes in the copy ("100%", "never", "lifetime") that the entry does not state; not one in an "if" clause
    ("if you ever turn up…": when, not how surely)."""
    theirs = {m.group(0).lower() for m in INTENSIFIERS.finditer(entry_phrase)}
    conditions = if_clauses(copy)
    return [m.group(0) for m in INTENSIFIERS.finditer(copy) if m.group(0).lower() not in theirs
            and not any(s <= m.start() and m.end() <= e for s, e in conditions)]
