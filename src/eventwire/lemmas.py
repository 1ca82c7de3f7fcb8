"""Lemma fixes for the spaCy pipeline: forms its lemmatizer gets wrong in news text.

The English pipeline's lookup gives "stag" for "staged", "staging" and "stages", so "staged a protest" never
met the lexicon's "stage" patterns nor the light-verb rule ("staged demonstrations": the demonstrators are the
students who staged them). The fixes are attribute-ruler patterns on the verb tags; the lemmatizer does not
overwrite a lemma that is already set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# lemma → the forms (verb tags only) the pipeline mislemmatizes
LEMMA_FIXES = {"stage": ("staged", "staging", "stages")}
VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def fix_lemmas(nlp: Language) -> Language:
    """Add the fixes to the pipeline's attribute ruler (no-op for a pipeline without one)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"IN": VERB_TAGS}}]], {"LEMMA": lemma})
    return nlp
