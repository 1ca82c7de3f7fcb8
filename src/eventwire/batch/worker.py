"""What runs on a worker: code one partition and serialise its events into a shard.

The coder (spaCy model + dictionaries) is built once per worker process by
``default_coder(options)`` and reused for every partition that process receives; the
articles and the coding options (conventions.CodingOptions, a few booleans) travel to the
worker, the serialised shard travels back. Nothing large is embedded in the task graph.
"""

from __future__ import annotations

import io
import json
import os
import time
from dataclasses import dataclass, field, fields
from typing import Any

from ..conventions import CodingOptions
from ..errors import InputError
from ..model import CodedArticle, Event
from ..reading import checked_article
from .partition import Partition

SHARD_FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class CodeOptions:
    """Settings a worker needs to code a partition (small and picklable)."""

    fmt: str = "jsonl"
    batch_size: int = 64
    prefilter: bool = False
    with_articles: bool = False  # also send back the articles, cleaned text and sentences (for --db)
    coding: CodingOptions = field(default_factory=CodingOptions)  # coding conventions (--implied-agents ...)


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back: the shard bytes and counts (no Python objects of the events)."""

    index: int
    digest: str
    articles: int
    events: int
    words: int
    payload: bytes
    seconds: float
    cpu_seconds: float
    worker: str
    peak_rss_mb: float
    article_errors: list[str] = field(default_factory=list)
    articles_payload: bytes = b""
    versions: dict[str, str] = field(default_factory=dict)


def warm_up(coding: CodingOptions | None = None) -> None:
    """Build this process's coder now (worker start-up), so the first partition is not slower."""
    from ..coding import default_coder

    default_coder(coding)


def code_partition(part: Partition, opts: CodeOptions) -> PartitionResult:
    """Code every article of ``part`` with the process's coder; return the serialised shard."""
    from ..coding import default_coder

    start, cpu_start = time.perf_counter(), time.process_time()
    coder = default_coder(opts.coding)
    errors: list[str] = []
    articles = []
    for a in part.articles:
        try:  # the reader's checks for Articles passed in from Python: length, text type, surrogates
            articles.append(checked_article(a))
        except InputError as exc:
            errors.append(f"{exc}; skipped")
    if opts.prefilter:
        from .prefilter import default_prefilter

        articles = [default_prefilter().apply(a) for a in articles]
    events: list[Event] = []
    sidecar: list[str] = []
    for coded in coder.code_many(articles, batch_size=opts.batch_size):
        events.extend(coded.events)
        if opts.with_articles:
            sidecar.append(article_record(coded))
    words = sum(len(a.text.split()) for a in part.articles)
    return PartitionResult(
        index=part.index, digest=part.digest, articles=len(part.articles), events=len(events), words=words,
        payload=serialise(events, opts.fmt), seconds=time.perf_counter() - start,
        cpu_seconds=time.process_time() - cpu_start,
        worker=f"{os.uname().nodename}:{os.getpid()}", peak_rss_mb=peak_rss_mb(), article_errors=errors,
        articles_payload="".join(sidecar).encode("utf-8"), versions=_versions(coder),
    )


def article_record(coded: CodedArticle) -> str:
    """One line of an articles sidecar shard: what the store keeps besides the events."""
    a = coded.article
    rec: dict[str, Any] = {"id": a.key, "date": a.date.isoformat() if a.date else None, "source": a.source,
                           "url": a.url, "title": a.title, "text": a.text,
                           "sentences": [[x.start, x.end] for x in coded.sentences],
                           "quotes": [q.to_dict() for q in coded.quotes]}
    if coded.text != a.text:
        rec["clean_text"] = coded.text
    return json.dumps(rec, ensure_ascii=False) + "\n"


def _versions(coder: Any) -> dict[str, str]:
    try:
        from ..store.ingest import coder_versions
    except ImportError:  # pragma: no cover - the store is part of the package
        return {}
    return coder_versions(coder)


def serialise(events: list[Event], fmt: str) -> bytes:
    """Events → shard bytes: JSONL (Event.to_dict(), the public contract) or Parquet (flattened columns)."""
    if fmt == "jsonl":
        return "".join(e.to_json() + "\n" for e in events).encode("utf-8")
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([parquet_row(e) for e in events], schema=parquet_schema())
        sink = io.BytesIO()
        pq.write_table(table, sink)
        return sink.getvalue()
    raise ValueError(f"unknown shard format {fmt!r}; choose one of: {', '.join(SHARD_FORMATS)}")


def parquet_row(event: Event) -> dict[str, Any]:
    """One Parquet row: the top-level JSONL fields, with nested objects as JSON text."""
    d = event.to_dict()
    for key in ("source", "target", "attributed_to", "place", "evidence"):
        d[key] = json.dumps(d[key], ensure_ascii=False) if d.get(key) is not None else None
    return d


def parquet_schema() -> Any:
    """Column types of a Parquet shard, in JSONL field order (id first)."""
    import pyarrow as pa

    special = {"sentence_index": pa.int64(), "quad_class": pa.int64(), "goldstein": pa.float64(),
               "confidence": pa.float64(), "negated": pa.bool_()}
    names = ["id"] + [f.name for f in fields(Event) if f.name != "id"]
    return pa.schema([(n, special.get(n, pa.string())) for n in names])


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux: ru_maxrss is in KiB)."""
    import resource
    import sys

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
