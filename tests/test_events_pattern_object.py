"""A pattern's own object word names what was done, not whom: the prepositional target comes first."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.extractor import EventExtractor
from eventwire.events.lexicon import Lexicon, Pattern
from eventwire.model import Article


@pytest.mark.parametrize("text, target", [("Chile fired navy missiles at Peru.", "PER"),
                                          ("Chile fired navy missiles.", "CHLMIL")])
def test_object_with_the_pattern_object_word_gives_way_to_at_x(coder, text, target):  # type: ignore[no-untyped-def]
    extractor = EventExtractor(Lexicon([Pattern("fire", "VERB", "", "missile", "195", "test pattern")]))
    original = coder.extractor
    coder.extractor = extractor
    try:
        events = coder.code(Article(text=text, date=dt.date(2024, 11, 8))).events
    finally:
        coder.extractor = original
    assert [(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "195"] == \
        [("CHL", target)]


def test_coordinated_role_noun_shares_the_country_modifier(code_text):  # type: ignore[no-untyped-def]
    events = code_text("Chilean media and government condemned Peru.", "2024-05-01")
    assert {e.source.code for e in events if e.target and e.target.country == "PER"} == {"CHLMED", "CHLGOV"}


def test_country_coordinated_to_a_role_with_an_in_complement_takes_the_role(nlp):  # type: ignore[no-untyped-def]
    """'lawmakers in A and B' parsed with B coordinated to 'lawmakers' (as spaCy does here): B's lawmakers."""
    from eventwire.events.extractor import _shares_first_conjunct
    from eventwire.model import Actor

    doc = nlp("Lawmakers in Chile and Peru condemned Bolivia.")
    lawmakers, peru = doc[0], doc[4]
    chile_actor = Actor("CHL", "Chile", "CHL")
    mentions = {doc[2].i: chile_actor}

    class _Mentions:
        def get(self, t):  # type: ignore[no-untyped-def]
            return mentions.get(t.i)

    first = Actor("CHLLEG", "Lawmakers", "CHL", "LEG")
    shared = _shares_first_conjunct(lawmakers, peru, first, Actor("PER", "Peru", "PER"), _Mentions())  # type: ignore[arg-type]
    assert shared.code == "PERLEG"


def test_apposition_parsed_as_a_second_subject_still_gives_the_source(code_text):  # type: ignore[no-untyped-def]
    """'Old rivals Chile and Peru ...' is parsed with 'rivals' and 'Chile' both as subjects."""
    events = code_text("Old rivals Chile and Peru condemned Bolivia.", "2024-05-01")
    assert {(e.source.code, e.target.code) for e in events if e.target} == {("CHL", "BOL"), ("PER", "BOL")}
