"""Text utilities that keep offsets: template placeholders, sentence spans, word-list regexes."""
