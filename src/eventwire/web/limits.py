"""ASGI middleware: request body size limit, per-request timeout, security headers.

Pure ASGI (no BaseHTTPMiddleware), so streaming bodies are counted as they arrive and nothing is buffered twice.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.exceptions import HTTPException

from .errors import error_body

Scope = dict[str, Any]
ASGIApp = Any

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"),
]


async def _send_error(send: Any, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(HTTPException):
    """Raised from ``receive``; an HTTPException so the framework's body parsing passes it through."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit:,} bytes")


class LimitsMiddleware:
    """413 for bodies over ``max_body_bytes``; 504 when a request takes longer than ``timeout`` seconds."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, timeout: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body_bytes
            except ValueError:
                await _send_error(send, 400, "invalid Content-Length header")
                return
            if too_big:
                await _send_error(send, 413, f"the request body is larger than {self.max_body_bytes:,} bytes")
                return
        received = 0
        started = False

        async def limited_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                message["headers"] = list(message.get("headers") or []) + SECURITY_HEADERS
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, limited_receive, tracking_send), timeout=self.timeout)
        except _BodyTooLarge:
            if not started:
                await _send_error(send, 413, f"the request body is larger than {self.max_body_bytes:,} bytes")
        except TimeoutError:
            if not started:
                await _send_error(send, 504, f"the request took longer than {self.timeout:g} s and was stopped")
