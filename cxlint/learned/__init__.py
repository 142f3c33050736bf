"""Learned second opinions behind the rules: linear bag-of-n-grams models trained on the project's corpora.

The rules read wording they were written for; a model per category (barista, pressure) reads the whole
block and catches what they miss in ordinary wording. Each ships as data (``cxlint/data/learned/``), exported from a spaCy
text classifier (``benchmarks/textcat/``), and runs without importing spaCy.
"""
