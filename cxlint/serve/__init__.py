"""`cxlint serve`: a local review page that shows every finding in place, for the people who write the copy."""
