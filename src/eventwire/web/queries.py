"""Read queries the web layer needs beyond ``eventwire.store``: paged/sorted search, one event with its
article, actor lookup, the dyad series split by quad class, the actor network, quotes.

All filtering goes through the store's ``EventFilter`` (so the API and ``eventwire query`` select the same
events); everything here is SQLAlchemy Core with bound parameters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, desc, func, literal, select, union_all

from ..store import EventFilter, Store
from ..store import schema as s
from ..store.query import period_start

E = s.events.c
A = s.articles.c

#: Sort keys accepted by ``search_events`` ("-" prefix: descending).
SORTS: dict[str, Any] = {
    "date": E.date,
    "goldstein": E.goldstein,
    "confidence": E.confidence,
    "cameo": E.cameo,
    "source": E.source_code,
    "target": E.target_code,
}

#: Quad classes (CAMEO): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

#: Largest number of event rows a series or network reads (the rest is reported as truncated).
MAX_AGGREGATE_ROWS = 200_000


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _record(row: Any) -> dict[str, Any]:
    rec = json.loads(row.record)
    rec["article"] = {"id": row.article_id, "title": row.title, "source": row.publication, "url": row.url,
                      "date": row.story_date}
    return rec


def _event_select() -> Any:
    return select(E.record, E.article_id, A.title, A.source.label("publication"), A.url,
                  A.date.label("story_date")).select_from(s.events.join(s.articles, E.article_id == A.id))


def search_events(store: Store, flt: EventFilter, *, limit: int, offset: int, sort: str = "-date") -> Page:
    """One page of events matching ``flt``, with the total count.

    Two steps, so the sort never carries the (large) stored records: first the page's ids and the total (a
    window count over the same scan), then the records of just those ids.
    """
    key = sort.lstrip("-")
    column = SORTS[key]
    order = [desc(column) if sort.startswith("-") else column, E.article_id, E.sentence_index, E.id]
    clauses = flt.clauses()
    ids_q = (select(E.id, func.count().over().label("total")).where(*clauses).order_by(*order)
             .limit(limit).offset(offset))
    with store.engine.connect() as conn:
        rows = conn.execute(ids_q).all()
        if rows:
            total = int(rows[0].total)
        else:  # past the last page (or nothing matches): count separately
            total = int(conn.execute(select(func.count()).select_from(s.events).where(*clauses)).scalar_one())
        ids = [r.id for r in rows]
        by_id = {r.id: _record(r) for r in conn.execute(_event_select().add_columns(E.id).where(E.id.in_(ids)))} \
            if ids else {}
    return Page([by_id[i] for i in ids if i in by_id], total, limit, offset)


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(_event_select().where(E.id == event_id)).first()
    return _record(row) if row else None


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The stored article: cleaned text, sentences (with offsets), ids of its events, quotes."""
    with store.engine.connect() as conn:
        art = conn.execute(select(s.articles).where(A.id == article_id)).first()
        if art is None:
            return None
        sents = conn.execute(select(s.sentences).where(s.sentences.c.article_id == article_id)
                             .order_by(s.sentences.c.idx)).all()
        ev = conn.execute(select(E.id, E.sentence_index).where(E.article_id == article_id)
                          .order_by(E.sentence_index, E.id)).all()
        quotes = _quote_rows(conn, select(s.quotes).where(s.quotes.c.article_id == article_id)
                             .order_by(s.quotes.c.idx))
    return {
        "id": art.id, "title": art.title, "source": art.source, "url": art.url, "date": art.date,
        "text": art.text,
        "sentences": [{"index": x.idx, "text": x.text, "start": x.start_char, "end": x.end_char} for x in sents],
        "events": [{"id": x.id, "sentence_index": x.sentence_index} for x in ev],
        "quotes": quotes,
    }


def _quote_rows(conn: Any, q: Any) -> list[dict[str, Any]]:
    out = []
    for r in conn.execute(q):
        out.append({"article_id": r.article_id, "index": r.idx, "text": r.text, "speaker_code": r.speaker_code,
                    "direct": bool(r.direct), "channel": r.channel, "verb": r.verb,
                    "sentence_indices": json.loads(r.sentence_indices or "[]"), "start": r.start_char,
                    "end": r.end_char})
    return out


def search_quotes(store: Store, *, speaker: str | None, article: str | None, text: str | None, limit: int,
                  offset: int) -> Page:
    Q = s.quotes.c
    where = []
    if speaker:
        where.append(Q.speaker_code.like(_like_escape(speaker.upper()) + "%", escape="\\"))
    if article:
        where.append(Q.article_id == article)
    if text:
        where.append(func.lower(Q.text).like("%" + _like_escape(text.lower()) + "%", escape="\\"))
    q = select(s.quotes).where(*where).order_by(Q.article_id, Q.idx).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(s.quotes).where(*where)).scalar_one())
        items = _quote_rows(conn, q)
    return Page(items, total, limit, offset)


def _generation(store: Store) -> Any:
    """Changes whenever data is written (every write is a coding run): the key of the cached summaries."""
    with store.engine.connect() as conn:
        return conn.execute(select(func.max(s.runs.c.id), func.max(s.runs.c.finished_at))).one()


_SUMMARIES: dict[tuple[str, str], tuple[Any, Any]] = {}


def _cached(store: Store, name: str, build: Any) -> Any:
    """``build(store)``, recomputed only when the database changed since the last call."""
    key, gen = (store.display_url, name), _generation(store)
    hit = _SUMMARIES.get(key)
    if hit is not None and hit[0] == gen:
        return hit[1]
    value = build(store)
    _SUMMARIES[key] = (gen, value)
    return value


def _actor_table(store: Store) -> list[dict[str, Any]]:
    """Every actor code used in an event, with its event count and an example name and mention, most events first."""
    rows: list[Any] = []
    for role in ("source", "target"):
        code, text, name = E[f"{role}_code"], E[f"{role}_text"], E[f"{role}_name"]
        rows.append(select(code.label("code"), text.label("text"), name.label("name")).where(code.is_not(None)))
    both = union_all(*rows).subquery()
    q = (select(both.c.code, func.count().label("events"), func.max(both.c.name).label("name"),
                func.max(both.c.text).label("text")).group_by(both.c.code).order_by(desc("events"), both.c.code))
    from .explain import describe

    with store.engine.connect() as conn:
        return [{"code": r.code, "description": describe(r.code), "name": r.name, "example_text": r.text,
                 "events": int(r.events)} for r in conn.execute(q)]


def search_actors(store: Store, prefix: str, limit: int) -> list[dict[str, Any]]:
    """Actor codes starting with ``prefix``, or whose name, example mention or description contains it; most
    events first (codes that start with the prefix before other matches)."""
    table = _cached(store, "actors", _actor_table)
    needle = prefix.lower()
    if not needle:
        return table[:limit]
    starts = [a for a in table if a["code"].lower().startswith(needle)]
    others = [a for a in table if not a["code"].lower().startswith(needle)
              and any(needle in (a[k] or "").lower() for k in ("name", "example_text", "description"))]
    return (starts + others)[:limit]


def _side(role: str, value: str) -> Any:
    return EventFilter(**{role: [value]}).clauses()[0]


def _dyad_directions(a: str, b: str | None, directed: bool) -> list[Any]:
    """One simple WHERE clause per direction: each can use the actor-code indexes (an OR of directions can't)."""
    if b is None:
        return [_side("source", a), _side("target", a)]
    forward = and_(_side("source", a), _side("target", b))
    return [forward] if directed else [forward, and_(_side("source", b), _side("target", a))]


def dyad_series(store: Store, a: str, b: str | None, *, period: str, directed: bool,
                flt: EventFilter | None = None) -> dict[str, Any]:
    """Events per period split by quad class, with the mean Goldstein intensity; oldest period first.

    Every period between the first and the last is present (zero counts included), so charts are honest.
    Undated events are not counted.
    """
    extra = flt.clauses() if flt else []
    rows: dict[str, tuple[str, int | None, float | None]] = {}
    with store.engine.connect() as conn:
        for clause in _dyad_directions(a, b, directed):
            q = select(E.id, E.date, E.quad_class, E.goldstein).where(clause, *extra)
            rows.update((r.id, (r.date, r.quad_class, r.goldstein)) for r in conn.execute(q) if r.date)
    buckets: dict[str, dict[str, Any]] = defaultdict(lambda: {"counts": [0, 0, 0, 0, 0], "g": 0.0, "ng": 0})
    for date, quad, goldstein in rows.values():
        try:
            key = period_start(date, period)
        except ValueError:
            continue
        b_ = buckets[key]
        b_["counts"][quad if quad in (1, 2, 3, 4) else 0] += 1
        if goldstein is not None:
            b_["g"] += float(goldstein)
            b_["ng"] += 1
    series = []
    for key in _all_periods(sorted(buckets), period):
        b_ = buckets.get(key) or {"counts": [0, 0, 0, 0, 0], "g": 0.0, "ng": 0}
        c = b_["counts"]
        series.append({"period": key, "events": sum(c), "verbal_cooperation": c[1], "material_cooperation": c[2],
                       "verbal_conflict": c[3], "material_conflict": c[4], "cooperation": c[1] + c[2],
                       "conflict": c[3] + c[4], "unclassified": c[0],
                       "mean_goldstein": round(b_["g"] / b_["ng"], 3) if b_["ng"] else None})
    return {"a": a, "b": b, "directed": directed, "period": period, "series": series,
            "total": sum(x["events"] for x in series)}


def _all_periods(keys: list[str], period: str) -> list[str]:
    import datetime as dt

    if not keys:
        return []
    first, last = dt.date.fromisoformat(keys[0]), dt.date.fromisoformat(keys[-1])
    out, d = [], first
    while d <= last and len(out) < 5000:
        out.append(d.isoformat())
        if period == "day":
            d += dt.timedelta(days=1)
        elif period == "week":
            d += dt.timedelta(days=7)
        else:
            d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def network(store: Store, flt: EventFilter, *, level: str, max_edges: int) -> dict[str, Any]:
    """Who interacts with whom: directed edges source→target with event counts and cooperation/conflict split.

    level: "country" (the actors' country, or their code without one) or "code" (full actor codes).
    """
    def node(role: str) -> Any:
        if level == "code":
            return func.coalesce(E[f"{role}_code"], literal("?"))
        return func.coalesce(E[f"{role}_country"], E[f"{role}_code"], literal("?"))

    src, tgt = node("source").label("src"), node("target").label("tgt")
    coop = func.sum(case((E.quad_class.in_([1, 2]), 1), else_=0)).label("coop")
    conf = func.sum(case((E.quad_class.in_([3, 4]), 1), else_=0)).label("conf")
    q = (select(src, tgt, func.count().label("n"), coop, conf, func.avg(E.goldstein).label("g"))
         .where(*flt.clauses(), E.source_code.is_not(None), E.target_code.is_not(None))
         .group_by(src, tgt).order_by(desc("n"), src, tgt).limit(max_edges))
    edges, weight = [], defaultdict(int)
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            if r.src == r.tgt:
                continue
            edges.append({"source": r.src, "target": r.tgt, "events": int(r.n), "cooperation": int(r.coop or 0),
                          "conflict": int(r.conf or 0),
                          "mean_goldstein": round(float(r.g), 3) if r.g is not None else None})
            weight[r.src] += int(r.n)
            weight[r.tgt] += int(r.n)
    from .explain import describe

    nodes = [{"id": k, "events": v, "description": describe(k) if k != "?" else "unknown"}
             for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"level": level, "nodes": nodes, "edges": edges}


def stats(store: Store) -> dict[str, Any]:
    """Events, articles and the date range (cached until the next write)."""
    return _cached(store, "stats", _stats)


def _stats(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        n_events = int(conn.execute(select(func.count()).select_from(s.events)).scalar_one())
        n_articles = int(conn.execute(select(func.count()).select_from(s.articles)).scalar_one())
        first, last = conn.execute(select(func.min(E.date), func.max(E.date))).one()
    return {"events": n_events, "articles": n_articles, "first_date": first, "last_date": last}
