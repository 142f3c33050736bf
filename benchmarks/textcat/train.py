#!/usr/bin/env python3
"""Train a small spaCy multilabel text classifier (barista / promise / pressure) for cxlint.

    python3 benchmarks/textcat/train.py OUT_DIR [--arch bow|ensemble] [--epochs N] [--seed S]
    python3 benchmarks/textcat/train.py --select [--arch ...]   # pick epochs on a split of the training files

Trains ONLY on one of common.TRAIN_SETS (--train-set; never on a held-out half, dev.jsonl or the
blind set), plus, with --background N, N texts sampled from the real-copy projects named in
common.REALCOPY_TRAIN_PROJECTS as negatives of every category. spacy.blank("en"), no vectors, no
downloads; seeds fixed.
Save OUT_DIR outside the repo (e.g. /tmp/cxlint-textcat).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import compounding, fix_random_seed, minibatch  # noqa: E402

from common import CATEGORIES, REALCOPY_TRAIN_PROJECTS, REPO, TRAIN_SETS, load_jsonl, make_doc, prep  # noqa: E402

BOW = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": False,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 262144,
    "nO": None,
}
ENSEMBLE = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "nO": None,
    "linear_model": dict(BOW),
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 64,
            "rows": [2000, 2000, 1000, 1000],
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 64,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
}


def training_records(train_set: str) -> list[dict]:
    records = []
    for name in TRAIN_SETS[train_set]:
        assert "holdout" not in name and "blind" not in name and "dev.jsonl" not in name
        records.extend(load_jsonl(REPO / name))
    return records


def background_records(realcopy: Path, count: int, seed: int) -> list[dict]:
    """COUNT ordinary shipped texts from the training projects, labelled clean: the corpora hold few short,
    neutral UI strings, and without them the model flags "Hello" (see the README)."""
    texts = []
    for project in REALCOPY_TRAIN_PROJECTS:
        for record in load_jsonl(realcopy / project / "strings.jsonl"):
            if record.get("kind") != "darkpattern" and record.get("text", "").strip():
                texts.append(record["text"])
    rng = random.Random(seed)
    chosen = rng.sample(texts, min(count, len(texts)))
    return [dict({c: False for c in CATEGORIES}, text=t) for t in chosen]


def build(arch: str, cxlint_tokens: bool = False):
    nlp = spacy.blank("en")
    nlp.meta["cxlint_tokens"] = cxlint_tokens
    model = BOW if arch == "bow" else ENSEMBLE
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for category in CATEGORIES:
        textcat.add_label(category)
    return nlp


def examples(nlp, records: list[dict]) -> list[Example]:
    return [
        Example.from_dict(make_doc(nlp, r["text"], r.get("channel")), {"cats": {c: float(bool(r[c])) for c in CATEGORIES}})
        for r in records
    ]


def train(records: list[dict], arch: str, epochs: int, seed: int, dev: list[dict] | None = None,
          cxlint_tokens: bool = False):
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = build(arch, cxlint_tokens)
    train_examples = examples(nlp, records)
    optimizer = nlp.initialize(lambda: train_examples)
    for epoch in range(1, epochs + 1):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        line = f"epoch {epoch:>2} loss {losses.get('textcat_multilabel', 0.0):.3f}"
        if dev is not None:
            line += "  " + dev_report(nlp, dev)
        print(line, flush=True)
    return nlp


def dev_report(nlp, dev: list[dict]) -> str:
    docs = list(nlp.pipe(make_doc(nlp, r["text"], r.get("channel")) for r in dev))
    parts = []
    for threshold in (0.5, 0.7, 0.9):
        tp = fp = fn = 0
        for record, doc in zip(dev, docs):
            for c in CATEGORIES:
                predicted = doc.cats[c] >= threshold
                tp += predicted and record[c]
                fp += predicted and not record[c]
                fn += (not predicted) and record[c]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        parts.append(f"@{threshold}: P {p:.3f} R {r:.3f}")
    return " | ".join(parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="model folder to write (outside the repo)")
    parser.add_argument("--arch", choices=["bow", "ensemble"], default="bow")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--train-set", choices=sorted(TRAIN_SETS), default="tuned")
    parser.add_argument("--background", type=int, default=0, metavar="N",
                        help="add N real-copy texts of the training projects as negatives (more than there are: all)")
    parser.add_argument("--realcopy", type=Path, default=REPO.parent / "shared" / "realcopy",
                        help="the real-copy folder (for --background)")
    parser.add_argument("--tokens", choices=["spacy", "cxlint"], default="spacy",
                        help="read texts as spaCy tokenizes them, or as cxlint does (what export.py needs)")
    parser.add_argument("--select", action="store_true",
                        help="train on 85%% of the training files and report the other 15%% per epoch; save nothing")
    args = parser.parse_args(argv)
    records = training_records(args.train_set)
    background = background_records(args.realcopy, args.background, args.seed) if args.background else []
    records += background
    taken = len(background)  # a count past the texts there are takes them all: the model records what was taken
    if args.select:
        shuffled = list(records)
        random.Random(args.seed).shuffle(shuffled)
        cut = int(len(shuffled) * 0.85)
        train(shuffled[:cut], args.arch, args.epochs, args.seed, dev=shuffled[cut:], cxlint_tokens=args.tokens == "cxlint")
        return 0
    if args.out is None:
        parser.error("OUT_DIR is required unless --select")
    if args.out.resolve().is_relative_to(REPO):
        parser.error("save the model outside the repo")
    nlp = train(records, args.arch, args.epochs, args.seed, cxlint_tokens=args.tokens == "cxlint")
    nlp.meta["name"] = f"cxlint_textcat_{args.arch}"
    nlp.meta["description"] = (f"cxlint textcat second opinion; arch={args.arch} epochs={args.epochs} seed={args.seed}; "
                               f"trained on set {args.train_set!r} ({', '.join(TRAIN_SETS[args.train_set])}) "
                               f"and {taken} real-copy negatives ({len(records)} cases); tokens={args.tokens}")
    nlp.meta["cxlint_training"] = {"train_set": list(TRAIN_SETS[args.train_set]), "background": taken,
                                   "background_projects": list(REALCOPY_TRAIN_PROJECTS) if taken else [],
                                   "cases": len(records), "arch": args.arch, "epochs": args.epochs, "seed": args.seed}
    nlp.to_disk(args.out)
    print(f"saved {args.out} ({len(records)} training cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
