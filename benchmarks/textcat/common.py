"""Shared by train.py, cxlint_with_textcat.py and score_holdout.py: labels, text preparation, model loading."""

from __future__ import annotations

import json
import re
from pathlib import Path

CATEGORIES = ("barista", "promise", "pressure")
TRAIN_FILES = ("corpora/cases.jsonl", "corpora/v2/round1/tune.jsonl")
"""The ONLY files the classifier is trained on (paths relative to the repo root)."""

REPO = Path(__file__).resolve().parents[2]


def prep(text: str) -> str:
    """Lower-case and collapse whitespace: the bag-of-words model hashes exact token strings."""
    return re.sub(r"\s+", " ", text).strip().lower()


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8-sig") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_model(path: str | Path):
    import spacy

    return spacy.load(path)


def predict(nlp, texts: list[str], batch_size: int = 256) -> list[dict[str, float]]:
    """Per text, the score of each category (0..1)."""
    return [dict(doc.cats) for doc in nlp.pipe((prep(t) for t in texts), batch_size=batch_size)]
