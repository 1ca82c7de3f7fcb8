"""``batch --db``: the shards loaded into the store give what ``ingest`` stores from the same input."""

from __future__ import annotations

import json

import pytest

from eventwire.batch import run_batch

pytestmark = pytest.mark.slow

TEXTS = [
    "Russia accused Ukraine of shelling civilian areas near Kharkiv on Tuesday.",
    "French President Emmanuel Macron met Chinese President Xi Jinping in Beijing on Wednesday.",
    "KYIV, Ukraine (AP) — NATO condemned the missile attack and urged Moscow to return to talks.",
    "Inflation reached 9 percent in October, the statistics office said.",
    "India and Pakistan agreed to hold talks on the border dispute.",
]


def _stored(db):
    from eventwire.store import Store

    with Store(db) as store:
        events = sorted(e.to_json() for e in store.events())
        return events, store.counts()


def test_batch_db_matches_ingest_and_rerun_loads_nothing_new(tmp_path, coder):
    from eventwire.reading import iter_path
    from eventwire.store import Store, ingest

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"t{i}", "date": "2024-11-08", "source": "AP", "text": t}) + "\n"
                           for i, t in enumerate(TEXTS)), encoding="utf-8")
    report = run_batch([src], tmp_path / "out", partition_size=2, db=str(tmp_path / "batch.db"))
    assert report.db == {"partitions_loaded": 3, "partitions_already_loaded": 0, "articles": 5,
                         "events": report.events}
    with Store(str(tmp_path / "ingest.db")) as store:
        ingest(store, iter_path(src), coder)
    batch_events, batch_counts = _stored(tmp_path / "batch.db")
    ingest_events, ingest_counts = _stored(tmp_path / "ingest.db")
    assert len(batch_events) >= 4 and batch_events == ingest_events
    for table in ("articles", "sentences", "actors", "events"):
        assert batch_counts[table] == ingest_counts[table], table

    again = run_batch([src], tmp_path / "out", partition_size=2, db=str(tmp_path / "batch.db"))
    assert again.skipped == 3 and again.db["partitions_loaded"] == 0
    assert _stored(tmp_path / "batch.db")[1]["runs"] == 1
