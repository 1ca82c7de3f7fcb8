"""Ingest throughput of the event store: how much the database adds to coding time.

Codes a synthetic wire-style corpus once (benchmarks/make_corpus.py), then stores the coded
articles into SQLite and, when --pg-url / $EVENTWIRE_TEST_PG_URL is given, PostgreSQL, one
transaction per article exactly as ``eventwire ingest`` does. Also times the unchanged re-run
(every article skipped by its text hash) and one end-to-end ``ingest()`` (code → store) into SQLite.
The store passes run ``ingest()`` with the articles coded beforehand, so they time exactly what
ingest adds to coding: the hash look-ups, one transaction per article and the run bookkeeping.

    python benchmarks/store_ingest.py --articles 300 [--pg-url postgresql://u:pw@127.0.0.1/db]

Prints a JSON summary; results are recorded in benchmarks/store_results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent


def corpus(n: int, path: Path) -> list:
    from eventwire.reading import iter_path

    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--articles", str(n), "--out", str(path)],
                       check=True)
    return [a for a in iter_path(path)][:n]


class Precoded:
    """A coder that returns articles coded beforehand, so ingest() times only reading state and storing."""

    nlp = None

    def __init__(self, coded: list) -> None:
        self.by_key = {c.article.key: c for c in coded}

    def code_many(self, articles, batch_size=32):
        for a in articles:
            yield self.by_key[a.key]


def store_pass(url: str, coded: list, label: str) -> dict:
    """ingest() with pre-coded articles: hash check, one transaction per article, run bookkeeping."""
    from eventwire.store import Store, ingest

    articles = [c.article for c in coded]
    with Store(url) as store:
        t0 = time.perf_counter()
        report = ingest(store, articles, Precoded(coded))
        save_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        rerun = ingest(store, articles, Precoded(coded))
        skip_s = time.perf_counter() - t0
        assert report.coded == len(coded) and rerun.unchanged == len(coded)
        counts = store.counts()
    return {"backend": label, "store_seconds": round(save_s, 3), "store_articles_per_s": round(len(coded) / save_s, 1),
            "events": report.events, "rows": counts, "unchanged_rerun_seconds": round(skip_s, 4)}


def pg_schema_url(base: str) -> tuple[str, object, str]:
    import sqlalchemy as sa

    from eventwire.store import resolve_url

    url = resolve_url(base)
    schema = "bench_" + uuid.uuid4().hex[:8]
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False), engine, schema


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--corpus", type=Path, default=None, help="JSONL corpus (default: generated, seed 7)")
    ap.add_argument("--pg-url", default=os.environ.get("EVENTWIRE_TEST_PG_URL"))
    args = ap.parse_args()

    from eventwire.coding import Coder
    from eventwire.store import Store, ingest

    tmp = Path(tempfile.mkdtemp(prefix="eventwire-store-bench-"))
    articles = corpus(args.articles, args.corpus or tmp / f"synthetic-{args.articles}.jsonl")
    coder = Coder()
    list(coder.code_many(articles[:8]))  # warm-up
    t0 = time.perf_counter()
    coded = list(coder.code_many(articles))
    code_s = time.perf_counter() - t0
    sentences = sum(len(c.sentences) for c in coded)

    result = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                 cwd=HERE).stdout.strip(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_1m_at_start": round(os.getloadavg()[0], 2),
        "articles": len(coded), "sentences": sentences, "events": sum(len(c.events) for c in coded),
        "coding_seconds": round(code_s, 2), "coding_articles_per_s": round(len(coded) / code_s, 1),
        "backends": [],
    }
    result["backends"].append(store_pass(f"sqlite:///{tmp / 'bench.db'}", coded, "sqlite"))
    if args.pg_url:
        url, engine, schema = pg_schema_url(args.pg_url)
        try:
            result["backends"].append(store_pass(url, coded, "postgresql"))
        finally:
            import sqlalchemy as sa

            with engine.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    for b in result["backends"]:
        b["store_share_of_coding_time"] = round(b["store_seconds"] / code_s, 4)

    # End to end, as `eventwire ingest` runs it: read → skip known → code → store (SQLite).
    with Store(tmp / "e2e.db") as store:
        t0 = time.perf_counter()
        report = ingest(store, articles, coder)
        e2e = time.perf_counter() - t0
        t0 = time.perf_counter()
        rerun = ingest(store, articles, coder)
        rerun_s = time.perf_counter() - t0
    result["ingest_sqlite_end_to_end"] = {"seconds": round(e2e, 2), "articles_per_s": round(report.coded / e2e, 1),
                                          "unchanged_rerun_seconds": round(rerun_s, 3),
                                          "unchanged_rerun_articles_per_s": round(rerun.unchanged / rerun_s, 1)}
    result["load_average_1m_at_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
