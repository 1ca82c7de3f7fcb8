"""Database URLs: plain paths mean SQLite; passwords are masked in everything eventwire prints."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import InputError

#: Where ``eventwire ingest`` / ``query`` / ``export`` look when --db is not given.
DEFAULT_DB = "eventwire.db"

_SCHEME = re.compile(r"^[a-z][a-z0-9+]*://", re.IGNORECASE)


def resolve_url(db: str | Path | URL | None) -> URL:
    """A SQLAlchemy URL from --db: a URL as given, or a file path → ``sqlite:///<absolute path>``.

    ``postgresql://`` without a driver uses psycopg (3), the driver eventwire installs.
    """
    if db is None or db == "":
        db = DEFAULT_DB
    if isinstance(db, Path):
        db = str(db)
    if isinstance(db, URL):
        url = db
    elif _SCHEME.match(db):
        try:
            url = make_url(db)
        except ArgumentError as exc:
            raise InputError(f"--db: cannot parse the database URL {mask_url(db)!r}") from exc
    else:
        return make_url("sqlite:///" + str(Path(db).expanduser().resolve()))
    if url.drivername in ("postgresql", "postgres") and importlib.util.find_spec("psycopg") is not None:
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(f"--db: {url.get_backend_name()!r} databases are not supported; use a SQLite file "
                         f"or a postgresql:// URL")
    return url


def mask_url(url: str | URL) -> str:
    """The URL with its password replaced by ***, safe to print or log."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        # Unparseable: mask anything between "user:" and "@" by hand.
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def scrub(message: str, url: URL) -> str:
    """Remove the URL's password from a (driver) error message."""
    if url.password:
        message = message.replace(str(url.password), "***")
    return message
