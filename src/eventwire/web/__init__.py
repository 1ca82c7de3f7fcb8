"""The HTTP API and web UI over an eventwire database (``eventwire serve`` / ``eventwire demo``).

    from eventwire.web import create_app, WebSettings
    app = create_app("events.db", WebSettings(read_only=True))

See docs/http-api.md and docs/web-ui.md.
"""

from __future__ import annotations

from .app import create_app
from .settings import WebSettings

__all__ = ["WebSettings", "create_app"]
