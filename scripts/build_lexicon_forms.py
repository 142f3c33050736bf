#!/usr/bin/env python3
"""Precompute the inflections of every built-in lexicon entry (rules/lexicons/forms.generated.json).

usage: python scripts/build_lexicon_forms.py [--check]

Provenance: inflections from lemminflect's tables (lemminflect.getAllInflections, falling back
to getAllInflectionsOOV for words it does not know); word frequencies (Zipf scale, used to choose
the rarest word of an entry and the rarest slot of a frame as the prefilter) from wordfreq's
English list; common words (the fallback for words of user packs) from spaCy's stop-word list. With --check, exit 1 if
the committed file is not what this script would write.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent / "rules"
OUT = ROOT / "lexicons" / "forms.generated.json"


def pack_documents() -> list[dict]:
    """Every built-in pack, parsed once: the lexicons and the spellings are both read from them."""
    paths = sorted(ROOT.glob("*.yaml")) + sorted((ROOT / "lexicons").glob("*.yaml"))
    return [yaml.safe_load(path.read_text(encoding="utf-8")) or {} for path in paths]


def lexicon_specs(documents: list[dict]) -> list[tuple[str | None, list[str]]]:
    specs = []
    for doc in documents:
        for spec in (doc.get("lexicons") or {}).values():
            if isinstance(spec, list):
                specs.append((None, [str(w) for w in spec]))
            elif isinstance(spec, dict):
                specs.append((spec.get("pos"), [str(w) for w in spec.get("words") or []]))
    return specs


def spelling_entries(documents: list[dict]) -> list[str]:
    """Every other spelling the packs' ``spellings:`` give: its tokens stand in lexicon phrases too."""
    return [str(other) for doc in documents for others in (doc.get("spellings") or {}).values() for other in others or []]


def build() -> str:
    from lemminflect import getAllInflections, getAllInflectionsOOV
    from spacy.lang.en.stop_words import STOP_WORDS

    sys.path.insert(0, str(ROOT.parent))
    from cxlint.text.tokens import phrase_tokens

    documents = pack_documents()
    specs = lexicon_specs(documents)
    wanted: dict[str, set[str]] = {}
    for pos, words in specs:
        kinds = {"verb": ["verb"], "noun": ["noun"], "any": ["verb", "noun"]}.get(pos or "", [])
        for entry in words:
            tokens = phrase_tokens(entry)
            if not tokens:
                continue
            for kind in kinds:
                head = tokens[0] if kind == "verb" else tokens[-1]
                if head.isalpha():
                    wanted.setdefault(head, set()).add(kind)
    from wordfreq import zipf_frequency

    forms: dict[str, dict[str, list[str]]] = {}
    for word in sorted(wanted):
        for kind in sorted(wanted[word]):
            upos = kind.upper()
            found = getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos)
            out = [word]
            for values in found.values():
                for form in values:
                    if form.lower() not in out:
                        out.append(form.lower())
            forms.setdefault(word, {})[kind] = out
    tokens: set[str] = set()
    for pos, words in specs:
        for entry in words:
            entry_tokens = phrase_tokens(entry)
            tokens.update(entry_tokens)
            for kind in {"verb": ["verb"], "noun": ["noun"], "any": ["verb", "noun"]}.get(pos or "", []):
                head = entry_tokens[0] if kind == "verb" else entry_tokens[-1] if entry_tokens else ""
                tokens.update(forms.get(head, {}).get(kind, []))
    for entry in spelling_entries(documents):
        tokens.update(phrase_tokens(entry))
    frequencies = {token: zipf_frequency(token, "en") for token in sorted(tokens) if token[0].isalnum() or token[0] == "'"}
    data = {
        "provenance": "inflections: lemminflect getAllInflections/getAllInflectionsOOV; frequencies: wordfreq zipf_frequency (en); "
        "common_words: spaCy English STOP_WORDS",
        "frequencies": {token: value for token, value in frequencies.items()},
        "common_words": sorted(w.lower() for w in STOP_WORDS) + ["'s", "'ve", "'re", "'d", "'ll", "'m", "n't"],
        "forms": forms,
    }
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    text = build()
    if "--check" in sys.argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        sys.exit(0 if current == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    main()
