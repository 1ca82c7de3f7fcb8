"""HTML pages (Jinja templates). They read through the same query functions as the JSON API; the charts and
the "code this text" page fetch the JSON API from small local scripts (static/app.js)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..model import MODALITIES
from ..store import EventFilter, Store
from . import queries
from .api import get_store
from .app import require_read
from .errors import ApiError
from .explain import explain

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)

_LIST_FIELDS = ("actor", "source", "target", "country", "cameo", "plover", "quad_class", "modality")
_FILTER_FIELDS = (*_LIST_FIELDS, "role", "since", "until", "q", "article")
PAGE_SIZE = 50


def refuse_unknown_parameters(params: Any, known: tuple[str, ...]) -> None:
    """A page's query parameter that the page does not take is an error page (400), as the API's are, not
    silently ignored (``/?quad=4`` for ``quad_class`` would otherwise list every event)."""
    unknown = sorted(set(params.keys()) - set(known))
    if unknown:
        raise ApiError(400, f"unknown query parameter(s): {', '.join(unknown)}; this page takes: "
                            f"{', '.join(sorted(known))}")


def page_number(params: Any) -> int:
    """The ``page`` parameter (1 when absent; at most 100,000); a value that is not a page number is an error."""
    text = (params.get("page") or "1").strip()
    if not text.isdigit() or int(text) < 1:
        raise ApiError(400, f"page must be a whole number of at least 1, not {text[:40]!r}")
    return min(int(text), 100_000)


def _render(request: Request, name: str, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context)


def form_filter(params: Any) -> tuple[EventFilter, dict[str, Any]]:
    """An EventFilter from a page's query string; empty form fields are ignored. Returns it and the form values."""
    values: dict[str, Any] = {}
    for key in _LIST_FIELDS:
        values[key] = [v.strip() for v in params.getlist(key) if v.strip()]
    for key in ("role", "since", "until", "q", "article", "sort"):
        values[key] = (params.get(key) or "").strip()
    for key in ("since", "until"):
        if values[key]:
            try:
                dt.date.fromisoformat(values[key])
            except ValueError:
                raise ApiError(400, f"{key} must be a date as YYYY-MM-DD, not {values[key]!r}") from None
    try:
        quads = [int(x) for x in values["quad_class"]]
    except ValueError:
        raise ApiError(400, "quad_class must be 1, 2, 3 or 4") from None
    if any(q not in (1, 2, 3, 4) for q in quads) or any(m not in MODALITIES for m in values["modality"]):
        raise ApiError(400, f"quad_class must be 1-4 and modality one of {', '.join(MODALITIES)}")
    if values["role"] not in ("", "source", "target", "either"):
        raise ApiError(400, "role must be source, target or either")
    if any(len(v) > 200 for vs in values.values() for v in (vs if isinstance(vs, list) else [vs])):
        raise ApiError(400, "a filter value is longer than 200 characters")
    flt = EventFilter(actor=values["actor"], role=values["role"] or "either", source=values["source"],
                      target=values["target"], country=values["country"], cameo=values["cameo"],
                      plover=values["plover"], quad_class=quads, modality=values["modality"],
                      since=values["since"] or None, until=values["until"] or None, text=values["q"] or None,
                      article=(values["article"],) if values["article"] else ())
    return flt, values


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    refuse_unknown_parameters(request.query_params, (*_FILTER_FIELDS, "sort", "page"))
    flt, form = form_filter(request.query_params)
    sorts = sorted(k for s in queries.SORTS for k in (s, "-" + s))
    if form["sort"] and form["sort"] not in sorts:
        raise ApiError(400, f"sort must be one of: {', '.join(sorts)}")
    sort = form["sort"] or "-date"
    page_no = page_number(request.query_params)
    page = queries.search_events(store, flt, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE, sort=sort)
    base = [(k, v) for k, v in request.query_params.multi_items() if k != "page" and v]
    pages = max(1, -(-page.total // PAGE_SIZE))
    link = lambda n: "/?" + urlencode(base + [("page", str(n))])
    return _render(request, "search.html", form=form, page=page, page_no=page_no, pages=pages,
                   prev_link=link(page_no - 1) if page_no > 1 else None,
                   next_link=link(page_no + 1) if page_no < pages else None, stats=queries.stats(store),
                   modalities=MODALITIES, quad_names=queries.QUAD_NAMES, sort=sort,
                   rows=[(e, explain(e)) for e in page.items])


@router.get("/events")
def events_page(request: Request) -> Response:
    """``/events`` (what the "Events" link reads as) is the search page, with the same query string."""
    query = request.url.query
    return RedirectResponse("/" + (f"?{query}" if query else ""), status_code=307)


def highlight_segments(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The article text cut into segments: before / the event's sentence (with actor spans marked) / after.

    spans: (start, end, css class) inside the sentence; overlapping or out-of-range spans are skipped.
    """
    segs: list[dict[str, Any]] = [{"text": text[:start], "kind": "plain"}]
    inner: list[dict[str, Any]] = []
    pos = start
    for s, e, cls in sorted(sp for sp in spans if start <= sp[0] < sp[1] <= end):
        if s < pos:
            continue
        if s > pos:
            inner.append({"text": text[pos:s], "cls": ""})
        inner.append({"text": text[s:e], "cls": cls})
        pos = e
    if pos < end:
        inner.append({"text": text[pos:end], "cls": ""})
    segs.append({"kind": "sentence", "parts": inner})
    segs.append({"text": text[end:], "kind": "plain"})
    return segs


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store: Annotated[Store, Depends(get_store)]) -> Response:
    record = queries.get_event(store, event_id)
    if record is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    article = queries.get_article(store, record["article_id"]) or {}
    sentence = next((s for s in article.get("sentences", []) if s["index"] == record["sentence_index"]), None)
    segments = None
    if sentence is not None:
        spans = []
        for role, cls in (("source", "actor-source"), ("target", "actor-target")):
            actor = record.get(role) or {}
            if actor.get("start") is not None and actor.get("end") is not None:
                spans.append((actor["start"], actor["end"], cls))
        segments = highlight_segments(article["text"], sentence["start"], sentence["end"], spans)
    from .explain import describe

    quotes = [{**q, "speaker": describe(q["speaker_code"]) if q["speaker_code"] else None}
              for q in article.get("quotes", [])
              if record["sentence_index"] in q["sentence_indices"] and q["text"] != record.get("quote")]
    others = [e for e in article.get("events", []) if e["id"] != event_id]
    from .story_queries import cluster_of_event

    return _render(request, "event.html", event=record, why=explain(record), article=article,
                   segments=segments, quotes=quotes, others=others, cluster=cluster_of_event(store, event_id))


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> Response:
    p = request.query_params
    refuse_unknown_parameters(p, ("a", "b", "period", "directed", "since", "until"))
    period = p.get("period") if p.get("period") in ("day", "week", "month") else "week"
    bounds = {}
    for key in ("since", "until"):
        value = (p.get(key) or "").strip()
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ApiError(400, f"{key} must be a date as YYYY-MM-DD, not {value[:40]!r}") from None
        bounds[key] = value
    return _render(request, "dyads.html", a=(p.get("a") or "USA")[:80], b=(p.get("b") or "RUS")[:80],
                   period=period, directed=p.get("directed") == "true", **bounds)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    refuse_unknown_parameters(request.query_params, (*_FILTER_FIELDS, "level", "max_edges"))
    _flt, form = form_filter(request.query_params)
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if v])
    return _render(request, "network.html", form=form, query=query, quad_names=queries.QUAD_NAMES)


@router.get("/code", response_class=HTMLResponse)
def code_page(request: Request) -> Response:
    return _render(request, "code.html", today=dt.date.today().isoformat())
