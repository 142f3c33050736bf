"""Scoring cxlint on labelled cases (the guideline's JSON Lines format)."""
