"""Shared helpers for the store tests (no tests here): a ``store_url`` fixture that runs each test on SQLite and, when
EVENTWIRE_TEST_PG_URL is set, on PostgreSQL (in a schema of its own, dropped afterwards), plus
hand-built events and a fake coder so most store tests need no spaCy model."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventwire.model import Actor, Article, CodedArticle, Event, Sentence

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
PG_SKIP = "EVENTWIRE_TEST_PG_URL is not set (point it at a PostgreSQL server to run the PostgreSQL variant)"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[pytest.mark.postgres,
                                                      pytest.mark.skipif(not PG_URL, reason=PG_SKIP)]),
]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> Iterator[str]:
    """A database URL for an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    import sqlalchemy as sa

    from eventwire.store import resolve_url

    base = resolve_url(PG_URL)
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(store_url):
    from eventwire.store import Store

    with Store(store_url) as s:
        yield s


def actor(code: str | None, text: str, start: int = 0) -> Actor:
    country = code[:3] if code and code[:3] != "---" else None
    sector = code[3:6] if code and len(code) >= 6 else None
    return Actor(code=code, text=text, country=country, sector=sector, name=text, start=start,
                 end=start + len(text), how="test")


def event(article_id: str, sentence: str, source: Actor | None, target: Actor | None, cameo: str, *,
          index: int = 0, date: str | None = "2024-03-04", plover: str | None = None, quad: int | None = None,
          goldstein: float | None = None, modality: str = "asserted", trigger: str = "x") -> Event:
    return Event(article_id=article_id, sentence_index=index, sentence=sentence, source=source, target=target,
                 cameo=cameo, plover=plover, modality=modality, date=date, quad_class=quad, goldstein=goldstein,
                 trigger=trigger)


def coded(article_id: str, events: Iterable[Event], text: str = "Some text.", date: str = "2024-03-04",
          url: str | None = None) -> CodedArticle:
    art = Article(text=text, date=dt.date.fromisoformat(date), id=article_id, source="Wire", url=url)
    return CodedArticle(art, text, (Sentence(0, text, 0, len(text)),), tuple(events))


class FakeCoder:
    """Codes "SRC verb TGT." sentences: one event per sentence, CAMEO 010 (or 190 for 'attacked').

    An article whose text contains BOOM raises, to test failure isolation.
    """

    nlp = None

    def code(self, article: Article) -> CodedArticle:
        if "BOOM" in article.text:
            raise RuntimeError("the fake coder exploded")
        sentences, events, pos = [], [], 0
        for i, part in enumerate(p.strip() for p in article.text.split(".") if p.strip()):
            start = article.text.index(part, pos)
            pos = start + len(part)
            sentences.append(Sentence(i, part + ".", start, pos + 1))
            words = part.split()
            src, tgt = words[0], words[-1]
            events.append(Event(
                article_id=article.key, sentence_index=i, sentence=part + ".",
                source=Actor(src.upper()[:3], src, src.upper()[:3], start=start, end=start + len(src)),
                target=Actor(tgt.upper()[:3], tgt, tgt.upper()[:3], start=pos - len(tgt), end=pos),
                cameo="190" if "attacked" in words else "010",
                date=article.date.isoformat() if article.date else None, trigger=words[1] if len(words) > 1 else ""))
        return CodedArticle(article, article.text, tuple(sentences), tuple(events))

    def code_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        for a in articles:
            yield self.code(a)


def articles(n: int, prefix: str = "art", date: str = "2024-03-04") -> list[Article]:
    d = dt.date.fromisoformat(date)
    return [Article(text="Russia attacked Ukraine. France met Germany.", date=d, id=f"{prefix}{i}")
            for i in range(n)]


# Ingests 10 articles with the fake coder and SIGKILLs itself in the middle of the transaction of article number
# KILL_AT (after its article, sentence and actor rows are written, before its events).
KILL_CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[3])
    from test_store_support import FakeCoder, articles
    from eventwire.store import Store, ingest
    from eventwire.store import store as store_module

    url, kill_at = sys.argv[1], int(sys.argv[2])
    saved = {"n": 0}
    real_insert = store_module._insert

    def insert(conn, table, rows):
        if table.name == "sentences":
            saved["n"] += 1
        if table.name == "events" and saved["n"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        real_insert(conn, table, rows)

    store_module._insert = insert
    ingest(Store(url), articles(10), FakeCoder(), batch_size=4)
""")


def ingest_killed_at(url: str, kill_at: int) -> None:
    """Run KILL_CHILD in a fresh process and check that it really died by SIGKILL mid-ingest."""
    proc = subprocess.run([sys.executable, "-c", KILL_CHILD, url, str(kill_at), str(Path(__file__).parent)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
