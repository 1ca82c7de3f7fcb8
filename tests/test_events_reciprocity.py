"""Coordinated subjects act on each other only over something they share (events/reciprocity.py)."""

from __future__ import annotations

import pytest

from eventwire.events.extractor import RELATIONAL_OBJECTS
from eventwire.events.reciprocity import (
    object_not_in_pattern,
    shared_object,
    shared_possessed_object,
    target_preposition_present,
)


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


@pytest.mark.parametrize("text, pattern_obj, cameo, not_in_pattern", [
    ("France and Germany criticized the agreement.", "", "111", True),  # about the agreement, not each other
    ("France and Germany held a meeting.", "", "210", True),  # a bare pattern of another sense
    ("France and Germany held a meeting.", "meeting", "046", False),  # the pattern is about the meeting
    ("France and Germany agreed a trade agreement.", "", "030", False),  # cooperation on it is joint
    ("France and Germany resolved their differences.", "", "111", False),  # "their": shared
])
def test_object_not_in_pattern(nlp, text, pattern_obj, cameo, not_in_pattern):
    verb, _ = _verb_and_objects(nlp, text)
    assert object_not_in_pattern(verb, pattern_obj, cameo, False, RELATIONAL_OBJECTS) is not_in_pattern


@pytest.mark.parametrize("text, shared", [
    ("Chile and Peru conducted a joint exercise.", True),
    ("Chile and Peru held bilateral talks.", True),
    ("Chile and Peru conducted an exercise.", False),
])
def test_shared_object_done_together(nlp, text, shared):
    _, objects = _verb_and_objects(nlp, text)
    assert shared_object(objects, RELATIONAL_OBJECTS) is shared
