"""Shared by the stories web tests (no tests here): a database filled by ``ingest`` (stories on) with the
realistic fixtures of tests/data/stories: four outlets reporting one summit, two other summits, and a
demand → rejection → counter-offer sequence over six weeks."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from eventwire.model import Article
from eventwire.store import Store, ingest

ARTICLES = Path(__file__).parent / "data" / "stories" / "articles.jsonl"
# As in test_stories_positions: datelines are dropped (the coder reads "MOSCOW, April 15 -" as a subject).
DATELINE = re.compile(r"^[A-Z][A-Z ]+, [A-Z][a-z]+ \d+ - ")


def story_articles() -> list[Article]:
    out = []
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            out.append(Article(text=DATELINE.sub("", a["text"]), date=dt.date.fromisoformat(a["date"]), id=a["id"],
                               source=a["source"], title=a["title"], url=f"https://example.org/{a['id']}"))
    return out


def fill_stories(store: Store, coder) -> None:  # type: ignore[no-untyped-def]
    report = ingest(store, story_articles(), coder)
    assert report.coded == 11 and report.failed == 0


def summit_cluster(store: Store) -> str:
    """The cluster of "Putin met Xi" in wire-a's report."""
    met = next(e for e in store.events() if e.article_id == "summit-wire-a" and e.trigger == "met")
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return conn.execute(sa.text("SELECT cluster_id FROM events WHERE id = :i"), {"i": met.id}).scalar()
