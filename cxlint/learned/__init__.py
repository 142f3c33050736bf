"""A learned second opinion behind the rules: a linear bag-of-n-grams model trained on the project's corpora.

The rules read wording they were written for; the model reads the whole block and catches what
they miss in ordinary wording. It ships as data (``cxlint/data/learned/``), exported from a spaCy
text classifier (``benchmarks/textcat/``), and runs without importing spaCy.
"""
