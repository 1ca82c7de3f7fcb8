"""Reads for the stories pages and routes: event clusters (one real event, every report) and positions
(who demanded, offered, rejected or accepted what, by issue, over time)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import distinct, func, select

from ..store import EventFilter, Store
from ..store import schema as s
from ..store.query import cluster_rows
from . import queries

E, A = s.events, s.articles
#: Position events: CAMEO appeal (02), intent to cooperate / offers (03), yield (08), demand (10), reject (12).
POSITION_ROOTS = ("02", "03", "08", "10", "12")
#: At most this many position events are read for one positions view (the newest are kept).
MAX_POSITION_EVENTS = 5000
_GROUP = func.coalesce(E.c.cluster_id, E.c.id)


def list_clusters(store: Store, *, min_reports: int, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(total, page) of clusters with at least ``min_reports`` reports, most reported first (copies left out)."""
    reports = func.count().label("reports")
    base = (select(_GROUP.label("cluster_id"), reports).select_from(E.join(A, E.c.article_id == A.c.id))
            .where(A.c.duplicate_of.is_(None)).group_by(_GROUP).having(func.count() >= min_reports))
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(base.subquery())).scalar_one())
        ids = [r.cluster_id for r in conn.execute(
            base.order_by(reports.desc(), func.min(E.c.date).desc(), _GROUP).limit(limit).offset(offset))]
    rows = {r["cluster_id"]: r for r in cluster_rows(store, [_GROUP.in_(ids)])} if ids else {}
    return total, [rows[i] for i in ids if i in rows]


def get_cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """One cluster: its summary row and every report (outlet, dates, sentence, quote, event and article ids)."""
    rows = cluster_rows(store, [_GROUP == cluster_id])
    if not rows:
        return None
    q = (select(E.c.id, E.c.record, E.c.article_id, A.c.source, A.c.date.label("article_date"), A.c.url, A.c.title)
         .select_from(E.join(A, E.c.article_id == A.c.id))
         .where(_GROUP == cluster_id, A.c.duplicate_of.is_(None))
         .order_by(A.c.date.is_(None), A.c.date, A.c.source, E.c.article_id, E.c.sentence_index))
    with store.engine.connect() as conn:
        found = conn.execute(q).all()
        copies = dict(conn.execute(select(A.c.duplicate_of, func.count(distinct(A.c.id))).where(
            A.c.duplicate_of.in_({r.article_id for r in found})).group_by(A.c.duplicate_of)).all())
    reports = []
    for r in found:
        rec = json.loads(r.record)
        reports.append({
            "event_id": r.id, "article_id": r.article_id, "outlet": r.source, "article_date": r.article_date,
            "url": r.url, "title": r.title, "event_date": rec.get("date"), "sentence": rec.get("sentence"),
            "quote": rec.get("quote"), "trigger": rec.get("trigger"), "cameo": rec.get("cameo"),
            "source": (rec.get("source") or {}).get("code"), "target": (rec.get("target") or {}).get("code"),
            "copies": int(copies.get(r.article_id, 0)),
        })
    return {**rows[0], "reports_list": reports}


def cluster_of_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """The cluster an event belongs to, when it has other reports: {cluster_id, reports, articles}."""
    with store.engine.connect() as conn:
        cid = conn.execute(select(E.c.cluster_id).where(E.c.id == event_id)).scalar()
    if not cid:
        return None
    rows = cluster_rows(store, [E.c.cluster_id == cid])
    return rows[0] if rows and rows[0]["reports"] > 1 else None


# ---- positions ------------------------------------------------------------------------------------
_NLP_LOCK = threading.Lock()


def _all_positions(store: Store, nlp: Any, since: str | None) -> list[Any]:
    from ..stories.positions import extract_positions

    flt = EventFilter(cameo=POSITION_ROOTS, since=since)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(E).where(*flt.clauses())).scalar_one())
    skip = max(0, total - MAX_POSITION_EVENTS)
    events = [e for i, e in enumerate(store.events(flt)) if i >= skip or e.date is None]
    with _NLP_LOCK:
        return extract_positions(events, nlp)


def positions(store: Store, nlp: Any, *, actor: str | None = None, since: dt.date | None = None,
              issue: str | None = None) -> dict[str, Any]:
    """Timelines, one per issue: every position on it in date order (demand → rejection → counter-offer),
    each with its event, sentence and the position it answers. ``actor`` keeps the issues that actor took a
    position on (the other sides' positions on them stay: they are what it answered)."""
    from ..stories.positions import filter_positions

    key = since.isoformat() if since else None
    every = queries._cached(store, f"positions:{key}", lambda st: _all_positions(st, nlp, key))
    by_id = {p.id: p for p in every}
    chosen = filter_positions(every, actor=actor, since=since, issue=issue)
    groups: dict[str, list[Any]] = defaultdict(list)
    for p in every:
        groups[_label(p)].append(p)
    wanted = list(dict.fromkeys(_label(p) for p in chosen))
    mine = {p.id for p in chosen}
    timelines = []
    for label in wanted:
        items = [_item(p, by_id, p.id in mine) for p in groups[label] if p.id in mine or actor]
        actors = sorted({i["actor"][:3] for i in items if i["actor"]})
        timelines.append({"issue": label, "actors": actors, "first": items[0]["date"], "positions": items})
    return {"actor": actor, "since": key, "issue": issue, "issues": len(timelines),
            "positions": sum(len(t["positions"]) for t in timelines), "timelines": timelines}


def _label(p: Any) -> str:
    return p.issue_group or p.issue or "(issue not found)"


def _item(p: Any, by_id: dict[str, Any], selected: bool) -> dict[str, Any]:
    answered = by_id.get(p.responds_to) if p.responds_to else None
    return {"id": p.id, "event_id": p.id.split(".")[0], "date": p.date, "actor": p.actor,
            "actor_text": p.actor_text, "stance": p.stance, "issue": p.issue, "target": p.target,
            "article_id": p.article_id, "sentence_index": p.sentence_index, "sentence": " ".join(p.sentence.split()),
            "trigger": p.trigger, "selected": selected,
            "answers": None if answered is None else {
                "id": answered.id, "event_id": answered.id.split(".")[0], "actor": answered.actor,
                "actor_text": answered.actor_text, "stance": answered.stance, "issue": answered.issue,
                "date": answered.date}}
