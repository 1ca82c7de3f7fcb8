"""Coordinated subjects act on each other only over something they share (events/reciprocity.py)."""

from __future__ import annotations

import pytest

from eventwire.events.extractor import RELATIONAL_OBJECTS
from eventwire.events.reciprocity import shared_possessed_object, target_preposition_present


def _verb_and_objects(nlp, text: str):
    doc = nlp(text)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    return verb, [c for c in verb.children if c.dep_ in ("dobj", "obj")]


@pytest.mark.parametrize("text, shared", [
    ("Kenya and Uganda restored their ties.", True),
    ("Peru and Chile settled their dispute.", True),
    ("France and Germany criticized each other's policies.", True),
    ("Norway and Sweden evacuated their citizens.", False),
    ("Norway and Sweden deployed their troops.", False),
    ("Norway and Sweden deployed troops.", False),
])
def test_shared_possessed_object(nlp, text, shared):
    _, objects = _verb_and_objects(nlp, text)
    assert shared_possessed_object(objects, RELATIONAL_OBJECTS) is shared


def test_target_preposition_on_verb_or_object(nlp):
    verb, _ = _verb_and_objects(nlp, "Norway and Sweden warned their citizens about the storm.")
    assert target_preposition_present(verb, "about")
    assert not target_preposition_present(verb, "against")
    assert not target_preposition_present(verb, None)
