"""Draft a promises registry from the promises found in copy (``cxlint init``).

One entry per (kind, subject), at the strongest value the copy makes, so that once a person
fills in the evidence the current copy is backed, and anything stronger later is not. The
evidence and owner are left as TODO: a draft entry backs nothing until someone vouches for it.
"""

from __future__ import annotations

import json
import re

from cxlint.promises.phrases import content_words
from cxlint.promises.records import PromiseRecord
from cxlint.promises.kinds import KIND_NOTES
from cxlint.promises.registry import DRAFT_MARK, PHRASE_KINDS
from cxlint.promises.values import compare

MIN_PHRASE_WORDS = 2
HEADER = """# Promises registry drafted by `cxlint init` from the copy it read.
# Each entry is what the copy promises today. Before it backs anything, a person must:
#   1. check the value is what the company can really deliver (lower it if not, then fix the copy);
#   2. replace the TODO evidence with the SLA, contract, policy or certificate that backs it;
#   3. set an owner, and 'reviewed' / 'expires' dates.
# Fields: id, kind, value (or text for a phrase), evidence, owner, reviewed, expires, channels, scope.
# What each kind means and when copy counts as covered: docs/registry.md in cxlint's source
# distribution; in brief (a promise is backed when an entry covers it at the same or a weaker strength):
{kinds}
promises:
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "promise"


def header() -> str:
    return HEADER.format(kinds="\n".join(f"#   {kind:<14} {note}" for kind, note in KIND_NOTES.items()))


def phrase_text(record: PromiseRecord) -> str:
    """The words of a phrase promise to draft: the flagged span when it says something on its own
    ("no hidden fees"), else its sentence (a span such as ", forever" is a fragment, not a promise)."""
    span = " ".join(record.text.split()).strip(" ,;:-–—.!?\"'()")
    if len(content_words(span)) >= MIN_PHRASE_WORDS and span[:1].isalnum():
        return span
    sentence = record.context.split(". ")[-1].strip(" ,;:-–—!?\"'()")
    return sentence if len(content_words(sentence)) >= MIN_PHRASE_WORDS else ""


def _strongest(kind: str, records: list[PromiseRecord]) -> PromiseRecord:
    best = records[0]
    for record in records[1:]:
        if record.value is not None and best.value is not None and compare(kind, record.value, best.value) == 1:
            best = record
    return best


def draft_registry(records: list[PromiseRecord]) -> str:
    """YAML text of a draft registry (it loads with ``load_registry``: TODO evidence marks drafts)."""
    groups: dict[tuple[str, str], list[PromiseRecord]] = {}
    for record in records:
        if not record.own_voice:
            continue  # quotes, measurements and other companies' claims are not ours to back
        if record.kind in PHRASE_KINDS:
            phrase = phrase_text(record)
            if not phrase:
                continue
            key = (record.kind, phrase.lower())
        elif record.value is not None:
            key = (record.kind, record.subject)
        else:
            continue
        groups.setdefault(key, []).append(record)
    lines = [header()]
    used: set[str] = set()
    for (kind, subject), group in sorted(groups.items()):
        best = _strongest(kind, group)
        entry_id = _slug(f"{kind}-{subject}" if kind in PHRASE_KINDS else subject)
        while entry_id in used:
            entry_id += "-2"
        used.add(entry_id)
        where = ", ".join(dict.fromkeys(r.location for r in group[:3])) + (" …" if len(group) > 3 else "")
        lines.append(f"  # found {len(group)}x: {where}\n")
        lines.append(f"  - id: {entry_id}\n    kind: {kind}\n")
        if kind in PHRASE_KINDS:
            lines.append(f"    text: {json.dumps(phrase_text(best), ensure_ascii=False)}\n")
        else:
            lines.append(f"    value: {json.dumps(best.value_text, ensure_ascii=False)}\n")
        lines.append(f'    evidence: "{DRAFT_MARK}: what backs this? (SLA, contract, policy, certificate)"\n')
        lines.append(f'    owner: "{DRAFT_MARK}"\n')
        channels = sorted({r.channel for r in group if r.channel})
        if channels:
            lines.append(f"    # seen on channels: {', '.join(channels)} (add 'channels: [...]' to restrict where it may be promised)\n")
    if len(lines) == 1:
        lines = [header().replace("promises:\n", "promises: []\n")]
    return "".join(lines)


CONFIG = """# cxlint configuration, written by `cxlint init`.
# The promises registry that `cxlint check` and `cxlint audit` check promises against
# (relative to this file); `--promises FILE` overrides it.
promises: {registry}
"""
