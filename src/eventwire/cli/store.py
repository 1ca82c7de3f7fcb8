"""``eventwire ingest``, ``query`` and ``export``: the event database from the command line.

Thin wrappers over eventwire.store (Store, ingest, EventFilter, count_by, export).
"""

from __future__ import annotations

import csv
import json
import shlex
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer

from ..errors import InputError, RecordError
from ..model import MODALITIES, Article
from . import conventions as conv
from .app import app, err, option_date
from .output import FORMATS, write_events
from .progress import progress

DB_HELP = "Database: a SQLAlchemy URL (sqlite:///events.db, postgresql://user@host/db) or a file path (SQLite)."
DB_OPTION = typer.Option("eventwire.db", "--db", help=DB_HELP, envvar="EVENTWIRE_DB", show_envvar=True)


@app.command("ingest")
def ingest_cli(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files, folders (searched recursively), .jsonl/.csv batches, or - for stdin."),
    db: str = DB_OPTION,
    date: str = typer.Option(None, "--date", "-d", help="Publication date (YYYY-MM-DD) for records without one."),
    source: str = typer.Option(None, "--source", "-s", help="Outlet name for records without one."),
    recode: bool = typer.Option(False, "--recode", help="Re-code articles even if unchanged (e.g. new dictionaries)."),
    recode_duplicates: bool = typer.Option(False, "--recode-duplicates",
                                           help="Code duplicate copies too (stored, linked to the first copy, "
                                                "not counted in clusters)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles coded per spaCy batch."),
    implied_agents: bool = conv.IMPLIED_AGENTS,
    one_sided: bool = conv.ONE_SIDED,
    statements: bool = conv.STATEMENTS,
    unknown_targets: bool = conv.UNKNOWN_TARGETS,
    no_infer_countries: bool = conv.NO_INFER_COUNTRIES,
    threats_as_acts: bool = conv.THREATS_AS_ACTS,
) -> None:
    """Code articles and store them; re-running adds nothing new, a changed article replaces its events.

    Example: eventwire ingest news/ batch.jsonl --db events.db
    """
    from ..coding import default_coder
    from ..store import Store, ingest

    default_date = option_date(date)
    options = conv.coding_options(implied_agents, one_sided, statements, unknown_targets, no_infer_countries,
                                  threats_as_acts)
    with Store(db) as store:
        err(f"ingesting into {store.display_url}")
        items = progress(_items(paths, default_date, source), "ingesting")
        command = _command(paths, store.display_url, date=date, source=source, recode=recode,
                           recode_duplicates=recode_duplicates, batch_size=batch_size,
                           flags=conv.command_flags(options))
        report = ingest(store, items, default_coder(options), recode=recode, batch_size=batch_size, command=command,
                        recode_duplicates=recode_duplicates,
                        on_failure=lambda m: err(f"error: {m} (recorded; the batch goes on)"))
    err(report.summary() + f"; run {report.run_id}")
    if report.failed:
        raise typer.Exit(3)


def _items(paths: list[str], default_date: Any, source: str | None) -> Iterator[Article | RecordError]:
    from ..reading import iter_paths

    for path in paths:
        if path != "-" and not Path(path).exists():
            yield RecordError(f"{path}: no such file or folder", source=path)
            continue
        try:
            yield from iter_paths([path], recursive=True, default_date=default_date, default_source=source)
        except InputError as exc:
            yield RecordError(str(exc), source=path)


def _command(paths: list[str], display_url: str, flags: list[str] | None = None, **options: Any) -> str:
    """The command as run, for the runs table (with its coding-convention flags), the database password masked."""
    out = ["eventwire", "ingest", *paths, "--db", display_url, *(flags or [])]
    for name, value in options.items():
        if value not in (None, False):
            out += [f"--{name.replace('_', '-')}"] + ([] if value is True else [str(value)])
    return shlex.join(out)


def _known_values(option: str, given: list[str], known: Iterable[str]) -> None:
    """Refuse a filter value that no event can have (it would silently select nothing); case is ignored."""
    known = sorted(known)
    unknown = [v for v in given if v.lower() not in {k.lower() for k in known}]
    if unknown:
        raise InputError(f"unknown {option} {', '.join(map(repr, unknown))}; choose from: {', '.join(known)}")


def _plover_types() -> set[str]:
    from ..events.crosswalk import crosswalk_table

    return {t.plover for t in crosswalk_table().values() if t.plover}


@app.command("query")
def query_cli(
    db: str = DB_OPTION,
    actor: list[str] = typer.Option([], "--actor", "-a", help="Actor code (RUS, USAGOV; prefix match) or name."),
    role: str = typer.Option("either", "--role", help="Where --actor must appear: source, target or either."),
    source: list[str] = typer.Option([], "--source", help="Source actor (code or name)."),
    target: list[str] = typer.Option([], "--target", help="Target actor (code or name); with --source: a dyad."),
    country: list[str] = typer.Option([], "--country", help="ISO alpha-3 country of source, target or place."),
    cameo: list[str] = typer.Option([], "--cameo", help="CAMEO code or root, prefix match (04, 043)."),
    plover: list[str] = typer.Option([], "--plover", help="PLOVER event type (ASSAULT, CONSULT, ...)."),
    quad: list[int] = typer.Option([], "--quad", help="Quad class 1-4."),
    modality: list[str] = typer.Option([], "--modality", help="asserted, reported, intended, ..."),
    since: str = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    text: str = typer.Option(None, "--text", help="Text in the sentence (case-insensitive)."),
    count_by: str = typer.Option(None, "--count-by", help="Count events per day, week or month instead."),
    dyad: bool = typer.Option(False, "--dyad", help="With --count-by: count per source→target dyad too."),
    fmt: str = typer.Option("table", "--format", "-f", help="Output: table, jsonl or csv."),
    limit: int = typer.Option(None, "--limit", "-n", min=0, help="At most this many events."),
    failures: bool = typer.Option(False, "--failures", help="List the records ingest could not store instead."),
    runs: bool = typer.Option(False, "--runs", help="List the coding runs (versions, counts) instead."),
    clusters: bool = typer.Option(False, "--clusters",
                                  help="One row per real event (cluster): report, article and source counts."),
) -> None:
    """Select stored events (or count them per day/week/month); the database is opened read-only.

    Example: eventwire query --db events.db --actor RUS --cameo 19 --since 2024-01-01 --count-by week --dyad
    """
    from ..store import EventFilter, Store
    from ..store import count_by as counts

    if fmt not in FORMATS:
        raise InputError(f"unknown --format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if any(q not in (1, 2, 3, 4) for q in quad):
        raise InputError(f"--quad takes 1, 2, 3 or 4 (verbal/material cooperation/conflict), not {quad}")
    option_date(since, "--since"), option_date(until, "--until")  # an empty value is an error, not "no limit"
    _known_values("--modality", modality, MODALITIES)
    _known_values("--plover", plover, _plover_types())
    if dyad and not count_by:
        raise InputError("--dyad groups counts: use it with --count-by day|week|month "
                         "(to select a dyad, give --source and --target)")
    flt = EventFilter(actor=actor, role=role, source=source, target=target, country=country, cameo=cameo,
                      plover=plover, quad_class=quad, modality=modality, since=since, until=until, text=text)
    with Store(db, read_only=True) as store:
        if failures or runs:
            rows = store.failures() if failures else store.runs()
            rows = [{k: (v.isoformat(timespec="seconds") if hasattr(v, "isoformat") else v) for k, v in r.items()}
                    for r in rows]
            _write_rows(rows[-limit:] if limit else rows, fmt)
            err(f"{len(rows)} {'failure' if failures else 'run'}(s)")
            return
        if clusters:
            from ..store import cluster_rows

            rows = cluster_rows(store, flt, limit=limit)
            _write_rows(rows, fmt)
            err(f"{len(rows)} cluster(s)")
            return
        if count_by:
            rows = counts(store, count_by, flt, dyad=dyad)
            _write_rows(rows[:limit] if limit is not None else rows, fmt)
            err(f"{len(rows)} row(s)")
            return
        n = write_events(store.events(flt.clauses(), limit=limit), fmt)
    err(f"{n} event(s)")


def _write_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row) + "\n")
    elif fmt == "csv" and rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif rows:
        keys = list(rows[0])
        cells = [{k: "-" if r[k] is None else str(r[k]) for k in keys} for r in rows]
        widths = {k: max(len(k), *(len(c[k]) for c in cells)) for k in keys}
        out.write("  ".join(k.upper().ljust(widths[k]) for k in keys).rstrip() + "\n")
        for c in cells:
            out.write("  ".join(c[k].ljust(widths[k]) for k in keys).rstrip() + "\n")


def _check_output_file(output: str) -> None:
    """A one-line error, before any work, for an --output that cannot be written (folder, missing folder, no rights)."""
    import os
    from pathlib import Path

    p = Path(output)
    if p.is_dir():
        raise InputError(f"-o {output}: is a directory; give a file name")
    if not p.parent.is_dir():
        raise InputError(f"-o {output}: the folder {p.parent} does not exist")
    if not os.access(p.parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise InputError(f"-o {output}: not writable; give a path you can write to")


@app.command("export")
def export_cli(
    db: str = DB_OPTION,
    fmt: str = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet, plover (PLOVER JSON) or cameo (TSV)."),
    output: str = typer.Option(..., "--output", "-o", help="File to write (replaced when complete), or - for stdout."),
    clusters: bool = typer.Option(False, "--clusters", help="One row per real event (jsonl or csv) instead of reports."),
) -> None:
    """Export every stored event in a standard format (columns: docs/store.md).

    Example: eventwire export --db events.db --format cameo -o events.tsv
    """
    from ..store import WRITERS, Store, export, export_clusters

    if output != "-":
        _check_output_file(output)
    if clusters:
        with Store(db, read_only=True) as store:
            n = export_clusters(store, fmt, sys.stdout if output == "-" else output)
        err(f"{n} cluster(s) written to {'stdout' if output == '-' else output}")
        return
    if fmt not in WRITERS:
        raise InputError(f"unknown --format {fmt!r}; choose one of: {', '.join(WRITERS)}")
    if output == "-" and fmt == "parquet":
        raise InputError("Parquet is a binary format: give a file with -o, not -")
    with Store(db, read_only=True) as store:
        n = export(store, fmt, sys.stdout if output == "-" else output)
    err(f"{n} event(s) written to {'stdout' if output == '-' else output}")
