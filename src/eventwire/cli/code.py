"""``eventwire code``: code articles from a file or stdin, events to stdout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer

from ..conventions import CodingOptions
from ..errors import EventwireError, InputError, RecordError
from ..model import Article, Event
from ..reading import iter_path
from . import conventions as conv
from .app import app, err, option_date
from .output import FORMATS, write_events
from .progress import progress


@app.command("code")
def code_cli(
    path: str = typer.Argument(..., metavar="FILE|-", help="A .txt/.html article, a .jsonl/.csv batch, or - for stdin."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date (YYYY-MM-DD) for records without one."),
    source: str = typer.Option(None, "--source", "-s", help="Outlet name for records without one."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Output format: jsonl, table or csv."),
    explain: bool = typer.Option(False, "--explain", help="Print why each event was coded (table format)."),
    implied_agents: bool = conv.IMPLIED_AGENTS,
    one_sided: bool = conv.ONE_SIDED,
    statements: bool = conv.STATEMENTS,
    unknown_targets: bool = conv.UNKNOWN_TARGETS,
    no_infer_countries: bool = conv.NO_INFER_COUNTRIES,
    threats_as_acts: bool = conv.THREATS_AS_ACTS,
) -> None:
    """Code articles into events (one JSON object per event on stdout)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown --format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if explain and fmt == "csv":
        raise InputError("--explain writes its reasons under each row of the table; leave out --format csv (the "
                         "JSONL and CSV records carry the reasons in their evidence field)")
    if explain and fmt == "jsonl":
        fmt = "table"
    default_date = option_date(date)
    options = conv.coding_options(implied_agents, one_sided, statements, unknown_targets, no_infer_countries,
                                  threats_as_acts)
    if path != "-" and not Path(path).exists():
        raise InputError(f"{path}: no such file")
    failures: list[str] = []
    items = iter_path(path, default_date=default_date, default_source=source)
    written = write_events(_events(items, failures, options), fmt, explain=explain)
    err(f"{written} event(s)" + (f"; {len(failures)} record(s) skipped" if failures else ""))
    if failures:
        raise typer.Exit(3)


def _articles(items: Iterator[Article | RecordError], failures: list[str]) -> Iterator[Article]:
    for item in progress(items, "coding"):
        if isinstance(item, RecordError):
            failures.append(str(item))
            err(f"error: {item} (skipped; the other records are still coded)")
        else:
            yield item


def _events(items: Iterator[Article | RecordError], failures: list[str],
            options: CodingOptions | None = None) -> Iterator[Event]:
    from ..coding import default_coder

    coder = default_coder(options)
    for coded in coder.code_many(_articles(items, failures)):
        yield from coded.events


__all__ = ["code_cli", "EventwireError"]
