"""Stories in the store: duplicate copies and event clusters at ingest (SQLite and PostgreSQL).

Realistic fixtures (tests/data/stories): four outlets reporting the Putin–Xi summit, two other summits the same
season, and edited copies of each story (new headline, added paragraph, ...).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_store_support import FakeCoder, articles, ingest_killed_at, store, store_url  # noqa: F401

from eventwire.model import Article
from eventwire.store import Store, cluster_rows, export_clusters, ingest

DATA = Path(__file__).parent / "data" / "stories"

def _load(name: str) -> list[dict]:
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def _article(d: dict, **over) -> Article:
    d = {**d, **over}
    return Article(text=d["text"], date=dt.date.fromisoformat(d.get("date") or "2025-05-08"), id=d["id"],
                   source=d.get("source") or "wire-x", title=d.get("title"))


ORIGINALS = {d["id"]: d for d in _load("articles.jsonl")}
COPIES = {d["id"]: d for d in _load("duplicates.jsonl")}
SUMMIT = ["summit-wire-a", "summit-wire-b", "summit-wire-c", "summit-wire-d", "other-summit-berlin",
          "other-summit-delhi"]


def _cluster_of(store: Store) -> dict[str, str | None]:
    e = sa.table("events", sa.column("id"), sa.column("cluster_id"))
    with store.engine.connect() as conn:
        return {r.id: r.cluster_id for r in conn.execute(sa.select(e.c.id, e.c.cluster_id))}


@pytest.mark.slow
def test_stories_store_summit_is_one_cluster_with_every_report(store, coder):
    report = ingest(store, [_article(ORIGINALS[i]) for i in SUMMIT], coder)
    assert report.coded == 6 and report.copies == 0
    events = list(store.events())
    clusters = _cluster_of(store)
    met = next(e for e in events if e.article_id == "summit-wire-a" and e.trigger == "met")
    cid = clusters[met.id]
    assert cid and cid.startswith("evc_")
    reports = [e for e in events if clusters[e.id] == cid]
    docs = {e.article_id for e in reports}
    assert {"summit-wire-a", "summit-wire-b", "summit-wire-c"} <= docs
    assert not docs & {"other-summit-berlin", "other-summit-delhi"}
    assert all(e.sentence for e in reports)  # every report kept, with its sentence
    (row,) = [r for r in cluster_rows(store) if r["cluster_id"] == cid]
    assert row["reports"] == len(reports) and row["articles"] == len(docs) and row["sources"] == len(docs)
    assert row["first_report"] == "2025-05-08"
    assert row["last_report"] == max(ORIGINALS[d]["date"] for d in docs)
    # The default stays one row per report.
    assert len(list(store.events())) == store.counts()["events"] > len(cluster_rows(store))
    assert sum(r["reports"] for r in cluster_rows(store)) == store.counts()["events"]


@pytest.mark.slow
def test_stories_store_duplicate_copy_is_linked_not_recoded(store, coder):
    ingest(store, [_article(ORIGINALS["summit-wire-a"]), _article(ORIGINALS["other-summit-berlin"])], coder)
    before_rows, before_counts = cluster_rows(store), store.counts()
    copies = [_article(COPIES["summit-wire-a~headline"], date="2025-05-08", source="wire-z"),
              _article(COPIES["summit-wire-a~paragraph-added"], date="2025-05-08", source="wire-y"),
              _article(COPIES["other-summit-berlin~dateline"], date="2025-05-08")]
    report = ingest(store, copies, coder)
    assert (report.coded, report.copies, report.events) == (0, 3, 0)
    with store.engine.connect() as conn:
        dup = dict(conn.execute(sa.text("SELECT id, duplicate_of FROM articles")).all())
    assert dup == {"summit-wire-a": None, "other-summit-berlin": None,
                   "summit-wire-a~headline": "summit-wire-a", "summit-wire-a~paragraph-added": "summit-wire-a",
                   "other-summit-berlin~dateline": "other-summit-berlin"}
    after = store.counts()
    assert after["events"] == before_counts["events"] and after["articles"] == 5
    assert cluster_rows(store) == before_rows  # the copies' events count once
    # Asked to, a copy is coded; its events are stored but still counted once in the clusters.
    again = _article(COPIES["summit-wire-a~rewritten-lead"], date="2025-05-08")
    report = ingest(store, [again], coder, recode_duplicates=True)
    assert report.coded == 1 and report.copies == 1 and report.events > 0
    assert store.counts()["events"] > before_counts["events"]
    assert cluster_rows(store) == before_rows


def test_stories_store_short_identical_bulletins_are_not_duplicates(store):
    report = ingest(store, articles(3), FakeCoder())
    assert (report.coded, report.copies) == (3, 0)


@pytest.mark.slow
def test_stories_store_ingest_twice_same_counts(store, coder):
    items = [_article(d) for d in ORIGINALS.values()] + [_article(COPIES["talks-1~headline"], date="2025-03-03")]
    first = ingest(store, items, coder, batch_size=4)
    counts, clusters, rows = store.counts(), _cluster_of(store), cluster_rows(store)
    state = store.linker_summary()
    second = ingest(store, items, coder, batch_size=4)
    assert (first.coded, first.copies) == (11, 1)
    assert (second.coded, second.copies, second.unchanged) == (0, 0, 12)
    assert {k: v for k, v in store.counts().items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}
    assert _cluster_of(store) == clusters and cluster_rows(store) == rows and store.linker_summary() == state
    assert counts["event_clusters"] == len({c for c in clusters.values() if c})


def test_stories_store_export_clusters(store, tmp_path):
    ingest(store, articles(4), FakeCoder())
    out = tmp_path / "c.csv"
    assert export_clusters(store, "csv", out) == 2  # RUS attacked UKR, FRA met GER: 4 reports each
    lines = out.read_text().splitlines()
    assert lines[0].startswith("cluster_id,key,reports,articles,sources,first_report,last_report")
    rows = cluster_rows(store)
    assert [(r["reports"], r["articles"]) for r in rows] == [(4, 4), (4, 4)]




def test_stories_store_killed_mid_ingest_relinks_cleanly(store_url, tmp_path):
    ingest_killed_at(store_url, 6)
    with Store(store_url) as s:
        assert s.linker_summary()["ndocs"] == 5  # the state committed with the 5 stored articles, no more
        report = ingest(s, articles(10), FakeCoder())
        assert (report.coded, report.unchanged) == (5, 5)
        got, rows = _cluster_of(s), cluster_rows(s)
    with Store(f"sqlite:///{tmp_path / 'clean.db'}") as clean:
        ingest(clean, articles(10), FakeCoder())
        assert _cluster_of(clean) == got and cluster_rows(clean) == rows
    assert [(r["reports"], r["articles"]) for r in rows] == [(10, 10), (10, 10)]


def test_stories_store_copy_found_among_many_lookalikes(store, monkeypatch):
    from test_stories_duplicates import lookalike

    from eventwire.stories import duplicates

    items = [Article(text=lookalike(k), date=dt.date(2025, 5, 8), id=f"look{k:03d}") for k in range(100)]
    assert ingest(store, items, FakeCoder(), batch_size=16).copies == 0
    compared = []
    real = duplicates.estimate
    monkeypatch.setattr(duplicates, "estimate", lambda a, b: compared.append(1) or real(a, b))
    copy = Article(text=lookalike(40), title="New headline", date=dt.date(2025, 5, 9), id="copy-of-40")
    assert ingest(store, [copy], FakeCoder()).copies == 1
    with store.engine.connect() as conn:
        dup = conn.execute(sa.text("SELECT duplicate_of FROM articles WHERE id = 'copy-of-40'")).scalar_one()
    assert dup == "look040"
    assert len(compared) <= duplicates.MAX_CANDIDATES  # bounded, though ~57 stored items share >= 2 bands
