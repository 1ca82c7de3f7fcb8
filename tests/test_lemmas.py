"""Lemma fixes on the spaCy pipeline (eventwire/lemmas.py)."""

from __future__ import annotations


def test_staged_is_stage(nlp):
    doc = nlp("Workers staged a strike while students are staging protests and the stag ran.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["staged"] == "stage" and lemmas["staging"] == "stage"
    assert lemmas["stag"] == "stag"  # the noun is left alone
