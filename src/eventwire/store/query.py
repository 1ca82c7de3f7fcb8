"""Filters over stored events and the aggregated counts users plot (by day, week or month, and dyad)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select

from ..errors import InputError
from . import schema as s
from .store import Store

ROLES = ("source", "target", "either")
PERIODS = ("day", "week", "month")
# An all-capitals value is an actor code (matched as a prefix: RUS matches RUSGOV); anything else is a name.
_CODE = re.compile(r"^[A-Z0-9]{2,}$")
_E = s.events.c


@dataclass
class EventFilter:
    """What ``eventwire query`` selects; every field is optional and they combine with AND.

    actor: codes (prefix match on the actor code, or equal country) or names (case-insensitive substring
    of the mention text or the resolved name), matched in ``role`` (source, target or either).
    source/target: the same matching, fixed to one role; both together select a dyad.
    country: ISO alpha-3 code of the source, target or the event's place.
    cameo: CAMEO codes matched as prefixes ("04" = root 04, "043" = 043 and 0431...).
    since/until: inclusive bounds on the event date (YYYY-MM-DD); undated events never match a bound.
    text: case-insensitive substring of the sentence.
    """

    actor: Sequence[str] = ()
    role: str = "either"
    source: Sequence[str] = ()
    target: Sequence[str] = ()
    country: Sequence[str] = ()
    cameo: Sequence[str] = ()
    plover: Sequence[str] = ()
    quad_class: Sequence[int] = ()
    modality: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    text: str | None = None
    article: Sequence[str] = field(default_factory=tuple)

    def clauses(self) -> list[ColumnElement[bool]]:
        """SQLAlchemy WHERE clauses (bound parameters only)."""
        if self.role not in ROLES:
            raise InputError(f"--role must be one of {', '.join(ROLES)}, not {self.role!r}")
        out: list[ColumnElement[bool]] = []
        roles = ("source", "target") if self.role == "either" else (self.role,)
        if self.actor:
            out.append(or_(*(_actor_match(r, v) for v in self.actor for r in roles)))
        if self.source:
            out.append(or_(*(_actor_match("source", v) for v in self.source)))
        if self.target:
            out.append(or_(*(_actor_match("target", v) for v in self.target)))
        if self.country:
            codes = [c.upper() for c in self.country]
            out.append(or_(_E.source_country.in_(codes), _E.target_country.in_(codes), _E.place_country.in_(codes)))
        if self.cameo:
            for code in self.cameo:
                if not code.isdigit():
                    raise InputError(f"--cameo takes a numeric CAMEO code or root such as 04 or 043, not {code!r}")
            out.append(or_(*(_E.cameo.like(_like_escape(c) + "%", escape="\\") for c in self.cameo)))
        if self.plover:
            out.append(_E.plover.in_([p.upper() for p in self.plover]))
        if self.quad_class:
            out.append(_E.quad_class.in_([int(q) for q in self.quad_class]))
        if self.modality:
            out.append(_E.modality.in_([m.lower() for m in self.modality]))
        if self.since:
            out.append(_E.date >= _iso(self.since, "--since"))
        if self.until:
            out.append(_E.date <= _iso(self.until, "--until"))
        if self.text:
            out.append(func.lower(_E.sentence).like("%" + _like_escape(self.text.lower()) + "%", escape="\\"))
        if self.article:
            out.append(_E.article_id.in_(list(self.article)))
        return out


def _actor_match(role: str, value: str) -> ColumnElement[bool]:
    c = s.events.c
    if _CODE.match(value):
        return or_(c[f"{role}_code"].like(_like_escape(value) + "%", escape="\\"), c[f"{role}_country"] == value)
    needle = "%" + _like_escape(value.lower()) + "%"
    return or_(func.lower(c[f"{role}_text"]).like(needle, escape="\\"),
               func.lower(c[f"{role}_name"]).like(needle, escape="\\"))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: str, option: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


def period_start(day: str, period: str) -> str:
    """The first day of the day/week (ISO, Monday)/month containing ``day``."""
    day = day[:10]
    d = dt.date.fromisoformat(day + "-01" * ((10 - len(day)) // 3))  # "2024" / "2024-11" → the first day
    if period == "week":
        d -= dt.timedelta(days=d.weekday())
    elif period == "month":
        d = d.replace(day=1)
    return d.isoformat()


def count_by(store: Store, period: str, flt: EventFilter | None = None, *, dyad: bool = False) -> list[dict[str, Any]]:
    """Event counts per period (and per source→target dyad), oldest first.

    Rows: {"period": first day of the period, ["source", "target",] "events": n}. The dyad is the
    actors' country (or, without one, their code; "-" when absent). Undated events are not counted.
    """
    if period not in PERIODS:
        raise InputError(f"--count-by must be one of {', '.join(PERIODS)}, not {period!r}")
    cols: list[Any] = [_E.date]
    if dyad:
        cols += [func.coalesce(_E.source_country, _E.source_code, literal("-")).label("source"),
                 func.coalesce(_E.target_country, _E.target_code, literal("-")).label("target")]
    q = select(*cols, func.count().label("n")).where(and_(_E.date.is_not(None), *(flt.clauses() if flt else [])))
    q = q.group_by(*cols)
    counts: Counter[tuple[str, ...]] = Counter()
    with store.engine.connect() as conn:
        for row in conn.execute(q):
            key = (period_start(row.date, period),) + ((row.source, row.target) if dyad else ())
            counts[key] += int(row.n)
    out = []
    for key in sorted(counts):
        row = {"period": key[0]}
        if dyad:
            row.update(source=key[1], target=key[2])
        row["events"] = counts[key]
        out.append(row)
    return out


#: Columns of ``query --clusters`` / ``export --clusters`` (one row per real event), in order.
CLUSTER_COLUMNS = ("cluster_id", "key", "reports", "articles", "sources", "first_report", "last_report",
                   "first_date", "last_date", "cameo", "source_code", "target_code")


def cluster_rows(store: Store, flt: EventFilter | Any = None, *, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per event cluster (real event) over the reports matching ``flt``.

    Reports of duplicate copies (articles with ``duplicate_of``) are left out, so an event counts once; an
    event not linked to a cluster is a cluster of its own (``cluster_id`` is then its event id).
    Ordered by first event date (undated last), then id.
    """
    from sqlalchemy import distinct

    e, a, c = s.events, s.articles, s.event_clusters
    where = flt.clauses() if hasattr(flt, "clauses") else list(flt or ())
    gid = func.coalesce(e.c.cluster_id, e.c.id).label("cluster_id")
    q = (select(gid, func.max(c.c.key).label("key"), func.count().label("reports"),
                func.count(distinct(e.c.article_id)).label("articles"), func.count(distinct(a.c.source)).label("sources"),
                func.min(a.c.date).label("first_report"), func.max(a.c.date).label("last_report"),
                func.min(e.c.date).label("first_date"), func.max(e.c.date).label("last_date"),
                func.min(e.c.cameo).label("cameo"), func.min(e.c.source_code).label("source_code"),
                func.min(e.c.target_code).label("target_code"))
         .select_from(e.join(a, e.c.article_id == a.c.id).outerjoin(c, c.c.id == e.c.cluster_id))
         .where(a.c.duplicate_of.is_(None), *where)
         .group_by(gid)
         .order_by(func.min(e.c.date).is_(None), func.min(e.c.date), gid))
    if limit is not None:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        return [{k: (int(v) if k in ("reports", "articles", "sources") else v)
                 for k, v in dict(r._mapping).items()} for r in conn.execute(q)]
