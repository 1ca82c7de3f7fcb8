"""News rules for dates: spelled-out years, fiscal periods, tense of dates that modify nouns or sit in
purpose clauses, holidays missed by NER, and anaphoric 'that year' / 'the following year'."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dates import resolve_expression

PUB = dt.date(2025, 1, 28)  # a Tuesday


@pytest.mark.parametrize("text, value", [
    ("nineteen ninety-six", "1996"),
    ("in nineteen seventy-nine", "1979"),
    ("January nineteen ninety-seven", "1997-01"),
    ("the winter of nineteen ninety-four", "1994-WI"),
    ("the year two thousand", "2000"),
    ("twenty twelve", "2012"),
    ("the fiscal first quarter", "2025-Q1"),
    ("fiscal second-quarter", "2024-Q2"),
    ("the 1988 third quarter", "1988-Q3"),
    ("the year-ago third quarter", "2024-Q3"),
    ("the current year", "2025"),
    ("the current fiscal year", "2025"),
    ("fiscal 1989", "1989"),
])
def test_expression_values(text, value):
    res = resolve_expression(text, PUB)
    assert res is not None and res.value == value


@pytest.mark.parametrize("text", ["more than two thousand years", "nineteen people", "the twenty years"])
def test_spelled_numbers_that_are_not_years(text):
    res = resolve_expression(text, PUB)
    assert res is None or res.precision != "year"


def _values(nlp, text: str, pub: dt.date = PUB) -> dict[str, str | None]:
    from eventwire.dates import temporal_expressions

    return {span.text: res.value for span, res in temporal_expressions(nlp(text), pub)}


@pytest.mark.parametrize("sentence, expression, value", [
    # a date modifying a noun names an event that has happened, even under a present or future verb
    ("The move follows Wednesday's declaration by Ford.", "Wednesday", "2025-01-22"),
    ("Investigators have been searching for him since the Oct. 23 slaying.", "Oct. 23", "2024-10-23"),
    # a purpose infinitive under a past-tense verb is not a future clause
    ("The city held a parade to celebrate the team's win in the cup final on Friday.", "Friday",
     "2025-01-24"),
    # a reduced relative clause with a past participle is past: "the record set on Aug. 6"
    ("The currency ended the week near the low level reached on Aug. 6.", "Aug. 6", "2024-08-06"),
    # a date still looks forward with an explicit future
    ("The minister will travel to Kyiv on Friday.", "Friday", "2025-01-31"),
    # holidays that NER leaves out or labels EVENT
    ("The boy was found in the Atlantic last Thanksgiving.", "last Thanksgiving", "2024-11-28"),
])
def test_tense_of_dates_in_text(nlp, sentence, expression, value):
    assert _values(nlp, sentence).get(expression) == value


def test_anaphoric_year_follows_the_date_last_named(nlp):
    found = _values(nlp, "The plant opened in 1998. Later that year, the company moved its headquarters.")
    assert found.get("1998") == "1998"
    assert [v for k, v in found.items() if "that year" in k.lower()] == ["1998"]
    found = _values(nlp, "The firm was founded in 1995, and the following year it went public.")
    assert [v for k, v in found.items() if "following year" in k] == ["1996"]


def test_next_year_without_article_stays_deictic(nlp):
    found = _values(nlp, "The plant opened in 1998. The company plans to expand next year.")
    assert [v for k, v in found.items() if "next year" in k] == ["2026"]
