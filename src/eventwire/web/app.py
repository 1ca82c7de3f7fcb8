"""``create_app(db_url, settings)``: the ASGI app (FastAPI) over an eventwire database.

Routes: JSON under ``/api/`` (api.py), HTML pages (pages.py) that read through the same query functions,
static assets from package data (``/static``), the OpenAPI spec at ``/openapi.json``.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..store import Store
from .errors import ApiError, install_error_handlers
from .limits import LimitsMiddleware
from .settings import WebSettings

PACKAGE = resources.files("eventwire") / "web"


def create_app(db_url: str | None = None, settings: WebSettings | None = None, *, store: Store | None = None,
               coder: Any = None) -> FastAPI:
    """The app. ``store``/``coder`` may be passed in (tests); otherwise the store is opened from ``db_url``
    (read-only when ``settings.read_only``) and the default coder is built on the first ``POST /api/code``."""
    settings = (settings or WebSettings.from_env()).validate()
    if store is None:
        store = Store(db_url, read_only=settings.read_only)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version=__version__,
        description="Political event data coded from news articles: search events, read the evidence, "
                    "follow dyads over time, code new text. Errors always have the shape "
                    "{ok: false, status, error, errors}.",
        docs_url="/api/docs",
        redoc_url=None,
    )
    _tune_sqlite_reads(store)
    app.state.store = store
    app.state.settings = settings
    app.state.coder = coder
    app.state.templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    install_error_handlers(app)

    from . import api, pages, stories

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(stories.api)
    app.include_router(stories.pages)
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-API-Token"])
    app.add_middleware(LimitsMiddleware, max_body_bytes=settings.max_body_bytes, timeout=settings.request_timeout)

    return app


def _tune_sqlite_reads(store: Store) -> None:
    """Serving reads the same pages over and over: give each SQLite connection a larger page cache and
    memory-mapped reads (connection settings only; the database file is unchanged)."""
    if store.backend != "sqlite":
        return
    from sqlalchemy import event

    @event.listens_for(store.engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cache_size = -65536")  # 64 MiB
        cur.execute("PRAGMA mmap_size = 268435456")  # 256 MiB
        # Every LIKE eventwire builds compares codes (upper case) or lower()-ed text, so case-sensitive LIKE
        # gives the same answers, and lets SQLite use the actor-code indexes for prefix matches (RUS%).
        cur.execute("PRAGMA case_sensitive_like = ON")
        cur.close()

    store.engine.dispose()  # connections opened before this point get the settings too


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def _token_ok(request: Request, settings: WebSettings) -> bool:
    given = _presented_token(request)
    if not given or not settings.token:
        return False
    return hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8"))


def require_write(request: Request) -> None:
    """Writes need the token; a read-only service or one with no token refuses them."""
    settings: WebSettings = request.app.state.settings
    if settings.read_only:
        raise ApiError(403, "this service is read-only (started with --read-only); writes are refused")
    if not settings.token:
        raise ApiError(403, "writes are disabled: no API token is configured (set EVENTWIRE_API_TOKEN or "
                            "EVENTWIRE_API_TOKEN_FILE)")
    if not _presented_token(request):
        raise ApiError(401, "this request writes data and needs the API token: send 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not _token_ok(request, settings):
        raise ApiError(403, "the API token is not valid")


def require_read(request: Request) -> None:
    """Reads are public unless ``protect_reads`` is set."""
    settings: WebSettings = request.app.state.settings
    if not settings.protect_reads:
        return
    if not _presented_token(request):
        raise ApiError(401, "reads need the API token on this service: send 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not _token_ok(request, settings):
        raise ApiError(403, "the API token is not valid")
