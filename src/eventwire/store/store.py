"""``Store``: one interface over SQLite (embedded default) and PostgreSQL.

Every write of an article's coded content happens in one transaction (``save``), so a
killed process leaves whole articles or nothing; ``known_hashes`` lets ingest skip
articles stored before with the same text and date, which makes a re-run resume
where the killed one stopped. All SQL is built with SQLAlchemy Core: parameterised,
never formatted from user input.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, create_engine, event, func, or_, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, SQLAlchemyError

from ..errors import EventwireError
from ..model import Actor, CodedArticle, Event
from . import schema as s
from .records import actor_row, event_from_record, event_row, text_hash
from .urls import mask_url, resolve_url, scrub

MIGRATIONS = Path(__file__).parent / "migrations"
_CHUNK = 500


class StoreError(EventwireError):
    """The database cannot be opened, is not an eventwire database, or refused a write."""


class Store:
    """An eventwire database. ``Store("events.db")``, ``Store("postgresql://user:pw@host/db")``.

    read_only: open for reading only (``eventwire query``/``export``): writes fail in the
    database itself (SQLite ``query_only``, PostgreSQL read-only transactions), and the
    schema is checked, never migrated.
    """

    def __init__(self, db: str | Path | URL | None = None, *, read_only: bool = False, migrate: bool = True) -> None:
        self.url = resolve_url(db)
        self.read_only = read_only
        self.engine = self._engine()
        if read_only:
            self._check_schema()
        elif migrate:
            self.migrate()

    # ---- connection -----------------------------------------------------------------
    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def display_url(self) -> str:
        """The URL with its password masked: the only form eventwire prints."""
        return mask_url(self.url)

    def __repr__(self) -> str:
        return f"Store({self.display_url!r}{', read_only=True' if self.read_only else ''})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def _engine(self) -> Engine:
        url, connect_args = self.url, {}
        if self.backend == "sqlite":
            path = url.database or ""
            if self.read_only and path not in ("", ":memory:") and not Path(path).exists():
                raise StoreError(f"no database at {path}; create it with 'eventwire ingest ... --db {path}'")
            connect_args["timeout"] = 30
        else:
            options = (url.query.get("options") or "")
            options = options if isinstance(options, str) else " ".join(options)
            # Read-only sessions for query/export. Writers commit without waiting for the WAL flush:
            # a server crash can lose the last few commits (never half an article), and the next
            # ingest re-codes exactly those, since it skips only what is stored.
            extra = "default_transaction_read_only=on" if self.read_only else "synchronous_commit=off"
            connect_args["options"] = f"{options} -c {extra}".strip()
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=self.backend != "sqlite")
        if self.backend == "sqlite":
            read_only = self.read_only

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys = ON")
                if read_only:
                    cur.execute("PRAGMA query_only = ON")
                else:
                    # WAL + NORMAL: a killed process loses at most uncommitted work, never a committed article.
                    cur.execute("PRAGMA journal_mode = WAL")
                    cur.execute("PRAGMA synchronous = NORMAL")
                cur.close()
        try:
            with engine.connect():
                pass
        except DatabaseError as exc:  # OperationalError, or "file is not a database"
            raise StoreError(f"cannot open {self.display_url}: {self.error_message(exc)}; is it an eventwire "
                             f"database?") from None
        return engine

    def error_message(self, exc: BaseException) -> str:
        """The first line of a database error, with the URL's password removed."""
        orig = getattr(exc, "orig", None) or exc
        text = str(orig).strip().splitlines()
        return scrub(text[0] if text else type(orig).__name__, self.url)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.display_url} is open read-only")

    # ---- schema -----------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic; safe to run any number of times)."""
        self._writable()
        from alembic import command

        cfg = self._alembic_config()
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot migrate {self.display_url}: {self.error_message(exc)}") from None

    @staticmethod
    def _alembic_config() -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        return cfg

    @classmethod
    def head_revision(cls) -> str:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(cls._alembic_config()).get_current_head()
        assert head is not None
        return head

    def revision(self) -> str | None:
        """The schema revision the database is at (None: not an eventwire database yet)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def _check_schema(self) -> None:
        try:
            current, head = self.revision(), self.head_revision()
        except DatabaseError as exc:
            raise StoreError(f"cannot read {self.display_url}: {self.error_message(exc)}; is it an eventwire "
                             f"database?") from None
        if current is None:
            raise StoreError(f"{self.display_url} is not an eventwire database (no tables); "
                             f"fill it with 'eventwire ingest'")
        if current != head:
            raise StoreError(f"{self.display_url} has schema revision {current}; this eventwire needs {head}: "
                             f"run 'eventwire ingest' on it once (it upgrades the schema)")

    # ---- runs and failures -----------------------------------------------------------
    def start_run(self, versions: dict[str, str], command: str | None = None) -> int:
        """Record a coding run (versions of eventwire, model, dictionaries, and ``coding_options``: the JSON of
        the coding conventions that differ from the defaults, see ``coder_versions``); returns its id."""
        self._writable()
        with self.engine.begin() as conn:
            result = conn.execute(s.runs.insert().values(
                started_at=_now(), eventwire_version=versions.get("eventwire", "?"),
                model_version=versions.get("model", "?"), dictionary_version=versions.get("dictionaries", "?"),
                lexicon_version=versions.get("lexicon", "?"), coding_options=versions.get("coding_options"),
                command=command, articles_coded=0,
                articles_unchanged=0, articles_failed=0, events_stored=0))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, *, coded: int, unchanged: int, failed: int, events: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(s.runs.update().where(s.runs.c.id == run_id).values(
                finished_at=_now(), articles_coded=coded, articles_unchanged=unchanged, articles_failed=failed,
                events_stored=events))

    def record_failure(self, run_id: int, error: str, *, article_id: str | None = None,
                       input: str | None = None, line: int | None = None) -> None:
        """Keep one failed record (in its own transaction, so the batch goes on)."""
        self._writable()
        with self.engine.begin() as conn:
            conn.execute(s.failures.insert().values(run_id=run_id, article_id=article_id, input=input, line=line,
                                                    error=error, failed_at=_now()))

    def runs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(s.runs).order_by(s.runs.c.id))]

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]:
        q = select(s.failures).order_by(s.failures.c.id)
        if run_id is not None:
            q = q.where(s.failures.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # ---- articles ------------------------------------------------------------------------
    def known_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """{article id: stored text hash} for those of ``article_ids`` already stored."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                q = select(s.articles.c.id, s.articles.c.text_hash).where(s.articles.c.id.in_(ids[i:i + _CHUNK]))
                out.update({r.id: r.text_hash for r in conn.execute(q)})
        return out

    def save(self, coded: CodedArticle, run_id: int, *, stored: bool | None = None,
             stories: "StoriesRows | None" = None) -> int:
        """Store one coded article, replacing what was stored under its id, in one transaction.

        stored: whether the article id is known to be in the database already (ingest knows it from
        ``known_hashes``); None looks it up. stories: the article's duplicate-index rows, its events'
        clusters and the linker state, written in the same transaction. Returns the number of events stored.
        """
        self._writable()
        article, aid = coded.article, coded.article.key
        events = list({e.id: e for e in coded.events}.values())
        actors: dict[str, dict[str, Any]] = {}
        for actor in _actors(events, coded):
            row = actor_row(aid, actor)
            actors.setdefault(row["id"], row)
        with self.engine.begin() as conn:
            _replace_article(conn, article, run_id, stored, text=coded.text)
            _insert(conn, s.sentences, [{"article_id": aid, "idx": x.index, "text": x.text, "start_char": x.start,
                                         "end_char": x.end} for x in coded.sentences])
            _insert(conn, s.actors, list(actors.values()))
            rows = [event_row(e, aid) for e in events]
            if stories is not None:
                for row in rows:
                    row["cluster_id"] = stories.links.get(row["id"])
            _insert(conn, s.events, rows)
            _insert(conn, s.quotes, [_quote_row(aid, i, q) for i, q in enumerate(coded.quotes)])
            if stories is not None:
                if stories.duplicate_of:
                    conn.execute(s.articles.update().where(s.articles.c.id == aid).values(
                        duplicate_of=stories.duplicate_of))
                self._write_stories(conn, aid, stories)
        return len(events)

    def save_copy(self, article: Any, run_id: int, stories: "StoriesRows", *, stored: bool | None = None) -> None:
        """Store a duplicate copy without coding it: its article row (``duplicate_of`` set) and signature."""
        self._writable()
        aid = article.key
        with self.engine.begin() as conn:
            _replace_article(conn, article, run_id, stored, text=article.text, duplicate_of=stories.duplicate_of)
            self._write_stories(conn, aid, stories)

    def _write_stories(self, conn: Any, aid: str, st: "StoriesRows") -> None:
        if st.signature is not None:
            conn.execute(s.article_signatures.insert().values(article_id=aid, first_id=st.duplicate_of or aid,
                                                             signature=st.signature))
            _insert(conn, s.article_bands, [{"band": b, "key": k, "article_id": aid} for b, k in st.bands])
        if st.linker is not None:
            st.linker.apply(conn)

    # ---- stories: duplicate lookup, linker state ----------------------------------------------
    def find_copy(self, bands: list[tuple[int, str]], signature: Any, *, exclude: str,
                  threshold: float) -> tuple[str, float] | None:
        """The first copy of the best stored article whose MinHash estimate is >= threshold (an index lookup).

        One grouped query counts the band keys each stored article shares with the new one; only articles
        sharing >= MIN_BAND_HITS, at most MAX_CANDIDATES of them (most shared first), have their signatures
        read and compared (the rule of ``stories.duplicates.DuplicateIndex.find``). The band keys are an OR of
        (band = ? AND key = ?) terms, not a row-value IN: SQLite 3.40 answers the IN form by scanning the table
        (≈ 200 ms at 1,000 stored articles) and the OR form by 128 primary-key searches (≈ 18 ms); PostgreSQL
        plans both as bitmap index scans.
        """
        from ..stories.duplicates import MAX_CANDIDATES, MIN_BAND_HITS, best_match, signature_from_hex

        b, sig = s.article_bands, s.article_signatures
        hits = func.count().label("hits")
        with self.engine.connect() as conn:
            ranked = conn.execute(
                select(b.c.article_id, hits)
                .where(or_(*(and_(b.c.band == band, b.c.key == key) for band, key in bands)),
                       b.c.article_id != exclude)
                .group_by(b.c.article_id).having(hits >= MIN_BAND_HITS)
                .order_by(hits.desc(), b.c.article_id).limit(MAX_CANDIDATES)).all()
            if not ranked:
                return None
            rows = {r.article_id: r for r in conn.execute(
                select(sig.c.article_id, sig.c.first_id, sig.c.signature)
                .where(sig.c.article_id.in_([r.article_id for r in ranked])))}
        cands = [(a, rows[a].first_id, signature_from_hex(rows[a].signature)) for a, _ in ranked
                 if a in rows and rows[a].first_id != exclude]
        return best_match(signature, cands, threshold)

    def linker_summary(self) -> dict[str, int]:
        """Sizes of the event linker's state (linked articles, terms, stories, clusters, linked events)."""
        from .linker_index import summary

        return summary(self.engine)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = (s.runs, s.articles, s.sentences, s.actors, s.events, s.quotes, s.failures, s.event_clusters)
        with self.engine.connect() as conn:
            return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables}

    # ---- reading events --------------------------------------------------------------------
    def events(self, where: Any = (), *, limit: int | None = None) -> Iterator[Event]:
        """Stored events matching ``where`` (an EventFilter, or SQLAlchemy clauses), by date (undated last)."""
        for record, _meta in self.event_rows(where, limit=limit):
            yield event_from_record(record)

    def event_rows(self, where: Any = (), *, limit: int | None = None,
                   with_article: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
        """(stored JSON record, article metadata) pairs, streamed."""
        if hasattr(where, "clauses"):  # an EventFilter
            where = where.clauses()
        e, a = s.events, s.articles
        cols = [e.c.record, e.c.id]
        if with_article:
            cols += [a.c.url, a.c.source.label("publication"), a.c.title, a.c.date.label("story_date")]
        q = select(*cols).select_from(e.join(a, e.c.article_id == a.c.id) if with_article else e)
        for clause in where:
            q = q.where(clause)
        q = q.order_by(e.c.date.is_(None), e.c.date, e.c.article_id, e.c.sentence_index, e.c.id)  # undated last
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=1000).execute(q)
            for row in result:
                m = dict(row._mapping)
                yield m.pop("record"), m


class StoriesRows:
    """What the stories stages add to one article's transaction (see eventwire.store.ingest).

    links: event id → cluster id; linker: the linker's table writes (store/linker_index.py).
    """

    def __init__(self, *, duplicate_of: str | None = None, signature: str | None = None,
                 bands: list[tuple[int, str]] = (), links: dict[str, str] | None = None,
                 linker: Any = None) -> None:
        self.duplicate_of, self.signature, self.bands = duplicate_of, signature, list(bands)
        self.links, self.linker = links or {}, linker


def _actors(events: list[Event], coded: CodedArticle) -> Iterator[Actor]:
    for e in events:
        yield from (a for a in (e.source, e.target, e.attributed_to) if a is not None)
    yield from (q.speaker for q in coded.quotes if q.speaker is not None)


def _quote_row(aid: str, idx: int, q: Any) -> dict[str, Any]:
    from .records import actor_id

    return {"article_id": aid, "idx": idx, "text": q.text,
            "speaker_actor_id": actor_id(aid, q.speaker) if q.speaker else None,
            "speaker_code": q.speaker.code if q.speaker else None, "direct": bool(q.direct), "channel": q.channel,
            "verb": q.verb, "sentence_indices": json.dumps(list(q.sentence_indices)), "start_char": q.start,
            "end_char": q.end}


def _replace_article(conn: Any, article: Any, run_id: int, stored: bool | None, **values: Any) -> None:
    """Write the article row, first deleting a stored copy and its children (None: look it up).

    Children are only ever written with their article row, so a new article has none to delete.
    """
    aid = article.key
    if stored is None:
        stored = conn.execute(select(s.articles.c.id).where(s.articles.c.id == aid)).first() is not None
    if stored:
        for table in s.ARTICLE_CHILDREN:
            conn.execute(table.delete().where(table.c.article_id == aid))
        conn.execute(s.articles.delete().where(s.articles.c.id == aid))
    conn.execute(s.articles.insert().values(
        id=aid, text_hash=text_hash(article), date=article.date.isoformat() if article.date else None,
        source=article.source, url=article.url, title=article.title, run_id=run_id, coded_at=_now(), **values))


def _insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
