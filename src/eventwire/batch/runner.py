"""``run_batch``: stream articles → partitions → an engine → shard files + manifest.

The driver reads the input lazily (``reading.iter_paths``), holds only the
partitions in flight, writes each returned shard atomically and appends its
manifest line, and skips partitions a previous run already finished.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..conventions import CodingOptions, checked_options
from ..errors import EventwireError, InputError, RecordError
from ..reading import iter_paths
from .engines import Outcome, make_engine
from .partition import Partition, partitions
from .shards import SUMMARY, Entry, Manifest, write_atomic
from .worker import SHARD_FORMATS, CodeOptions

MAX_REPORTED_ERRORS = 1000


@dataclass
class BatchReport:
    """What a batch run did (also written to DIR/summary.json)."""

    out: str
    engine: str
    workers: int
    coding_options: dict[str, bool] = field(default_factory=dict)  # those that differ from the defaults
    partitions: int = 0
    skipped: int = 0
    coded: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    words: int = 0
    record_errors: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_cpu_seconds: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    shards: list[str] = field(default_factory=list)
    db: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_batch(paths: Iterable[str | Path], out: str | Path, *, engine: str = "local", workers: int = 1,
              scheduler: str | None = None, fmt: str = "jsonl", partition_size: int = 500,
              batch_size: int = 64, retries: int = 2, prefilter: bool = False, redo: bool = False,
              db: str | None = None, command: str | None = None, default_date: dt.date | None = None, default_source: str | None = None,
              on_outcome: Callable[[Outcome, BatchReport], None] | None = None,
              options: CodingOptions | dict[str, bool] | None = None) -> BatchReport:
    """Code every article under ``paths`` into shard files in ``out``; returns the run's report.

    db: also load the shards into this event store (a path or database URL) once coding is done.
    options: the coding conventions (conventions.CodingOptions) every worker codes by; recorded in the
    manifest, and a folder coded with other options is resumed only with ``redo``.
    """
    coding = checked_options(options)
    if fmt not in SHARD_FORMATS:
        raise InputError(f"unknown shard --format {fmt!r}; choose one of: {', '.join(SHARD_FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    eng = make_engine(engine, workers, scheduler)
    manifest = Manifest(out, fmt, partition_size)
    if redo:
        manifest.reset()
    _check_same_options(manifest, coding)
    manifest.start_run({"started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        "eventwire": __version__, "engine": engine, "workers": workers,
                        "coding_options": coding.changed()})
    report = BatchReport(out=str(out), engine=engine, workers=workers, coding_options=coding.changed())
    opts = CodeOptions(fmt=fmt, batch_size=batch_size, prefilter=prefilter, with_articles=db is not None,
                       coding=coding)
    current: list[int] = []
    versions: dict[str, str] = {}

    def on_error(exc: RecordError) -> None:
        report.record_errors += 1
        if len(report.errors) < MAX_REPORTED_ERRORS:
            report.errors.append(str(exc))

    def todo() -> Iterator[Partition]:
        items = iter_paths(paths, recursive=True, default_date=default_date, default_source=default_source)
        for part in partitions(items, partition_size, on_error):
            report.partitions += 1
            current.append(part.index)
            if manifest.is_done(part.index, part.digest, with_articles=db is not None):
                report.skipped += 1
                continue
            yield part

    start = time.perf_counter()
    for outcome in eng.run(todo(), opts, retries):
        _record(outcome, out, fmt, manifest, report, opts.with_articles)
        if outcome.result is not None and outcome.result.versions:
            versions = outcome.result.versions
        if on_outcome is not None:
            on_outcome(outcome, report)
    report.seconds = round(time.perf_counter() - start, 3)
    report.shards = [p.name for p in _current_shards(manifest, current)]
    if db is not None:
        from .load import load_into_store

        report.db = load_into_store(manifest, current, db, versions or _stored_versions(coding), command)
    write_atomic(out / SUMMARY, json.dumps(report.to_dict(), indent=2, ensure_ascii=False).encode("utf-8"))
    return report


def _record(outcome: Outcome, out: Path, fmt: str, manifest: Manifest, report: BatchReport,
            with_articles: bool) -> None:
    part, res = outcome.partition, outcome.result
    if res is None:
        report.failed.append({"partition": part.index, "first_article": part.articles[0].key,
                              "attempts": outcome.attempts, "error": outcome.error})
        manifest.record(Entry(part.index, part.digest, "failed", None, len(part.articles), 0, outcome.attempts,
                              outcome.error))
        return
    shard = f"{part.name}.{fmt}"
    write_atomic(out / shard, res.payload)
    if with_articles:
        from .load import sidecar_name

        write_atomic(out / sidecar_name(part.index), res.articles_payload)
    manifest.record(Entry(part.index, part.digest, "done", shard, res.articles, res.events, outcome.attempts))
    report.coded += 1
    report.articles += res.articles
    report.events += res.events
    report.words += res.words
    report.worker_cpu_seconds = round(report.worker_cpu_seconds + res.cpu_seconds, 3)
    report.peak_rss_mb[res.worker] = max(report.peak_rss_mb.get(res.worker, 0.0), round(res.peak_rss_mb, 1))
    for msg in res.article_errors:
        report.record_errors += 1
        if len(report.errors) < MAX_REPORTED_ERRORS:
            report.errors.append(msg)


def _check_same_options(manifest: Manifest, coding: CodingOptions) -> None:
    """Refuse to mix shards of different coding options in one folder (a re-run would skip done partitions)."""
    before = manifest.coding_options
    if manifest.entries and before is not None and before != coding.changed():
        was = CodingOptions.from_dict(before).describe()
        raise InputError(f"{manifest.out}: was coded with coding options {was}, not {coding.describe()}; use the "
                         f"same options to resume, or another --out folder (or --redo)")


def _stored_versions(coding: CodingOptions) -> dict[str, str]:
    """Versions for the store's run record when every partition was already coded (no worker reported)."""
    from ..coding import default_coder
    from ..store.ingest import coder_versions

    return coder_versions(default_coder(coding))


def _current_shards(manifest: Manifest, indices: list[int]) -> list[Path]:
    wanted = set(indices)
    return [manifest.out / e.shard for i, e in sorted(manifest.entries.items())
            if i in wanted and e.status == "done" and e.shard]


def read_shard_events(path: str | Path) -> Iterator[dict[str, Any]]:
    """Event dicts of one shard (JSONL: as written; Parquet: nested fields decoded back from JSON)."""
    p = Path(path)
    if p.suffix == ".jsonl":
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    elif p.suffix == ".parquet":
        import pyarrow.parquet as pq

        for row in pq.read_table(p).to_pylist():
            for key in ("source", "target", "attributed_to", "place", "evidence"):
                if row.get(key) is not None:
                    row[key] = json.loads(row[key])
            yield row
    else:
        raise EventwireError(f"{p}: not a shard (.jsonl or .parquet)")
