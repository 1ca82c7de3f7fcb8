"""The linker's state in tables (store/linker_index.py): the same clusters as the in-memory linker, article by
article, on SQLite and PostgreSQL; an old JSON state is unpacked by migration 0003."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_store_support import store, store_url  # noqa: F401

from eventwire.model import Article
from eventwire.store import Store
from eventwire.store.linker_index import TableIndex
from eventwire.stories.linker import EventLinker, document_from_coded

ARTICLES = Path(__file__).parent / "data" / "stories" / "articles.jsonl"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def documents(coder):
    out = []
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            art = Article(text=a["text"], date=dt.date.fromisoformat(a["date"]), id=a["id"], source=a["source"],
                          title=a["title"])
            out.append(document_from_coded(coder.code(art)))
    return out


def _link_in_tables(store: Store, nlp, docs) -> dict[str, str]:
    index = TableIndex(store.engine)
    linker = EventLinker(nlp, index=index)
    out: dict[str, str] = {}
    for d in docs:
        with index.reading() as writes:
            out.update(linker.add(d, nlp(d.text)))
        with store.engine.begin() as conn:
            writes.apply(conn)
    return out


def test_table_index_links_exactly_like_the_memory_index(store, nlp, documents):
    memory = EventLinker(nlp)
    for d in documents:
        memory.add(d)
    got = _link_in_tables(store, nlp, documents)
    assert got == memory.assignment()
    assert len(set(got.values())) < len(got)  # some reports were linked together (the summit)
    summary = store.linker_summary()
    assert summary["ndocs"] == len(documents) and summary["stories"] == memory.story_count()
    assert summary["clusters"] == len(memory.clusters()) and summary["mentions"] == len(got)
    # Re-adding an article is a no-op that returns the stored links.
    again = _link_in_tables(store, nlp, documents[:2])
    assert again == {k: v for k, v in got.items() if k in again} and again
    assert store.linker_summary() == summary


def test_table_index_reads_only_the_articles_keys(store, nlp, documents):
    """A new article reads the stories under its top terms and the clusters under its keys, not the store."""
    _link_in_tables(store, nlp, documents[:-1])
    seen: list[str] = []

    @sa.event.listens_for(store.engine, "before_cursor_execute")
    def log(conn, cursor, statement, params, context, executemany):
        seen.append(statement)

    _link_in_tables(store, nlp, documents[-1:])
    sa.event.remove(store.engine, "before_cursor_execute", log)
    reads = [q for q in seen if q.lstrip().upper().startswith("SELECT")]
    assert reads and all(re.search(r"\bWHERE\b", q, re.IGNORECASE) for q in reads)  # every read is a keyed lookup


def test_migration_unpacks_an_old_json_state(tmp_path, nlp, documents):
    from alembic import command

    memory = EventLinker(nlp)
    for d in documents[:4]:
        memory.add(d)
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store(url, migrate=False)
    cfg = old._alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    with old.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO linker_state (id, state, articles) VALUES (1, :s, 4)"),
                     {"s": json.dumps(memory.state())})
    old.close()
    with Store(url) as migrated:
        assert migrated.revision() == Store.head_revision()
        assert migrated.linker_summary()["ndocs"] == 4
        got = _link_in_tables(migrated, nlp, documents[4:])
    for d in documents[4:]:
        memory.add(d)
    assert got == {k: v for k, v in memory.assignment().items() if k in got}
