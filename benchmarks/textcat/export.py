#!/usr/bin/env python3
"""Export one category of a model trained with ``train.py --tokens cxlint`` as the linear model cxlint ships.

    python3 benchmarks/textcat/export.py MODEL_DIR OUT.json --category barista --threshold 0.7 [--realcopy DIR]

The bag-of-words classifier is linear before its logistic output: a text's score is the sigmoid of a
bias plus, for every unigram and bigram of its words, that n-gram's weight times its count. This
reads the bias from the model and each weight by asking the model's linear layer about the n-gram
alone, for every n-gram of the training texts, so the shipped model gives spaCy's score on any text
whose n-grams were all seen in training (an unseen n-gram, which spaCy hashes into a bucket that
some seen n-gram shares, adds nothing here). ``--check`` compares the two on the held-out halves.
It writes the reviewable JSON and, beside it, the compiled table cxlint loads (``.bin``; also
``scripts/compile_learned_models.py``). cxlint runs the result without importing spaCy (``cxlint/learned/``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import CATEGORIES, REPO, cxlint_words, load_jsonl, load_model, make_doc  # noqa: E402
from train import background_records, training_records  # noqa: E402


def ngrams(words: list[str]) -> set[tuple[str, ...]]:
    return {(w,) for w in words} | set(zip(words, words[1:]))


def linear_layer(nlp):
    textcat = nlp.get_pipe("textcat_multilabel")
    return textcat, textcat.model.layers[0]


def weights(nlp, category: str, grams: list[tuple[str, ...]]) -> tuple[float, dict[str, float]]:
    from spacy.tokens import Doc

    textcat, linear = linear_layer(nlp)
    column = list(textcat.labels).index(category)
    sparse = linear.layers[0].layers[-1]
    while sparse.layers:  # resizable(sparse_linear) wraps the layer holding the parameters
        sparse = sparse.layers[0]
    bias = float(sparse.get_param("b")[column])
    unigrams = [g for g in grams if len(g) == 1]
    bigrams = [g for g in grams if len(g) == 2]
    out: dict[str, float] = {}
    for batch_start in range(0, len(unigrams), 4096):
        batch = unigrams[batch_start:batch_start + 4096]
        logits = linear.predict([Doc(nlp.vocab, words=list(g)) for g in batch])
        for gram, row in zip(batch, logits):
            out[gram[0]] = float(row[column]) - bias
    for batch_start in range(0, len(bigrams), 4096):
        batch = bigrams[batch_start:batch_start + 4096]
        logits = linear.predict([Doc(nlp.vocab, words=list(g)) for g in batch])
        for (a, b), row in zip(batch, logits):
            out[f"{a} {b}"] = float(row[column]) - bias - out[a] - out[b]
    return bias, out


def without_clashes(weights: dict[str, float]) -> tuple[dict[str, float], list[str]]:
    """``weights`` less the lighter n-gram of each pair whose CRC-32 is the same (the compiled table keys by it, so
    the two would share a slot and the sum of their weights), and the n-grams left out. Leaving the lighter one
    out is what ``--min-weight`` does to small weights: the text scores as if the model had not seen it."""
    from cxlint.learned.model import ngram_hash

    heaviest: dict[int, str] = {}
    for key, weight in weights.items():
        other = heaviest.get(ngram_hash(key))
        if other is None or (abs(weight), key) > (abs(weights[other]), other):
            heaviest[ngram_hash(key)] = key
    shipped = set(heaviest.values())
    return {k: v for k, v in weights.items() if k in shipped}, sorted(k for k in weights if k not in shipped)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--category", choices=CATEGORIES, required=True)
    parser.add_argument("--threshold", type=float, required=True)
    parser.add_argument("--min-weight", type=float, default=0.01, help="leave out n-grams whose weight is smaller")
    parser.add_argument("--realcopy", type=Path, default=REPO.parent / "shared" / "realcopy")
    parser.add_argument("--check", action="store_true", help="compare with spaCy's scores on every held-out half")
    args = parser.parse_args(argv)
    nlp = load_model(args.model)
    meta = nlp.meta.get("cxlint_training")
    if not nlp.meta.get("cxlint_tokens") or not meta:
        parser.error("the model must be trained by train.py --tokens cxlint")
    records = []
    for name in meta["train_set"]:
        records.extend(load_jsonl(REPO / name))
    if meta["background"]:
        records += background_records(args.realcopy, meta["background"], meta["seed"])
    grams: set[tuple[str, ...]] = set()
    for record in records:
        grams |= ngrams(cxlint_words(record["text"], record.get("channel")))
    bias, table = weights(nlp, args.category, sorted(grams))
    kept = {k: round(v, 4) for k, v in sorted(table.items()) if abs(v) >= args.min_weight}
    kept, clashed = without_clashes(kept)
    shipped = {
        "format": 1,
        "category": args.category,
        "threshold": args.threshold,
        "bias": round(bias, 6),
        "weights": kept,
        "provenance": {
            "built": dt.date.today().isoformat(),
            "how": "benchmarks/textcat/train.py --tokens cxlint, then benchmarks/textcat/export.py",
            "architecture": "spaCy TextCatBOW.v3, unigrams and bigrams, no vectors",
            "training": meta,
            "ngrams_seen": len(table),
            "ngrams_kept": len(kept),
            "min_weight": args.min_weight,
            "left_out_for_clashes": clashed,
        },
    }
    from cxlint.learned.model import compile_model

    args.out.write_text(json.dumps(shipped, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                        encoding="utf-8")
    compiled = args.out.with_suffix(".bin")
    compiled.write_bytes(compile_model(args.out))
    print(f"{args.out}: bias {bias:.4f}, {len(kept)} of {len(table)} n-grams, {args.out.stat().st_size} bytes; "
          f"{compiled.name} {compiled.stat().st_size} bytes")
    if args.check:
        check(nlp, args.category, shipped)
    return 0


def check(nlp, category: str, shipped: dict) -> None:
    """How far the shipped model's scores stray from spaCy's, and how often they fall on different sides."""
    from cxlint.learned.model import LinearModel

    model = LinearModel.from_dict(shipped)
    textcat = nlp.get_pipe("textcat_multilabel")
    column = list(textcat.labels).index(category)
    worst = 0.0
    flips = total = 0
    for path in sorted((REPO / "corpora" / "v2").glob("*/holdout.jsonl")):
        for case in load_jsonl(path):
            ours = model.probability(cxlint_words(case["text"], case.get("channel")))
            theirs = textcat.predict([make_doc(nlp, case["text"], case.get("channel"))])[0][column]
            worst = max(worst, abs(ours - float(theirs)))
            flips += (ours >= shipped["threshold"]) != (float(theirs) >= shipped["threshold"])
            total += 1
    print(f"check: {total} held-out cases, largest score difference {worst:.4f}, {flips} on the other side of "
          f"{shipped['threshold']}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
