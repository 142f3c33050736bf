"""Free extras: "Engraving is free on every caddy", "free returns", "gift wrapping on us".

"Free" is an offer when it names what is free, after it ("free returns") or before it ("delivery is
always free"); what is done "for free" ("we'll take the old one away for free") is a weak record,
which only a registry entry about that act can judge. It is no offer in a free trial, plan or tier
("free plan" is a tier, recorded as a weak promise), in "feel free", "hands-free", "free of charge"
(the charge words say it), or in a guarantee's "free repair".
"""

from __future__ import annotations

import re

from cxlint.engine.frame_match import Sentence
from cxlint.engine.records.reading import RecordReading, Span
from cxlint.engine.records.target import Found
from cxlint.promises.values import MONTH, Money, duration_from_match, share_of_year
from cxlint.rulepack.records import Reader
from cxlint.text.tokens import tokenize

SUBJECT_WORDS = 3
"""Words after "free" that may name what is free ("free next-day delivery")."""
_STRIPPED = ".,;:!?)\"'"
_OPENING = "([{"
_WORDS_BEFORE = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s+$")
_CHUNK = re.compile(r"\S+")
_CLITIC = re.compile(r"['’](?:s|re)$")


def read_free(reading: RecordReading, reader: Reader, index: int, found: list[Found]) -> list[Found]:
    sentence = reading.sentences[index]
    out: list[Found] = _time_given_free(reading, sentence, index)
    if reading.hits("try", sentence):
        return out  # a free trial is the trial reader's
    if reading.hits("offer_ended", sentence):
        return []  # "free delivery ended last week": an offer that is over
    mask = reading.mask
    for start, end in reading.hits(reader.find, sentence):
        if any(f.start <= start < f.end for f in out):
            continue  # "a free week": the time given, read above
        if start > 0 and (mask[start - 1] == "-" or _is_word_char(mask[start - 1])):
            continue  # hands-free
        if mask[start:end].lower() == "free" and mask[end : end + 1] == "-":
            continue  # free-to-play
        if reading.starts_right_after("free_not_after", sentence, end) or reading.ends_right_before("free_not_before", sentence, start):
            continue
        by = reading.ends_right_before("free_for", sentence, start)
        weak = by is not None
        if by is not None:
            if _subject_after(reading, sentence, end) or not reading.hits("own_voice", sentence):
                continue  # "search for free editors" names what is free after it; "comes for free" is no offer of ours
            words = _act_before(reading, sentence, by[0])  # "we'll take it away for free"
        elif reading.within("free_after_its_subject", sentence, start, end):
            words = _subject_before(reading, sentence, start)  # "delivery is on us"; not "on US holidays"
        else:
            words = _subject_after(reading, sentence, end) or _subject_before(reading, sentence, start)
        if not words or any(reading.within("guarantee_words", sentence, s, e) for s, e in words):
            continue
        subject = " ".join(mask[s:e] for s, e in words)
        at = mask.find(subject, sentence.offset, sentence.offset + len(sentence.text))
        if at != -1:
            start, end = min(start, at), max(end, at + len(subject))
        tier = any(reading.within("free_tier", sentence, s, e) for s, e in words)
        out.append(Found(start, end, ("price",), Money(0.0, ""), index, strong=not (tier or weak)))
    return out


def _time_given_free(reading: RecordReading, sentence: Sentence, index: int) -> list[Found]:
    """Time given free, "free" between its count and its unit ("a free week", "your free month of Plus", "two free
    months") or the time as what is free ("your first 30 days of monitoring are on us"): a trial of that length, as
    "two weeks free" is; with yearly billing, months off a year's bill."""
    out: list[Found] = []
    matches = [*reading.shapes.free_time.finditer(sentence.text), *reading.shapes.free_time_of.finditer(sentence.text)]
    for match in matches:
        count = match.group("count") or "1"  # "your free week", "a free week": one
        duration = reading.shapes.duration.fullmatch(f"{count} {match.group('unit')}")
        if duration is None:
            continue
        value = duration_from_match(duration)
        at = sentence.offset + (match.start("count") if match.group("count") else match.start("free"))
        to = sentence.offset + match.end()
        if reading.hits("yearly", sentence):
            if (share := share_of_year(value.minutes / MONTH)) is not None:
                out.append(Found(at, to, ("discount",), share, index))
            continue
        out.append(Found(at, to, ("trial-length",), value, index, strong=True))
    return out


def _subject_after(reading: RecordReading, sentence: Sentence, at: int) -> list[Span]:
    """Up to three words after "free", to the first stop word or punctuation ("free delivery on…": delivery)."""
    words: list[Span] = []
    end_of_sentence = sentence.offset + len(sentence.text)
    for count, chunk in enumerate(_CHUNK.finditer(reading.mask, at, end_of_sentence)):
        if count == SUBJECT_WORDS:
            break
        text = chunk.group()
        if text[0] in _OPENING:
            break  # "free (up to three a booking)": a bracket opens a limit, not what is free
        clean = text.strip(_STRIPPED)
        if not clean:
            break
        start = chunk.start() + (len(text) - len(text.lstrip(_STRIPPED)))
        span = (start, start + len(clean))
        if _is_mark(clean) or _is(reading, "subject_stop", sentence, span):
            break
        words.append(span)
        if clean != text:
            break
    return words


def _subject_before(reading: RecordReading, sentence: Sentence, at: int) -> list[Span]:
    """What "is free": the last two words before "is", "are", "comes" or "stays" (and "always", "100%")."""
    intensifier = reading.ends_right_before("free_intensifier", sentence, at)
    copula = reading.ends_right_before("free_copula", sentence, intensifier[0] if intensifier else at)
    if copula is None:
        return []
    clitic = _CLITIC.search(reading.mask, copula[0], copula[1])
    if clitic is not None and clitic.start() > copula[0]:
        # "delivery's free": the word that carries the clitic is what is free (not "it's free": a pronoun names nothing)
        span = (copula[0], clitic.start())
        return [] if any(h[0] == copula[0] for h in reading.hits("free_no_subject", sentence)) else [span]
    if copula[0] == sentence.offset:
        return []
    match = _WORDS_BEFORE.search(reading.mask, sentence.offset, copula[0])
    if not match:
        return []
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group(1))]
    offset = match.start(1)
    kept = []
    for s, e in words:
        span = (offset + s, offset + e)
        if not (_is_mark(reading.mask[span[0] : span[1]]) or _is(reading, "subject_stop", sentence, span) or _is(reading, "subject_skip", sentence, span)):
            kept.append(span)
    return kept[-2:]


def _act_before(reading: RecordReading, sentence: Sentence, at: int) -> list[Span]:
    """What is done "for free": up to three words before "for", back to a clause break ("we'll take
    the old one away for free": old one away; "we'll collect your old router for free": old router)."""
    left = max((e for s, e in reading.hits("clause_break", sentence) if e <= at), default=sentence.offset)
    spans = [(m.start(), m.end()) for m in _CHUNK.finditer(reading.mask, left, at)][-SUBJECT_WORDS:]
    while spans and (_is_mark(reading.mask[spans[0][0] : spans[0][1]]) or _is(reading, "subject_skip", sentence, spans[0])):
        spans = spans[1:]  # the words stay one run of the copy: "your old router" is "old router"
    return spans


def _is(reading: RecordReading, words: str, sentence: Sentence, span: Span) -> bool:
    """Whether the word at ``span`` is, all of it, an entry of the word class ("and"; not "aren't" for "are")."""
    if span not in reading.hits(words, sentence):
        return False
    tokens = tokenize(reading.mask[span[0] : span[1]]).words
    return any(tokens in lexicon.phrases for frame in reading.spec.words[words] for slot in frame.slots for lexicon in slot.matcher.lexicons)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_mark(text: str) -> bool:
    """A lone punctuation mark ("-", "&"): it ends a subject."""
    return len(text) == 1 and not _is_word_char(text)
