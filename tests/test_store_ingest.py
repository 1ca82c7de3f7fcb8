"""Ingest: idempotent, replaces changed articles, isolates failures, records runs (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses

import pytest
from test_store_support import FakeCoder, actor, articles, coded, event, store, store_url  # noqa: F401

from eventwire.errors import RecordError
from eventwire.store import Store, StoreError, ingest


def test_store_ingest_twice_adds_nothing(store):
    first = ingest(store, articles(5), FakeCoder())
    counts = store.counts()
    second = ingest(store, articles(5), FakeCoder())
    after = store.counts()
    assert (first.coded, first.unchanged, first.events) == (5, 0, 10)
    assert (second.coded, second.unchanged, second.events) == (0, 5, 0)
    assert counts["articles"] == 5 and counts["events"] == 10 and counts["sentences"] == 10
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}


def test_store_ingest_changed_article_replaces_its_events(store):
    ingest(store, articles(3), FakeCoder())
    old_ids = {e.id for e in store.events() if e.article_id == "art1"}
    changed = dataclasses.replace(articles(3)[1], text="Chile met Peru.")
    report = ingest(store, [changed], FakeCoder())
    new = [e for e in store.events() if e.article_id == "art1"]
    assert report.coded == 1
    assert [(e.source.code, e.target.code) for e in new] == [("CHI", "PER")]
    assert not old_ids & {e.id for e in store.events()}
    assert store.counts()["articles"] == 3 and store.counts()["events"] == 5


def test_store_ingest_changed_date_recodes(store):
    ingest(store, articles(1), FakeCoder())
    moved = articles(1, date="2024-05-01")
    assert ingest(store, moved, FakeCoder()).coded == 1
    assert {e.date for e in store.events()} == {"2024-05-01"}


def test_store_ingest_recode_forces_coding(store):
    ingest(store, articles(2), FakeCoder())
    report = ingest(store, articles(2), FakeCoder(), recode=True)
    assert report.coded == 2 and store.counts()["events"] == 4


def test_store_ingest_failures_are_recorded_and_the_batch_goes_on(store):
    items = [*articles(2), RecordError("malformed JSON", line=3, source="b.jsonl"),
             dataclasses.replace(articles(1)[0], id="bad", text="BOOM went the coder."), *articles(2, prefix="z")]
    seen: list[str] = []
    report = ingest(store, items, FakeCoder(), batch_size=3, on_failure=seen.append)
    assert (report.coded, report.failed) == (4, 2)
    assert len(seen) == 2 and "b.jsonl:3" in seen[0] and "fake coder exploded" in seen[1]
    rows = store.failures(report.run_id)
    assert [(r["input"], r["line"], r["article_id"]) for r in rows] == [("b.jsonl", 3, None), (None, None, "bad")]
    assert store.counts()["articles"] == 4


def test_store_ingest_records_the_run(store):
    report = ingest(store, articles(2), FakeCoder(), command="eventwire ingest x")
    (run,) = store.runs()
    assert run["id"] == report.run_id and run["command"] == "eventwire ingest x"
    assert run["eventwire_version"] and run["dictionary_version"] and run["lexicon_version"].startswith("sha256:")
    assert (run["articles_coded"], run["events_stored"]) == (2, 4) and run["finished_at"] is not None


def test_store_save_is_one_transaction(store):
    """A save that fails half-way leaves the previously stored version of the article untouched."""
    first = event("a1", "Russia attacked Ukraine.", actor("RUS", "Russia"), actor("UKR", "Ukraine"), "190")
    good = coded("a1", [first])
    run = store.start_run({})
    store.save(good, run)
    bad_event = dataclasses.replace(good.events[0], sentence=None, id="ev_other")  # NOT NULL violation
    bad = dataclasses.replace(good, events=(good.events[0], bad_event), text="changed")
    with pytest.raises(Exception):
        store.save(bad, run)
    assert [e.id for e in store.events()] == [good.events[0].id]
    assert store.counts()["articles"] == 1


def test_store_ingest_storage_failure_is_recorded(store, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    calls = {"n": 0}
    real_save = Store.save

    def flaky(self, coded_article, run_id, **kw):
        calls["n"] += 1
        if coded_article.article.key == "art1":
            raise IntegrityError("INSERT", {}, Exception("simulated constraint failure"))  # every attempt
        return real_save(self, coded_article, run_id, **kw)

    monkeypatch.setattr(Store, "save", flaky)
    report = ingest(store, articles(3), FakeCoder())
    assert (report.coded, report.failed) == (2, 1)
    assert "art1" in report.failures[0] and "simulated constraint failure" in report.failures[0]


def test_store_read_only_refuses_ingest(store_url):
    Store(store_url).close()
    with Store(store_url, read_only=True) as ro, pytest.raises(StoreError, match="read-only"):
        ingest(ro, articles(1), FakeCoder())


def test_store_ingest_same_id_twice_in_one_batch_keeps_the_last(store):
    first, second = articles(1)[0], dataclasses.replace(articles(1)[0], text="Chile met Peru.")
    report = ingest(store, [first, second], FakeCoder())
    assert report.coded == 2 and store.counts()["articles"] == 1
    assert [(e.source.code, e.target.code) for e in store.events()] == [("CHI", "PER")]


def test_store_ingest_article_stored_meanwhile_is_replaced(store, monkeypatch):
    """Another process stored the article between the hash check and the save: replaced, not failed."""
    ingest(store, articles(1), FakeCoder())
    monkeypatch.setattr(Store, "known_hashes", lambda self, ids: {})
    report = ingest(store, [dataclasses.replace(articles(1)[0], text="Chile met Peru.")], FakeCoder())
    assert (report.coded, report.failed) == (1, 0) and store.counts()["events"] == 1


def test_store_save_keeps_quotes_and_their_speakers(store):
    import sqlalchemy as sa

    from eventwire.model import Quote

    peskov = actor("RUSGOV", "Dmitry Peskov", start=30)
    quote = Quote('"We will not accept this"', peskov, True, channel="reporters", verb="told",
                  sentence_indices=(0,), start=0, end=25)
    art = dataclasses.replace(coded("q1", []), quotes=(quote,))
    store.save(art, store.start_run({}))
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT q.text, q.direct, q.verb, q.sentence_indices, a.code, a.text "
                                   "FROM quotes q JOIN actors a ON a.id = q.speaker_actor_id")).one()
    assert tuple(row) == ('"We will not accept this"', True, "told", "[0]", "RUSGOV", "Dmitry Peskov")
    store.save(dataclasses.replace(art, quotes=()), 1)
    assert store.counts()["quotes"] == 0 and store.counts()["actors"] == 0
