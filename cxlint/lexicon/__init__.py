"""Lexicons: word classes as data, matched on normalised tokens with every inflection of a lemma."""
