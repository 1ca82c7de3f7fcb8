"""The main flow attaches quotes, dates and places to events (Coder → Event fields, CodedArticle.quotes)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Article


def _coded(coder, text: str, date: str = "2025-01-28"):
    return coder.code(Article(text=text, date=dt.date.fromisoformat(date), id="t"))


def test_event_inside_quote_is_attributed_to_speaker(coder):
    coded = _coded(coder, "\u201cRussia attacked Ukraine again,\u201d Zelensky told reporters on Monday.")
    assert coded.quotes and coded.quotes[0].speaker.text == "Zelensky"
    inside = [e for e in coded.events if e.quote]
    assert inside, [e.to_dict() for e in coded.events]
    assert all(e.attributed_to is not None and "Zelensky" in e.attributed_to.text for e in inside)


def test_channel_reaches_the_event(coder):
    coded = _coded(coder, "\u201cWe will respond to NATO,\u201d Putin said, according to the Interfax news agency.")
    assert any(q.channel and "Interfax" in q.channel for q in coded.quotes)


@pytest.mark.parametrize("text, date, precision, basis", [
    ("Trump met Putin in 2018 in Helsinki.", "2018-01-01", "year", "explicit"),
    ("Russian forces attacked Kharkiv on Friday.", "2025-01-24", "day", "relative"),
    ("Russian forces attacked Kharkiv.", "2025-01-28", "reported", "publication"),
])
def test_event_dates(code_text, text, date, precision, basis):
    events = code_text(text, "2025-01-28")
    assert events
    assert (events[0].date, events[0].date_precision, events[0].date_basis) == (date, precision, basis)


def test_first_term_range(code_text):
    events = code_text("During his first term, Trump met Kim Jong Un in Singapore.", "2025-01-28")
    trump = [e for e in events if e.source and e.source.text == "Trump"]
    assert trump and (trump[0].date, trump[0].date_end, trump[0].date_precision) == \
        ("2017-01-20", "2021-01-19", "range")


@pytest.mark.parametrize("text, place, country", [
    ("Trump met Putin in 2018 in Helsinki.", "Helsinki", "FIN"),
    ("Russian forces attacked Kharkiv on Friday.", "Kharkiv", "UKR"),
])
def test_event_place(code_text, text, place, country):
    events = code_text(text, "2025-01-28")
    assert events[0].place is not None
    assert (events[0].place.name, events[0].place.country) == (place, country)
    assert events[0].to_dict()["place"]["lat"] is not None
