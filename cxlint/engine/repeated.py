"""A frame's hits in a sentence, remembered for each sentence text met in a run.

Copy repeats across files (footers, legal lines, the same paragraph on every page): a quarter of a
large run's sentences repeat an earlier one. Where a sentence holds no merge field, what a frame
finds in it depends on its text alone (the normalised and the masked forms), so a repeat gets the
hits found before, moved to where it stands, without tokenizing or matching it again. A sentence
with a merge field is matched each time: which field it is (its name) can decide a slot.
"""

from __future__ import annotations

from cxlint.engine.beside import kept_beside
from cxlint.engine.frame_match import FrameHit, Sentence, match_frame
from cxlint.rulepack.frames import Frame
from cxlint.text.tokens import PLACEHOLDER_TOKEN

Found = tuple[tuple[int, int, str | None, str | None, tuple[int, int] | None], ...]
"""A frame's hits in a sentence, offsets from the sentence's start."""
Key = tuple[str, int, str, str]
"""A rule id, the number of its frame, the sentence's normalised and masked text."""

_LIMIT = 200_000
"""Frame and sentence pairs remembered for a rule set in a run (then it starts again): memory stays bounded."""
_seen: dict[int, tuple[object, dict[Key, Found]]] = {}


def remembered(owner: object) -> dict[Key, Found]:
    """The hits remembered for the frames of ``owner`` (a rule set's frame gates)."""
    return kept_beside(_seen, owner, dict)


def frame_hits(memory: dict[Key, Found], rule_id: str, number: int, frame: Frame, sentence: Sentence) -> list[FrameHit]:
    """``match_frame(frame, sentence)``, from ``memory`` when the same text met this frame before."""
    if PLACEHOLDER_TOKEN in sentence.word_set:
        return match_frame(frame, sentence)
    key = (rule_id, number, sentence.text, sentence.raw)
    found = memory.get(key)
    at = sentence.offset
    if found is None:
        hits = match_frame(frame, sentence)
        if len(memory) >= _LIMIT:
            memory.clear()
        memory[key] = tuple((h.start - at, h.end - at, h.value, h.kind, None if h.keep is None else (h.keep[0] - at, h.keep[1] - at))
                            for h in hits)
        return hits
    return [FrameHit(start + at, end + at, value, kind, None if keep is None else (keep[0] + at, keep[1] + at))
            for start, end, value, kind, keep in found]
