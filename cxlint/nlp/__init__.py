"""The spaCy side: one blank English pipeline, built lazily, and the matchers compiled from rule packs."""
