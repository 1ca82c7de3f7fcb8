"""The Python API: eventwire.code, code_many, to_dataframe, deterministic ids."""

from __future__ import annotations

import datetime as dt

import pytest

import eventwire
from eventwire.errors import DateError, InputError

TEXT = "Turkey condemned Israel on Monday. Russia and China met in Beijing."


def test_api_code_returns_events(coder):
    events = eventwire.code(TEXT, date="2025-01-10", coder=coder)
    assert all(isinstance(e, eventwire.Event) for e in events)
    condemn = next(e for e in events if e.cameo == "111")
    assert (condemn.source.code, condemn.target.code) == ("TUR", "ISR")
    assert condemn.date == "2025-01-06" and condemn.date_precision == "day"  # Monday before Fri 10 Jan 2025
    assert condemn.sentence == "Turkey condemned Israel on Monday."


def test_api_ids_are_deterministic(coder):
    a = eventwire.code(TEXT, date="2025-01-10", id="x", coder=coder)
    b = eventwire.code(TEXT, date="2025-01-10", id="x", coder=coder)
    assert [e.id for e in a] == [e.id for e in b]
    assert len({e.id for e in a}) == len(a)


def test_api_code_many_streams_in_order(coder):
    articles = [
        {"id": "one", "text": "Turkey condemned Israel.", "date": "2024-01-01"},
        eventwire.Article(text="Iran did not meet Israel.", date=dt.date(2024, 1, 2), id="two"),
    ]
    events = list(eventwire.code_many(articles, coder=coder))
    assert [e.article_id for e in events] == ["one", "two"]
    assert events[1].negated and events[1].modality == "negated"


def test_api_to_dataframe(coder):
    frame = eventwire.to_dataframe(eventwire.code(TEXT, date="2025-01-10", coder=coder))
    assert {"source_code", "target_country", "cameo", "plover", "sentence", "date"} <= set(frame.columns)
    assert len(frame) == 3


@pytest.mark.parametrize("text", ["", "   ", None])
def test_api_rejects_empty_text(text):
    with pytest.raises(InputError):
        eventwire.code(text)


def test_api_rejects_bad_date():
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        eventwire.code("Turkey condemned Israel.", date="yesterday-ish maybe")


def test_api_public_surface_is_sorted_and_importable():
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)
