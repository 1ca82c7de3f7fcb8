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
