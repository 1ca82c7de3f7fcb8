"""One error shape for every error the service returns.

JSON: ``{"ok": false, "status": 404, "error": "no event ev_123", "errors": [...]}``; ``errors`` lists the
individual problems (for validation errors: where and what). UI pages get the same message as an HTML page.
Nothing else reaches a client: unexpected exceptions are logged and answered with a generic 500.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, InputError
from .inputs import PATTERN_WORDS, json_kind

logger = logging.getLogger(__name__)

_REASONS = {400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found", 405: "method not allowed",
            413: "request too large", 415: "unsupported media type", 422: "invalid request", 500: "internal error",
            503: "service unavailable", 504: "timeout"}


class FastJSON(JSONResponse):
    """JSON via the standard library, for payloads built from plain dicts (skips FastAPI's slower encoder:
    return an instance from the route). Dates and other non-JSON values become strings."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class ApiError(Exception):
    """An error with its HTTP status, raised by routes."""

    def __init__(self, status: int, message: str, errors: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_body(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The canonical error document."""
    return {"ok": False, "status": status, "error": message, "errors": errors or [{"message": message}]}


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/openapi.json", "/api"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, errors: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse | HTMLResponse:
    if wants_html(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                                      "errors": errors or []},
                                              status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


_WRONG_KIND = {"string_type": "a string", "bool_type": "true or false", "int_type": "a whole number"}


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        kind = str(err.get("type", ""))
        message = str(err.get("msg", "invalid value"))
        if kind == "json_invalid":  # pydantic puts the character position in the location
            where = f" at character {loc[-1]}" if len(loc) > 1 else ""
            loc, message = ["body"], f"not valid JSON{where}: {err.get('ctx', {}).get('error', message)}"
        elif kind.startswith(("date_", "datetime_")) and "YYYY-MM-DD" not in message:
            message += "; use YYYY-MM-DD"
        elif kind in _WRONG_KIND:  # in JSON's words: "must be a string, not a number"
            message = f"must be {_WRONG_KIND[kind]}, not {json_kind(err.get('input'))}"
        elif kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") in PATTERN_WORDS:
            message = f"{PATTERN_WORDS[err['ctx']['pattern']]}, not {str(err.get('input'))[:40]!r}"
        out.append({"location": ".".join(loc), "message": message, "type": kind})
    return out


def _body_model_fields(request: Request) -> tuple[list[str], list[str]]:
    """The fields of the route's JSON body model: (all, required); empty when the route has no body model."""
    body_field = getattr(request.scope.get("route"), "body_field", None)
    fields = getattr(getattr(body_field, "field_info", None), "annotation", None)
    fields = getattr(fields, "model_fields", None) or {}
    return sorted(fields), [name for name, f in fields.items() if f.is_required()]


def _body_problem(request: Request, errors: list[dict[str, Any]], raw: list[dict[str, Any]]
                  ) -> tuple[int, str] | None:
    """A problem with the body as a whole, which says more than pydantic's first error: fields the endpoint
    does not take (400, with the ones it takes), an empty body, a body that is not a JSON object (422), a body not
    sent as JSON (415). None when the body's fields are the problem."""
    fields, required = _body_model_fields(request)
    unknown = sorted(e["location"].split(".", 1)[1] for e in errors
                     if e["type"] == "extra_forbidden" and e["location"].startswith("body."))
    if unknown:
        return 400, (f"unknown body field(s): {', '.join(unknown)}; this endpoint takes: "
                     f"{', '.join(fields) or 'none'}")
    whole = next((e for e in raw if tuple(e.get("loc", ())) == ("body",)), None)
    if whole is None:
        return None
    wanted = "a JSON object" + (f" with a '{required[0]}' field" if len(required) == 1 else "")
    if whole.get("type") == "missing":
        return 422, f"the request body is empty; send {wanted}"
    if isinstance(whole.get("input"), (bytes, bytearray)):  # FastAPI reads only application/json bodies as JSON
        sent = request.headers.get("content-type")
        sent = f"as {sent[:80]}, not as JSON" if sent else "without a Content-Type"
        return 415, f"the request body was sent {sent}; send {wanted} and the header 'Content-Type: application/json'"
    if whole.get("type") == "model_attributes_type":
        return 422, f"the request body must be {wanted}, not {json_kind(whole.get('input'))}"
    return None


def _unreadable_body(cause: BaseException | None) -> str:
    """Why FastAPI could not parse a JSON body (it says only "There was an error parsing the body")."""
    if isinstance(cause, RecursionError):
        return "the JSON body is nested too deeply to read; send a JSON object with a 'text' field"
    if isinstance(cause, ValueError) and "digits" in str(cause):
        return "the JSON body has a number with too many digits to read (more than 4,300)"
    return "the request body cannot be read; send UTF-8 JSON with 'Content-Type: application/json'"


def _query_names(dependant: Any) -> set[str]:
    """The query parameter names of a route and of all its dependencies."""
    names = {p.alias for p in getattr(dependant, "query_params", [])}
    for sub in getattr(dependant, "dependencies", []):
        names |= _query_names(sub)
    return names


async def reject_unknown_query_parameters(request: Request) -> None:
    """A router dependency: a query parameter the route does not know is an error (400), not silently ignored
    (``?quad=4`` for ``quad_class``, ``?text=`` for ``q`` would otherwise return every event)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.query_params:
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params.keys()) - known)
    if unknown:
        raise ApiError(400, f"unknown query parameter(s): {', '.join(unknown)}; this endpoint takes: "
                            f"{', '.join(sorted(known)) or 'none'}")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Any:
        return error_response(request, exc.status, exc.message, exc.errors, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        errors = _validation_errors(exc)
        problem = _body_problem(request, errors, list(exc.errors()))
        if problem is not None:
            return error_response(request, problem[0], problem[1], errors)
        first = errors[0] if errors else {"location": "", "message": "invalid request"}
        message = f"invalid {first['location'] or 'request'}: {first['message']}"
        return error_response(request, 422, message, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        detail = exc.detail if isinstance(exc.detail, str) else _REASONS.get(exc.status_code, "error")
        if detail == "There was an error parsing the body":  # FastAPI's words for undecodable bytes
            detail = _unreadable_body(exc.__cause__)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page: {request.url.path}"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Any:
        return error_response(request, 400, str(exc))

    @app.exception_handler(EventwireError)
    async def _eventwire(request: Request, exc: EventwireError) -> Any:
        logger.warning("eventwire error on %s: %s", request.url.path, exc)
        return error_response(request, 503, f"the service cannot answer: {type(exc).__name__}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Any:
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error (logged on the server)")
