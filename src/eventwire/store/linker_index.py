"""The event linker's state in database tables (:class:`TableIndex`), so linking one more article at ingest
costs a handful of indexed lookups and writes whatever the size of the store.

Tables (schema.py, migration 0003): ``linker_meta`` (the article count), ``linker_terms`` (document
frequencies), ``linker_stories`` (story centroid norms), ``linker_story_terms`` (centroid weights),
``linker_postings`` (stories by top term: the story lookup), ``linker_documents`` (article → story),
``linker_mentions`` (event → cluster), ``linker_dyadic`` (two-sided clusters per story and CAMEO root), and
``event_clusters`` (one row per cluster; looked up by story and key).

Each article is read through one connection (:meth:`TableIndex.reading`) and what the linker changed is
collected in a :class:`LinkerWrites`, applied in the article's own save transaction: a crash leaves the
state of the articles stored before it, exactly (increments are ``INSERT … ON CONFLICT DO UPDATE``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select

from ..stories.index import Cluster, Mention
from . import schema as s

_CHUNK = 400
_SEQ_STEP = 1_000_000  # cluster order: (article count) × step + position in the article


def _codes(value: str | None) -> set[str]:
    return set(value.split(",")) if value else set()


def _join(codes: set[str]) -> str:
    return ",".join(sorted(codes))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _near(q: Any, near: dt.date | None, gap: int) -> Any:
    """Leave out clusters dated more than ``gap`` days from ``near``: the linker could not link to them."""
    if near is None:
        return q
    c = s.event_clusters
    lo, hi = (near - dt.timedelta(days=gap)).isoformat(), (near + dt.timedelta(days=gap)).isoformat()
    return q.where(or_(c.c.first_date.is_(None), and_(c.c.first_date <= hi, c.c.last_date >= lo)))


class LinkerWrites:
    """What linking one article changed; :meth:`apply` writes it inside the article's transaction."""

    def __init__(self) -> None:
        self.docs = 0
        self.terms: list[str] = []
        self.stories: dict[str, float] = {}
        self.story_terms: dict[tuple[str, str], float] = {}
        self.postings: set[tuple[str, str]] = set()
        self.documents: dict[str, str] = {}
        self.mentions: dict[str, tuple[str, str]] = {}
        self.new_clusters: dict[str, tuple[Cluster, int]] = {}
        self.touched: dict[str, Cluster] = {}
        self.dyadic: list[tuple[str, str, str, int]] = []

    def apply(self, conn: Any) -> None:
        if self.docs:
            _upsert(conn, s.linker_meta, [{"key": "ndocs", "value": self.docs}], ["key"], add=["value"])
            _upsert(conn, s.linker_terms, [{"term": t, "df": 1} for t in sorted(set(self.terms))], ["term"],
                    add=["df"])
        if self.stories:
            _upsert(conn, s.linker_stories, [{"id": k, "norm": v, "docs": 1} for k, v in sorted(self.stories.items())],
                    ["id"], add=["docs"], replace=["norm"])
            _upsert(conn, s.linker_story_terms, [{"story": a, "term": b, "weight": v}
                                                 for (a, b), v in sorted(self.story_terms.items())],
                    ["story", "term"], add=["weight"])
            _upsert(conn, s.linker_postings, [{"term": b, "story": a} for a, b in sorted(self.postings)],
                    ["term", "story"])
            _upsert(conn, s.linker_documents, [{"id": k, "story": v} for k, v in sorted(self.documents.items())],
                    ["id"], replace=["story"])
        if self.mentions:
            _upsert(conn, s.linker_mentions, [{"id": k, "doc_id": d, "cluster_id": c}
                                              for k, (d, c) in sorted(self.mentions.items())], ["id"],
                    replace=["doc_id", "cluster_id"])
        rows = []
        for cid, c in sorted(self.touched.items()):
            row = {"id": cid, "story": c.story, "key": c.lemma, "countries": _join(c.countries),
                   "roots": _join(c.roots), "first_date": c.first_date.isoformat() if c.first_date else None,
                   "last_date": c.last_date.isoformat() if c.last_date else None}
            if cid in self.new_clusters:
                rows.append(row | {"seq": self.new_clusters[cid][1]})
            else:
                conn.execute(s.event_clusters.update().where(s.event_clusters.c.id == cid).values(
                    {k: v for k, v in row.items() if k not in ("id", "story", "key")}))
        if rows:
            conn.execute(s.event_clusters.insert(), rows)
        if self.dyadic:
            _upsert(conn, s.linker_dyadic, [{"story": a, "root": b, "cluster_id": c, "seq": q}
                                            for a, b, c, q in self.dyadic], ["story", "root", "cluster_id"])

    def cluster_rows(self) -> list[dict[str, Any]]:
        """The clusters this article's events link to (for reporting)."""
        return [{"id": c.id, "story": c.story, "key": c.lemma} for c in self.touched.values()]


def _upsert(conn: Any, table: Any, rows: list[dict[str, Any]], keys: list[str], *, add: Iterable[str] = (),
            replace: Iterable[str] = ()) -> None:
    """INSERT rows; on a key conflict add to the ``add`` columns and overwrite the ``replace`` ones."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table)
    updates = {c: table.c[c] + stmt.excluded[c] for c in add} | {c: stmt.excluded[c] for c in replace}
    stmt = (stmt.on_conflict_do_update(index_elements=keys, set_=updates) if updates
            else stmt.on_conflict_do_nothing(index_elements=keys))
    conn.execute(stmt, rows)


class TableIndex:
    """A :class:`eventwire.stories.index.LinkerIndex` over the store's tables (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Any = None
        self.writes = LinkerWrites()
        self._clusters: dict[str, Cluster] = {}
        self._ndocs = 0

    @contextmanager
    def reading(self) -> Iterator[LinkerWrites]:
        """Link one article: reads go through one connection; yields the writes to apply in its transaction."""
        self.writes, self._clusters = LinkerWrites(), {}
        with self.engine.connect() as conn:
            self._conn = conn
            try:
                yield self.writes
            finally:
                self._conn = None

    def _rows(self, query: Any) -> list[Any]:
        return list(self._conn.execute(query))

    # ---- stories -------------------------------------------------------------------------------
    def doc_frequencies(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        t, out = s.linker_terms, {}
        for part in _chunks(sorted(set(terms))):
            out.update({r.term: r.df for r in self._rows(select(t.c.term, t.c.df).where(t.c.term.in_(part)))})
        row = self._rows(select(s.linker_meta.c.value).where(s.linker_meta.c.key == "ndocs"))
        self._ndocs = int(row[0].value) if row else 0
        return out, self._ndocs

    def count_document(self, terms: Iterable[str]) -> None:
        self.writes.docs += 1
        self.writes.terms.extend(terms)

    def story_candidates(self, terms: list[str], limit: int) -> list[str]:
        p = s.linker_postings
        shared = func.count().label("shared")
        q = (select(p.c.story, shared).where(p.c.term.in_(sorted(set(terms)))).group_by(p.c.story)
             .order_by(shared.desc(), p.c.story).limit(limit))
        return [r.story for r in self._rows(q)] if terms else []

    def story_weights(self, stories: list[str], terms: Iterable[str]) -> dict[str, tuple[dict[str, float], float]]:
        if not stories:
            return {}
        st, w = s.linker_stories, s.linker_story_terms
        norms = {r.id: r.norm for r in self._rows(select(st.c.id, st.c.norm).where(st.c.id.in_(stories)))}
        weights: dict[str, dict[str, float]] = {sid: {} for sid in stories}
        for part in _chunks(sorted(set(terms))):
            q = select(w.c.story, w.c.term, w.c.weight).where(w.c.story.in_(stories), w.c.term.in_(part))
            for r in self._rows(q):
                weights[r.story][r.term] = r.weight
        return {sid: (weights[sid], norms[sid]) for sid in stories}

    def extend_story(self, story: str, doc_id: str, vec: dict[str, float], norm: float, top: list[str]) -> None:
        wr = self.writes
        wr.stories[story] = norm
        for term, v in vec.items():
            wr.story_terms[(story, term)] = v
        wr.postings.update((story, term) for term in top)
        wr.documents[doc_id] = story

    def document_story(self, doc_id: str) -> str | None:
        if doc_id in self.writes.documents:
            return self.writes.documents[doc_id]
        d = s.linker_documents
        row = self._rows(select(d.c.story).where(d.c.id == doc_id))
        return row[0].story if row else None

    # ---- clusters ----------------------------------------------------------------------------------
    def assigned(self, mention_id: str) -> str | None:
        if mention_id in self.writes.mentions:
            return self.writes.mentions[mention_id][1]
        m = s.linker_mentions
        row = self._rows(select(m.c.cluster_id).where(m.c.id == mention_id))
        return row[0].cluster_id if row else None

    def _load(self, rows: Iterable[Any]) -> list[Cluster]:
        out = []
        for r in rows:
            if r.id not in self._clusters:
                self._clusters[r.id] = Cluster(r.id, r.story, r.key, [], _codes(r.countries), _date(r.first_date),
                                               _date(r.last_date), _codes(r.roots))
            out.append(self._clusters[r.id])
        return out

    def keyed(self, story: str, key: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        c = s.event_clusters
        q = _near(select(c).where(c.c.story == story, c.c.key == key), near, gap)
        stored = self._load(self._rows(q.order_by(c.c.seq)))
        new = [cl for cl, _ in self.writes.new_clusters.values() if cl.story == story and cl.lemma == key]
        return stored + new

    def dyadic(self, story: str, root: str, near: dt.date | None = None, gap: int = 0) -> list[Cluster]:
        c, d = s.event_clusters, s.linker_dyadic
        q = _near(select(c).join(d, d.c.cluster_id == c.c.id).where(d.c.story == story, d.c.root == root),
                  near, gap)
        stored = self._load(self._rows(q.order_by(d.c.seq)))
        ids = {cl.id for cl in stored}
        new = [self.cluster(cid) for cid in dict.fromkeys(cid for a, b, cid, _ in self.writes.dyadic
                                                          if (a, b) == (story, root))]
        return stored + [cl for cl in new if cl.id not in ids]

    def add_dyadic(self, story: str, root: str, cluster: Cluster) -> None:
        if any((a, b, cid) == (story, root, cluster.id) for a, b, cid, _ in self.writes.dyadic):
            return
        self.writes.dyadic.append((story, root, cluster.id, self._next_seq()))  # stored once (ON CONFLICT)

    def new_cluster(self, cluster: Cluster) -> None:
        self._clusters[cluster.id] = cluster
        self.writes.new_clusters[cluster.id] = (cluster, self._next_seq())

    def _next_seq(self) -> int:
        return (self._ndocs + 1) * _SEQ_STEP + len(self.writes.new_clusters) + len(self.writes.dyadic)

    def cluster(self, cluster_id: str) -> Cluster:
        if cluster_id not in self._clusters:
            c = s.event_clusters
            self._load(self._rows(select(c).where(c.c.id == cluster_id)))
        return self._clusters[cluster_id]

    def attach(self, cluster: Cluster, mention: Mention) -> None:
        cluster.mentions.append(mention)
        self.writes.mentions[mention.id] = (mention.doc_id, cluster.id)
        self.writes.touched[cluster.id] = cluster


def summary(engine: Engine) -> dict[str, int]:
    """Sizes of the linker's state: linked articles, terms, stories, clusters, linked events."""
    with engine.connect() as conn:
        nd = conn.execute(select(s.linker_meta.c.value).where(s.linker_meta.c.key == "ndocs")).first()

        def count(t: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(t)).scalar_one())

        return {"ndocs": int(nd.value) if nd else 0, "terms": count(s.linker_terms),
                "stories": count(s.linker_stories), "clusters": count(s.event_clusters),
                "mentions": count(s.linker_mentions)}


