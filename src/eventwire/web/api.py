"""JSON routes under ``/api/``. Every list is paged (limit/offset) and every error has the canonical shape."""

from __future__ import annotations

import asyncio
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..model import MODALITIES, Article
from ..store import EventFilter, Store
from . import queries
from .app import require_read, require_write
from .errors import ApiError, FastJSON, reject_unknown_query_parameters
from .explain import explain
from .inputs import (
    CAMEO_PATTERN,
    CODE_PREFIX_PATTERN,
    COUNTRY_PATTERN,
    PLOVER_PATTERN,
    TEXT_PATTERN,
    BodyDate,
    CleanStr,
    FieldStr,
    QueryDate,
)

router = APIRouter(prefix="/api", dependencies=[Depends(require_read), Depends(reject_unknown_query_parameters)],
                   default_response_class=FastJSON)

_TEXT = TEXT_PATTERN
ActorValue = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=_TEXT)]
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]
CameoCode = Annotated[str, StringConstraints(pattern=CAMEO_PATTERN)]
PloverType = Annotated[str, StringConstraints(pattern=PLOVER_PATTERN)]
QuadClass = Annotated[int, Field(ge=1, le=4)]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
SortKey = Literal["date", "-date", "goldstein", "-goldstein", "confidence", "-confidence", "cameo", "-cameo",
                  "source", "-source", "target", "-target"]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def event_filter(
    actor: Annotated[list[ActorValue] | None, Query(description="Actor code prefix (RUS, USAGOV) or name.")] = None,
    role: Literal["source", "target", "either"] = "either",
    source: Annotated[list[ActorValue] | None, Query(description="Source actor (code prefix or name).")] = None,
    target: Annotated[list[ActorValue] | None, Query(description="Target actor (code prefix or name).")] = None,
    country: Annotated[list[CountryCode] | None, Query(description="ISO alpha-3 of source, target or place.")] = None,
    cameo: Annotated[list[CameoCode] | None, Query(description="CAMEO code or root, as a prefix.")] = None,
    plover: Annotated[list[PloverType] | None, Query(description="PLOVER event type.")] = None,
    quad_class: Annotated[list[QuadClass] | None, Query(description="1-4: verbal/material cooperation/conflict.")] = None,
    modality: Annotated[list[Modality] | None, Query()] = None,
    since: Annotated[QueryDate, Query(description="Earliest event date (inclusive).")] = None,
    until: Annotated[QueryDate, Query(description="Latest event date (inclusive).")] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=_TEXT, description="Text in the sentence.")] = None,
    article: Annotated[str | None, Query(max_length=500, pattern=_TEXT, description="Article id.")] = None,
) -> EventFilter:
    return EventFilter(actor=actor or (), role=role, source=source or (), target=target or (),
                       country=country or (), cameo=cameo or (), plover=plover or (), quad_class=quad_class or (),
                       modality=modality or (), since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None, text=q or None,
                       article=(article,) if article else ())


def get_store(request: Request) -> Store:
    return request.app.state.store


def _page_limit(request: Request, limit: int) -> int:
    return min(limit, request.app.state.settings.max_page_size)


@router.get("/health", summary="Liveness and database counts")
def health(store: Annotated[Store, Depends(get_store)]) -> FastJSON:
    return FastJSON({"ok": True, **queries.stats(store), "read_only": store.read_only})


@router.get("/events", summary="Search events (filters, paging, sorting)")
def list_events(request: Request, store: Annotated[Store, Depends(get_store)],
                flt: Annotated[EventFilter, Depends(event_filter)], limit: Limit = 50, offset: Offset = 0,
                sort: SortKey = "-date") -> FastJSON:
    page = queries.search_events(store, flt, limit=_page_limit(request, limit), offset=offset, sort=sort)
    return FastJSON({"ok": True, "total": page.total, "limit": page.limit, "offset": page.offset, "sort": sort,
            "events": page.items})


@router.get("/events/{event_id}", summary="One event, its article metadata and its codes in words")
def one_event(event_id: Annotated[str, Field(max_length=100)],
              store: Annotated[Store, Depends(get_store)]) -> FastJSON:
    record = queries.get_event(store, event_id)
    if record is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return FastJSON({"ok": True, "event": record, "explanation": explain(record)})


@router.get("/articles/{article_id:path}", summary="One stored article: text, sentences, event ids, quotes")
def one_article(article_id: str, store: Annotated[Store, Depends(get_store)]) -> FastJSON:
    art = queries.get_article(store, article_id)
    if art is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return FastJSON({"ok": True, "article": art})


@router.get("/actors", summary="Actor search / autocomplete: codes and names, most events first")
def actors(store: Annotated[Store, Depends(get_store)],
           q: Annotated[str, Query(max_length=80, pattern=_TEXT)] = "",
           limit: Annotated[int, Query(ge=1, le=100)] = 10) -> FastJSON:
    return FastJSON({"ok": True, "q": q, "actors": queries.search_actors(store, q.strip(), limit)})


@router.get("/dyads/series", summary="Dyad time series: events per period by quad class, mean Goldstein")
def dyad_series(store: Annotated[Store, Depends(get_store)],
                a: Annotated[ActorValue, Query(description="First actor (code prefix or name).")],
                b: Annotated[ActorValue | None, Query(description="Second actor; omit for all of a's events.")] = None,
                period: Literal["day", "week", "month"] = "week",
                directed: Annotated[bool, Query(description="Only a → b (default: both directions).")] = False,
                cameo: Annotated[list[CameoCode] | None, Query()] = None,
                since: QueryDate = None, until: QueryDate = None) -> FastJSON:
    flt = EventFilter(cameo=cameo or (), since=since.isoformat() if since else None,
                      until=until.isoformat() if until else None)
    return FastJSON({"ok": True, **queries.dyad_series(store, a, b, period=period, directed=directed, flt=flt)})


@router.get("/network", summary="Actor network of the selection: edges weighted by events, coop vs conflict")
def network(store: Annotated[Store, Depends(get_store)], flt: Annotated[EventFilter, Depends(event_filter)],
            level: Literal["country", "code"] = "country",
            max_edges: Annotated[int, Query(ge=1, le=500)] = 100) -> FastJSON:
    return FastJSON({"ok": True, **queries.network(store, flt, level=level, max_edges=max_edges)})


@router.get("/quotes", summary="Quotes and their speakers")
def quotes(request: Request, store: Annotated[Store, Depends(get_store)],
           speaker: Annotated[str | None, Query(max_length=40, pattern=CODE_PREFIX_PATTERN)] = None,
           article: Annotated[str | None, Query(max_length=500, pattern=_TEXT)] = None,
           q: Annotated[str | None, Query(max_length=200, pattern=_TEXT)] = None,
           limit: Limit = 50, offset: Offset = 0) -> FastJSON:
    page = queries.search_quotes(store, speaker=speaker, article=article, text=q,
                                 limit=_page_limit(request, limit), offset=offset)
    return FastJSON({"ok": True, "total": page.total, "limit": page.limit, "offset": page.offset,
                     "quotes": page.items})


class CodeRequest(BaseModel):
    """Text (or HTML) to code. ``store: true`` also saves it (needs the API token).

    Strings are cleaned as a batch record's are (lone surrogate escapes become U+FFFD; a number id is a string)
    and the date is read as a record's; a field the model does not have is refused (400, errors.py), not silently ignored.
    """

    model_config = ConfigDict(extra="forbid")

    text: CleanStr = Field(min_length=1, description="Article text or HTML (at most the server's max_text_chars, "
                                                      "200,000 characters by default).")
    date: BodyDate = Field(None, description="Publication date (YYYY-MM-DD).")
    store: bool = False
    id: FieldStr | None = Field(None, max_length=200, pattern=_TEXT)
    source: FieldStr | None = Field(None, max_length=200)
    url: FieldStr | None = Field(None, max_length=2000)
    title: FieldStr | None = Field(None, max_length=500)


_CODER_LOCK = threading.Lock()


def _coder(request: Request) -> Any:
    with _CODER_LOCK:
        if request.app.state.coder is None:
            from ..coding import default_coder

            request.app.state.coder = default_coder()
        return request.app.state.coder


def _code(request: Request, body: CodeRequest) -> FastJSON:
    from ..reading import looks_like_html

    text, title, url, date = body.text, body.title, body.url, body.date
    limit = request.app.state.settings.max_text_chars
    if len(text) > limit:
        raise ApiError(413, f"the text has {len(text):,} characters, more than the {limit:,} characters this server "
                            f"codes in one request; split it into several requests")
    if looks_like_html(text):
        from ..html import extract_html

        page = extract_html(text, "posted HTML")
        text, title, url, date = page.text, title or page.title, url or page.url, date or page.date
    if not text.strip():
        raise ApiError(400, "the text is empty")
    article = Article(text=text, date=date, id=body.id or "", source=body.source, url=url, title=title)
    coder = _coder(request)
    with _CODER_LOCK:
        coded = coder.code(article)
    stored = False
    if body.store:
        from ..store import coder_versions

        store: Store = request.app.state.store
        run = store.start_run(coder_versions(coder), "POST /api/code")
        n = store.save(coded, run)
        store.finish_run(run, coded=1, unchanged=0, failed=0, events=n)
        stored = True
    events = [e.to_dict() for e in coded.events]
    return FastJSON({"ok": True, "stored": stored, "article_id": article.key, "text": coded.text,
            "sentences": [s.to_dict() for s in coded.sentences],
            "events": [{**e, "explanation": explain(e)} for e in events]})


@router.post("/code", summary="Code posted text or HTML; store it when store=true (needs the token)")
async def code(request: Request, body: CodeRequest) -> FastJSON:
    if body.store:
        require_write(request)
    timeout = request.app.state.settings.request_timeout
    try:
        return await asyncio.wait_for(asyncio.to_thread(_code, request, body), timeout=timeout)
    except TimeoutError:
        raise ApiError(504, f"coding took longer than {timeout:g} s; post a shorter text") from None
