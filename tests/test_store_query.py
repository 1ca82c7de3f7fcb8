"""Query filters and aggregated counts, on hand-built events (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from test_store_support import actor, coded, event, store, store_url  # noqa: F401

from eventwire.errors import InputError
from eventwire.store import EventFilter, count_by

RUS, UKR, USA = actor("RUSMIL", "Russian forces"), actor("UKR", "Ukraine"), actor("USAGOV", "President Biden")
CHN = actor("CHN", "China")


@pytest.fixture
def filled(store):
    run = store.start_run({})
    rows = [
        ("a1", [event("a1", "Russian forces attacked Ukraine.", RUS, UKR, "190", date="2024-03-04", plover="ASSAULT",
                      quad=4, goldstein=-10.0),
                event("a1", "Ukraine asked for 50% more aid.", UKR, USA, "1011", index=1, date="2024-03-05",
                      plover="REQUEST", quad=3, modality="demanded")]),
        ("a2", [event("a2", "Biden met Xi.", USA, CHN, "040", date="2024-03-12", plover="CONSULT", quad=1),
                event("a2", "China will visit Russia.", CHN, RUS, "042", index=1, date="2024-04-02",
                      plover="CONSULT", quad=1, modality="intended")]),
        ("a3", [event("a3", "An undated statement_by China.", CHN, None, "010", date=None, quad=1)]),
    ]
    for aid, evs in rows:
        store.save(coded(aid, evs), run)
    return store


def ids(store, **kw):
    return [(e.article_id, e.sentence_index) for e in store.events(EventFilter(**kw).clauses())]


def test_store_query_actor_code_is_a_prefix_in_either_role(filled):
    assert ids(filled, actor=["RUS"]) == [("a1", 0), ("a2", 1)]
    assert ids(filled, actor=["RUS"], role="source") == [("a1", 0)]
    assert ids(filled, actor=["RUS"], role="target") == [("a2", 1)]
    assert ids(filled, actor=["USAGOV"]) == [("a1", 1), ("a2", 0)]


def test_store_query_actor_name_is_a_case_insensitive_substring(filled):
    assert ids(filled, actor=["biden"]) == [("a1", 1), ("a2", 0)]
    assert ids(filled, actor=["russian"], role="source") == [("a1", 0)]


def test_store_query_dyad_and_country(filled):
    assert ids(filled, source=["USA"], target=["CHN"]) == [("a2", 0)]
    assert ids(filled, source=["CHN"], target=["USA"]) == []
    assert ids(filled, country=["ukr"]) == [("a1", 0), ("a1", 1)]


def test_store_query_codes_types_modality_dates_text(filled):
    assert ids(filled, cameo=["04"]) == [("a2", 0), ("a2", 1)]
    assert ids(filled, cameo=["101"]) == [("a1", 1)]
    assert ids(filled, plover=["assault"]) == [("a1", 0)]
    assert ids(filled, quad_class=[1]) == [("a2", 0), ("a2", 1), ("a3", 0)]
    assert ids(filled, modality=["intended", "demanded"]) == [("a1", 1), ("a2", 1)]
    assert ids(filled, since="2024-03-05", until="2024-03-31") == [("a1", 1), ("a2", 0)]
    assert ids(filled, text="ATTACKED") == [("a1", 0)]


def test_store_query_like_wildcards_are_literal(filled):
    assert ids(filled, text="50%") == [("a1", 1)]
    assert ids(filled, text="%") == [("a1", 1)]
    assert ids(filled, text="_by") == [("a3", 0)]
    assert ids(filled, actor=["%"]) == []


def test_store_query_injection_attempt_is_just_text(filled):
    assert ids(filled, text="'; DROP TABLE events; --") == []
    assert filled.counts()["events"] == 5


def test_store_query_limit_and_order(filled):
    got = list(filled.events(limit=2))
    assert [e.date for e in got] == ["2024-03-04", "2024-03-05"]


def test_store_query_bad_values_are_input_errors():
    with pytest.raises(InputError, match="--since"):
        EventFilter(since="March").clauses()
    with pytest.raises(InputError, match="--cameo"):
        EventFilter(cameo=["04%"]).clauses()
    with pytest.raises(InputError, match="--role"):
        EventFilter(actor=["RUS"], role="both").clauses()


def test_store_count_by_period(filled):
    assert count_by(filled, "day") == [
        {"period": "2024-03-04", "events": 1}, {"period": "2024-03-05", "events": 1},
        {"period": "2024-03-12", "events": 1}, {"period": "2024-04-02", "events": 1}]
    assert count_by(filled, "week") == [
        {"period": "2024-03-04", "events": 2}, {"period": "2024-03-11", "events": 1},
        {"period": "2024-04-01", "events": 1}]
    assert count_by(filled, "month") == [{"period": "2024-03-01", "events": 3}, {"period": "2024-04-01", "events": 1}]


def test_store_count_by_dyad_with_filter(filled):
    rows = count_by(filled, "month", EventFilter(quad_class=[1, 4]), dyad=True)
    assert rows == [
        {"period": "2024-03-01", "source": "RUS", "target": "UKR", "events": 1},
        {"period": "2024-03-01", "source": "USA", "target": "CHN", "events": 1},
        {"period": "2024-04-01", "source": "CHN", "target": "RUS", "events": 1}]
    with pytest.raises(InputError):
        count_by(filled, "year")
