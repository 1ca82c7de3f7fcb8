"""Stories routes: event clusters (one real event, its reports side by side) and positions (a timeline per
issue: demand → rejection → counter-offer), as HTML pages and JSON under ``/api/``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from ..store import Store
from . import story_queries
from .api import _TEXT, ActorValue, Limit, Offset, _coder, _page_limit, get_store
from .app import require_read
from .errors import ApiError, FastJSON, reject_unknown_query_parameters
from .inputs import QueryDate
from .pages import page_number, refuse_unknown_parameters

api = APIRouter(prefix="/api", dependencies=[Depends(require_read), Depends(reject_unknown_query_parameters)],
                default_response_class=FastJSON)
pages = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)

MinReports = Annotated[int, Query(ge=1, le=1000, description="Only clusters with at least this many reports.")]
IssueText = Annotated[str | None, Query(max_length=200, pattern=_TEXT, description="Issues like this text.")]
ClusterId = Annotated[str, Field(max_length=100)]


def _render(request: Request, name: str, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    found = story_queries.get_cluster(store, cluster_id)
    if found is None:
        raise ApiError(404, f"no event cluster with id {cluster_id!r}")
    return found


def _positions(request: Request, store: Store, actor: str | None, since: dt.date | None,
               issue: str | None) -> dict[str, Any]:
    return story_queries.positions(store, _coder(request).nlp, actor=actor or None, since=since,
                                   issue=issue or None)


# ---- JSON ------------------------------------------------------------------------------------------
@api.get("/clusters", summary="Event clusters (one real event each), most reported first")
def clusters_json(request: Request, store: Annotated[Store, Depends(get_store)], min_reports: MinReports = 2,
                  limit: Limit = 50, offset: Offset = 0) -> FastJSON:
    total, rows = story_queries.list_clusters(store, min_reports=min_reports, limit=_page_limit(request, limit),
                                              offset=offset)
    return FastJSON({"ok": True, "total": total, "limit": limit, "offset": offset, "clusters": rows})


@api.get("/clusters/{cluster_id}", summary="One event cluster and every report of it")
def cluster_json(cluster_id: ClusterId, store: Annotated[Store, Depends(get_store)]) -> FastJSON:
    found = _cluster(store, cluster_id)
    reports = found.pop("reports_list")
    return FastJSON({"ok": True, "cluster": found, "reports": reports})


@api.get("/positions", summary="Stated positions by issue over time (demand, offer, reject, accept)")
def positions_json(request: Request, store: Annotated[Store, Depends(get_store)],
                   actor: Annotated[ActorValue | None, Query(description="Actor code prefix (RUS).")] = None,
                   since: Annotated[QueryDate, Query(description="Positions on or after this date.")] = None,
                   issue: IssueText = None) -> FastJSON:
    return FastJSON({"ok": True, **_positions(request, store, actor, since, issue)})


# ---- pages ---------------------------------------------------------------------------------------------
@pages.get("/clusters", response_class=HTMLResponse)
def clusters_page(request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    refuse_unknown_parameters(request.query_params, ("page",))
    page_no = page_number(request.query_params)
    size = 50
    total, rows = story_queries.list_clusters(store, min_reports=2, limit=size, offset=(page_no - 1) * size)
    pages_n = max(1, -(-total // size))
    return _render(request, "clusters.html", rows=rows, total=total, page_no=page_no, pages=pages_n)


@pages.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: str, store: Annotated[Store, Depends(get_store)]) -> Response:
    if len(cluster_id) > 100:
        raise ApiError(404, "no such event cluster")
    return _render(request, "cluster.html", cluster=_cluster(store, cluster_id))


@pages.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    p = request.query_params
    refuse_unknown_parameters(p, ("actor", "since", "issue"))
    actor, issue = (p.get("actor") or "").strip()[:80], (p.get("issue") or "").strip()[:200]
    since_text = (p.get("since") or "").strip()
    try:
        since = dt.date.fromisoformat(since_text) if since_text else None
    except ValueError:
        raise ApiError(400, f"since must be a date as YYYY-MM-DD, not {since_text[:40]!r}") from None
    result = _positions(request, store, actor, since, issue)
    return _render(request, "positions.html", result=result, form={"actor": actor, "since": since_text,
                                                                     "issue": issue})
