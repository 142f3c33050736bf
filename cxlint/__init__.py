"""cxlint: a linter for customer-facing copy (barista rule, promise audit, pressure)."""

__version__ = "0.1.0"
