"""The one NLP pipeline: spaCy's blank English tokenizer plus cxlint's components. No model, no network.

spaCy costs about a second to import, so nothing imports this module's spaCy side until some
sentence actually holds a candidate target.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Build the pipeline once per process."""
    import spacy

    from cxlint.nlp import components  # noqa: F401 - registers the component factories

    nlp = spacy.blank("en")
    nlp.add_pipe("cxlint_placeholders")
    return nlp
