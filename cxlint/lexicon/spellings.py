"""Other spellings of a word or phrase, applied to every lexicon entry when the packs compile.

Copy in text messages and push titles spells the words a rule is written in its own way: "b4"
for "before", "2nite" for "tonight". A pack's ``spellings:`` section says so once
(``tonight: [2nite, tonite]``), and every entry of every lexicon that holds the word (or the
phrase) also matches each of its spellings, instead of each lexicon listing "b4 it's gone" beside
"before it's gone".

Spellings also apply to the forms other spellings made ("before" -> "b4" and "it's" -> "its" give
"b4 its gone" from "before it's gone"); an entry gains at most ``MAX_FORMS`` forms, so a long phrase of common
words cannot blow up a lexicon.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

Phrase = tuple[str, ...]
Spellings = tuple[tuple[Phrase, tuple[Phrase, ...]], ...]
"""Each word or phrase (as tokens) with its other spellings, in the order the packs give them."""

MAX_FORMS = 64
"""Forms an entry's spellings may add up to: past it, the entry keeps the forms found so far."""


def respelled(phrases: Iterable[Phrase], spellings: Spellings) -> set[Phrase]:
    """``phrases`` with every form their words' other spellings give, one place or several at a time
    ("before ... before" gets "b4 ... before", "before ... b4" and "b4 ... b4"). Forms are made in a fixed
    order, so the ``MAX_FORMS`` kept when an entry would make more are the same on every run."""
    forms = set(phrases)
    if not spellings:
        return forms
    limit = len(forms) + MAX_FORMS
    queue = deque(sorted(forms))
    while queue:
        form = queue.popleft()
        for written, others in spellings:
            for at in _places(form, written):
                for other in others:
                    new = form[:at] + other + form[at + len(written):]
                    if new not in forms:
                        if len(forms) >= limit:
                            return forms
                        forms.add(new)
                        queue.append(new)
    return forms


def _places(form: Phrase, written: Phrase) -> list[int]:
    """Where the tokens ``written`` stand in ``form``."""
    size = len(written)
    return [at for at in range(len(form) - size + 1) if form[at:at + size] == written]
