"""Settings of the HTTP service: auth, limits, CORS. Environment variables overlay the defaults; CLI flags overlay both."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError

#: Environment variables read by ``WebSettings.from_env``.
ENV_TOKEN = "EVENTWIRE_API_TOKEN"
ENV_TOKEN_FILE = "EVENTWIRE_API_TOKEN_FILE"
ENV_PROTECT_READS = "EVENTWIRE_PROTECT_READS"
ENV_CORS_ORIGINS = "EVENTWIRE_CORS_ORIGINS"


@dataclass(frozen=True)
class WebSettings:
    """How the service behaves.

    token: the API token; writes (and ``POST /api/code`` with ``store: true``) need it. No token → writes are off.
    protect_reads: reads need the token too (default: reads are public).
    read_only: open the database read-only; every write is refused.
    cors_origins: origins allowed to call the API from a browser (default: none, CORS off).
    max_body_bytes: largest request body accepted (413 above it).
    max_text_chars: largest text ``POST /api/code`` codes.
    request_timeout: seconds before a request is answered 504.
    max_page_size: largest ``limit`` of a list endpoint.
    """

    token: str | None = None
    protect_reads: bool = False
    read_only: bool = False
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    max_body_bytes: int = 1_000_000
    max_text_chars: int = 200_000
    request_timeout: float = 30.0
    max_page_size: int = 500

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> WebSettings:
        """Defaults, then EVENTWIRE_* variables, then ``overrides`` (CLI flags; None values are ignored)."""
        env = os.environ if environ is None else environ
        token = env.get(ENV_TOKEN) or None
        if token is None and env.get(ENV_TOKEN_FILE):
            token = read_token_file(env[ENV_TOKEN_FILE])
        origins = tuple(o.strip() for o in env.get(ENV_CORS_ORIGINS, "").split(",") if o.strip())
        settings = cls(token=token, protect_reads=_truthy(env.get(ENV_PROTECT_READS, "")), cors_origins=origins)
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})

    def validate(self) -> WebSettings:
        if self.token is not None and len(self.token) < 16:
            raise InputError("the API token must be at least 16 characters long")
        if self.protect_reads and not self.token:
            raise InputError(f"reads are protected but no token is set; set {ENV_TOKEN} or {ENV_TOKEN_FILE}")
        if self.max_body_bytes < 1 or self.request_timeout <= 0 or self.max_page_size < 1 or self.max_text_chars < 1:
            raise InputError("limits must be positive")
        return self


def read_token_file(path: str | Path) -> str:
    """The token in ``path`` (first line, stripped)."""
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the token file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"the token file {path} is not UTF-8 text; its first line must be the token") from None
    token = lines[0].strip() if lines else ""
    if not token:
        raise InputError(f"the token file {path} is empty")
    return token


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")
