"""``eventwire serve`` (the HTTP API and web UI over a database) and ``eventwire demo`` (the same over a small
database built from the bundled example articles)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from ..conventions import CodingOptions
from ..errors import InputError
from . import conventions as conv
from .app import app, err

DB_HELP = "Database: a SQLAlchemy URL (sqlite:///events.db, postgresql://user@host/db) or a file path (SQLite)."


def _settings(read_only: bool, token_file: str | None, protect_reads: bool, timeout: float, max_body: int):  # type: ignore[no-untyped-def]
    from ..web.settings import WebSettings, read_token_file

    token = read_token_file(token_file) if token_file else None
    return WebSettings.from_env(token=token, read_only=read_only or None, protect_reads=protect_reads or None,
                                request_timeout=timeout, max_body_bytes=max_body).validate()


def _run(db: str, host: str, port: int, settings: object, warm: bool, options: CodingOptions) -> None:
    try:
        import uvicorn
    except ImportError:
        raise InputError("eventwire serve needs uvicorn: pip install 'eventwire'") from None
    from ..web import create_app

    application = create_app(db, settings)  # type: ignore[arg-type]
    store = application.state.store
    if host not in ("127.0.0.1", "localhost", "::1"):
        err(f"warning: listening on {host}, reachable from other machines")
    if warm or options.changed():  # a coder of other conventions is built now: POST /api/code would build the default
        from ..coding import default_coder

        err("loading the coding pipeline" + ("" if not options.changed() else f" ({options.describe()})") + " ...")
        application.state.coder = default_coder(options)
    writes = "off (read-only)" if store.read_only else ("token required" if application.state.settings.token
                                                         else "off (no token set)")
    err(f"serving {store.display_url} at http://{host}:{port}/  (writes: {writes}; Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)


@app.command("serve")
def serve_cli(
    db: str = typer.Option("eventwire.db", "--db", help=DB_HELP, envvar="EVENTWIRE_DB", show_envvar=True),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    read_only: bool = typer.Option(False, "--read-only", help="Open the database read-only; refuse every write."),
    token_file: str = typer.Option(None, "--token-file", help="File whose first line is the API token "
                                   "(or set EVENTWIRE_API_TOKEN)."),
    protect_reads: bool = typer.Option(False, "--protect-reads", help="Reads need the token too."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds before a request is answered 504."),
    max_body: int = typer.Option(1_000_000, "--max-body", min=1, help="Largest request body in bytes."),
    no_warm: bool = typer.Option(False, "--no-warm", help="Load the spaCy pipeline on the first POST /api/code."),
    implied_agents: bool = conv.IMPLIED_AGENTS,
    one_sided: bool = conv.ONE_SIDED,
    statements: bool = conv.STATEMENTS,
    unknown_targets: bool = conv.UNKNOWN_TARGETS,
    no_infer_countries: bool = conv.NO_INFER_COUNTRIES,
    threats_as_acts: bool = conv.THREATS_AS_ACTS,
) -> None:
    """Serve the HTTP API (/api/..., spec at /openapi.json) and the web UI (/) over a database.

    Example: eventwire serve --db events.db --read-only
    """
    settings = _settings(read_only, token_file, protect_reads, timeout, max_body)
    options = conv.coding_options(implied_agents, one_sided, statements, unknown_targets, no_infer_countries,
                                  threats_as_acts)
    _run(db, host, port, settings, warm=not no_warm and not settings.read_only, options=options)


@app.command("demo")
def demo_cli(
    db: str = typer.Option(None, "--db", help="Where to build the demo database (default: a temporary file)."),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    examples: str = typer.Option(None, "--examples", help="Folder with index.json and articles (default: "
                                 "the repository's examples/)."),
    build_only: bool = typer.Option(False, "--build-only", help="Build the database and exit without serving."),
    implied_agents: bool = conv.IMPLIED_AGENTS,
    one_sided: bool = conv.ONE_SIDED,
    statements: bool = conv.STATEMENTS,
    unknown_targets: bool = conv.UNKNOWN_TARGETS,
    no_infer_countries: bool = conv.NO_INFER_COUNTRIES,
    threats_as_acts: bool = conv.THREATS_AS_ACTS,
) -> None:
    """Build a small database from the bundled example articles and serve the web UI over it.

    Example: eventwire demo --port 8000   (then open http://127.0.0.1:8000/)
    """
    from ..coding import default_coder
    from ..web.demo import build_demo_db

    options = conv.coding_options(implied_agents, one_sided, statements, unknown_targets, no_infer_countries,
                                  threats_as_acts)

    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="eventwire-demo-")) / "demo.db")
    err(f"building the demo database {db} from the example articles ...")
    counts = build_demo_db(db, Path(examples) if examples else None, default_coder(options))
    err(f"{counts['articles']} articles, {counts['events']} events")
    if build_only:
        return
    settings = _settings(False, None, False, 30.0, 1_000_000)
    if settings.token is None:
        err("writes are off: set EVENTWIRE_API_TOKEN to let 'store' on the Code page save articles")
    _run(db, host, port, settings, warm=True, options=options)
