"""``eventwire batch``: code many articles in partitions (local processes or Dask) into shard files (and a store)."""

from __future__ import annotations

import sys
from typing import Any

import typer

from ..errors import EventwireError, InputError
from . import conventions as conv
from .app import app, err, option_date


@app.command("batch")
def batch_cli(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Files or folders (.jsonl/.csv/.txt/.html)."),
    out: str = typer.Option(..., "--out", "-o", help="Folder for the shard files, manifest.jsonl and summary.json."),
    db: str = typer.Option(None, "--db", help="Also load the shards into this event store (path or database URL)."),
    engine: str = typer.Option("local", "--engine", "-e", help="local (this machine) or dask."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (local pool, or LocalCluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler (tcp://host:8786)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Shard format: jsonl (Event.to_dict()) or parquet."),
    partition_size: int = typer.Option(500, "--partition-size", min=1, help="Articles per partition (and shard)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per spaCy nlp.pipe batch."),
    retries: int = typer.Option(2, "--retries", min=0, help="Extra attempts for a partition that fails."),
    prefilter: bool = typer.Option(False, "--prefilter/--no-prefilter",
                                   help="Skip sentences with no actor and no event word (see docs/batch.md)."),
    redo: bool = typer.Option(False, "--redo", help="Re-code every partition, even those already done."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date (YYYY-MM-DD) for records without one."),
    source: str = typer.Option(None, "--source", "-s", help="Outlet name for records without one."),
    implied_agents: bool = conv.IMPLIED_AGENTS,
    one_sided: bool = conv.ONE_SIDED,
    statements: bool = conv.STATEMENTS,
    unknown_targets: bool = conv.UNKNOWN_TARGETS,
    no_infer_countries: bool = conv.NO_INFER_COUNTRIES,
    threats_as_acts: bool = conv.THREATS_AS_ACTS,
) -> None:
    """Code many articles into per-partition shard files; a re-run skips finished partitions."""
    from ..batch import ENGINES, SHARD_FORMATS, run_batch

    if scheduler and engine != "dask":
        raise EventwireError("--scheduler needs --engine dask")
    if fmt not in SHARD_FORMATS:  # options first: a refused run leaves no --out folder behind
        raise InputError(f"unknown shard --format {fmt!r}; choose one of: {', '.join(SHARD_FORMATS)}")
    if engine not in ENGINES:
        raise InputError(f"unknown --engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    default_date = option_date(date)
    options = conv.coding_options(implied_agents, one_sided, statements, unknown_targets, no_infer_countries,
                                  threats_as_acts)
    if db:  # a --db that cannot be opened is refused before the coding, not after it
        from ..store import Store

        Store(db).close()
    _check_out_folder(out)
    bar = _Progress()
    try:
        report = run_batch(inputs, out, engine=engine, workers=workers, scheduler=scheduler, fmt=fmt,
                           partition_size=partition_size, batch_size=batch_size, retries=retries,
                           prefilter=prefilter, redo=redo, db=db, command=_command(),
                           default_date=default_date, default_source=source,
                           on_outcome=bar.update, options=options)
    finally:
        bar.stop()
    rate = report.articles / report.seconds if report.seconds else 0.0
    err(f"{report.partitions} partition(s): {report.coded} coded, {report.skipped} already done, "
        f"{len(report.failed)} failed; {report.articles} article(s), {report.events} event(s) "
        f"in {report.seconds:.1f} s ({rate:.1f} articles/s) → {out}")
    if report.db is not None:
        d = report.db
        err(f"store: {d['partitions_loaded']} partition(s) loaded ({d['articles']} article(s), {d['events']} "
            f"event(s)), {d['partitions_already_loaded']} already there")
    for msg in report.errors[:20]:
        err(f"error: {msg} (skipped)")
    if report.record_errors > 20:
        err(f"... {report.record_errors - 20} more record error(s); see {out}/summary.json")
    for f in report.failed:
        err(f"failed: partition {f['partition']} (from article {f['first_article']}) after {f['attempts']} "
            f"attempt(s): {f['error']}; re-run the same command to retry it")
    if report.failed or report.record_errors:
        raise typer.Exit(3)


def _check_out_folder(out: str) -> None:
    """Create the --out folder now, so a bad path fails before any coding with a one-line error."""
    from pathlib import Path

    from ..errors import InputError

    p = Path(out)
    if p.exists() and not p.is_dir():
        raise InputError(f"--out {out}: is a file; give a folder for the shards")
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot create the folder ({exc.strerror}); give a writable path") from None


def _command() -> str:
    """The command line for the store's run record, with any --db value masked (it may hold a password)."""
    from ..store import mask_url

    args = sys.argv[1:]
    for i, a in enumerate(args[:-1]):
        if a == "--db":
            args[i + 1] = mask_url(args[i + 1])
    return "eventwire " + " ".join(args)


class _Progress:
    """A live line on stderr (TTY only): partitions and articles done, events, failures."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def update(self, outcome: Any, report: Any) -> None:
        if not sys.stderr.isatty():
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("coding")
        self._bar.update(self._task, description=(
            f"partitions {report.coded} coded, {report.skipped} skipped, {len(report.failed)} failed · "
            f"{report.articles} articles · {report.events} events"))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
