"""Offline stand-in for spaCy's ``en_core_web_sm``.

unstructured 0.27 runs English part-of-speech and sentence heuristics on every untyped
paragraph and, when ``en_core_web_sm`` is missing, downloads it from GitHub at run time, which
fails offline. budgetlens classifies Chinese text itself and ignores those heuristics, so a
blank English pipeline with a rule-based sentencizer is all unstructured needs: nothing is
fetched, and the heuristics simply find no English verbs.
"""

from typing import Any

import spacy
from spacy.language import Language


def load(**_overrides: Any) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
