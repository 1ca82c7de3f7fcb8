"""Temporal resolution against a fixed publication date: weekdays, relative units, explicit dates, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dates import DateResolution, parse_date, resolve_event_date, resolve_expression

PUB = dt.date(2025, 1, 28)  # a Tuesday


@pytest.mark.parametrize("text, value, precision", [
    ("Friday", "2025-01-24", "day"),
    ("on Tuesday", "2025-01-28", "day"),
    ("last Tuesday", "2025-01-21", "day"),
    ("yesterday", "2025-01-27", "day"),
    ("today", "2025-01-28", "day"),
    ("Jan. 20", "2025-01-20", "day"),
    ("January 20th", "2025-01-20", "day"),
    ("20 January", "2025-01-20", "day"),
    ("Dec. 28", "2024-12-28", "day"),  # no year, late in the previous year
    ("March 12, 1999", "1999-03-12", "day"),
    ("last month", "2024-12", "month"),
    ("this month", "2025-01", "month"),
    ("next month", "2025-02", "month"),
    ("last week", "2025-W04", "week"),
    ("in 2018", "2018", "year"),
    ("last year", "2024", "year"),
    ("three years ago", "2022", "year"),
    ("two months ago", "2024-11", "month"),
    ("March 2022", "2022-03", "month"),
    ("the third quarter", "2024-Q3", "quarter"),
    ("the 1990s", "199", "decade"),
    ("Christmas", "2024-12-25", "day"),
    ("now", "PRESENT_REF", "ref"),
    ("recently", "PAST_REF", "ref"),
])
def test_expression(text, value, precision):
    res = resolve_expression(text, PUB)
    assert res is not None and res.value == value and res.precision == precision


@pytest.mark.parametrize("pub, text, expected", [
    ("2025-01-01", "Friday", "2024-12-27"),   # across the year boundary
    ("2025-03-01", "Thursday", "2025-02-27"),  # across the month boundary
    ("2024-03-01", "Thursday", "2024-02-29"),  # leap day
    ("2025-01-03", "Friday", "2025-01-03"),   # same day: on, not before
    ("2025-01-03", "last Friday", "2024-12-27"),
    ("2024-12-30", "Tuesday", "2024-12-24"),
])
def test_weekday_near_boundaries(pub, text, expected):
    res = resolve_expression(text, dt.date.fromisoformat(pub))
    assert res.date == expected


def test_future_weekday_looks_forward():
    assert resolve_expression("Friday", PUB, future=True).date == "2025-01-31"
    assert resolve_expression("next Monday", PUB).date == "2025-02-03"


@pytest.mark.parametrize("text", ["three years", "almost three years", "the past 10 days", "six months"])
def test_durations_are_not_dates(text):
    assert resolve_expression(text, PUB) is None


def test_month_range():
    res = resolve_expression("last month", PUB)
    assert (res.date, res.date_end) == ("2024-12-01", "2024-12-31")
    feb = resolve_expression("February 2024", PUB)
    assert feb.date_end == "2024-02-29"


def test_term_of_office_range():
    terms = [(dt.date(2017, 1, 20), dt.date(2021, 1, 19)), (dt.date(2025, 1, 20), None)]
    res = resolve_expression("during his first term", PUB, terms=terms)
    assert (res.date, res.date_end, res.precision) == ("2017-01-20", "2021-01-19", "range")
    assert resolve_expression("during his first term", PUB) is None


def test_event_date_defaults_to_publication():
    res = resolve_event_date([], PUB)
    assert res == DateResolution(date="2025-01-28", precision="reported", basis="publication", value="2025-01-28")
    assert resolve_event_date(["recently", "Friday"], PUB).date == "2025-01-24"
    assert resolve_event_date([], None).basis == "none"


def test_parse_date_still_works():
    assert parse_date("20250110") == dt.date(2025, 1, 10)


@pytest.mark.parametrize("sentence, expected", [
    ("Trump was sworn in on Jan. 20.", "2025-01-20"),
    ("The two leaders met Friday in Geneva.", "2025-01-24"),
    ("The minister will travel to Kyiv on Friday.", "2025-01-31"),
])
def test_temporal_expressions_in_text(nlp, sentence, expected):
    from eventwire.dates import temporal_expressions

    found = temporal_expressions(nlp(sentence), PUB)
    assert [r.date for _, r in found] == [expected]
