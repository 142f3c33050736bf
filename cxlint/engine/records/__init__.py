"""Promise records: the engine's promise targets with their kind, parsed value and context.

The rules flag the promises nothing backs; the audit needs every promise, including plain
statements only a registry or another touchpoint can judge. The readers declared in a pack's
``records:`` section find those on the sentences the derived prefilter lets through, during the
same run as the rules, and every promise finding of the run gets its parsed value too.
"""
