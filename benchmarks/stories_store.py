"""Linking cost per new article vs store size: duplicate lookup, event linking, linker writes, the transaction.

Codes a synthetic wire-style corpus once (benchmarks/make_corpus.py, as store_ingest.py does), then ingests it
into an empty database with stories on, and at each of ``--sizes`` stored articles times the next ``--probe``
articles one by one (batch size 1): the MinHash lookup in the stored LSH index, the parse the linker needs,
EventLinker.add (its reads of the linker tables), applying the linker's table writes, the whole save
transaction, and the whole ingest call.

    .venv/bin/python benchmarks/stories_store.py --db sqlite:////tmp/stories-bench.db --sizes 100,1000,5000

Coding the corpus is the slow part (~15 min for 5,020 articles), so the coded articles are cached in the
temporary directory (``synthetic-N-coded.pkl``, by corpus size) and reused by later runs, e.g. for another
database; ``--recode`` codes afresh. ``--code-only`` just fills the cache.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def coded_corpus(coder, articles: list, cache: Path, recode: bool) -> tuple[list, float | None]:
    """The coded articles, from the cache when present (coding time None then), else coded and cached."""
    if cache.exists() and not recode:
        with cache.open("rb") as f:
            coded = pickle.load(f)
        if [c.article.key for c in coded] == [a.key for a in articles]:
            return coded, None
    t0 = time.perf_counter()
    coded = list(coder.code_many(articles))
    code_s = round(time.perf_counter() - t0, 1)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(coded, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cache)
    return coded, code_s


def main() -> None:
    from store_ingest import Precoded, corpus

    from eventwire.coding import default_coder
    from eventwire.store import Store, ingest
    import importlib

    ingest_module = importlib.import_module("eventwire.store.ingest")
    from eventwire.stories import linker as linker_module

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--probe", type=int, default=20)
    ap.add_argument("--corpus", type=int, default=0, help="corpus size (default: largest size + probe)")
    ap.add_argument("--recode", action="store_true", help="code the corpus afresh (ignore the cache)")
    ap.add_argument("--code-only", action="store_true", help="code the corpus into the cache and stop")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    n = max(args.corpus, max(sizes) + args.probe)
    tmp = Path(tempfile.gettempdir())
    articles = corpus(n, tmp / f"synthetic-{n}.jsonl")
    coder = default_coder()
    coded, code_s = coded_corpus(coder, articles, tmp / f"synthetic-{n}-coded.pkl", args.recode)
    if args.code_only:
        print(json.dumps({"articles": n, "coding_s": code_s}))
        return
    pre = Precoded(coded)
    pre.nlp = coder.nlp

    timings: dict[str, list[float]] = {}

    def timed(name, fn):
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                timings.setdefault(name, []).append(time.perf_counter() - t)
        return wrapper

    L = ingest_module._Linking
    L.check_duplicates = timed("duplicate lookup", L.check_duplicates)
    L.rows = timed("rows total", L.rows)
    linker_module.EventLinker.add = timed("EventLinker.add", linker_module.EventLinker.add)
    from eventwire.store import linker_index
    linker_index.LinkerWrites.apply = timed("linker writes (in save)", linker_index.LinkerWrites.apply)
    Store.save = timed("save transaction", Store.save)
    real_init = L.__init__

    def init(self, store, coder_):
        real_init(self, store, coder_)
        self.nlp = timed("parse", self.nlp)
    L.__init__ = init

    out = {"db": Store(args.db).display_url, "articles": n, "coding_s": code_s, "points": []}
    done = 0
    with Store(args.db) as store:
        for size in sizes:
            ingest(store, [c.article for c in coded[done:size]], pre, batch_size=32)
            done = size
            timings.clear()
            for c in coded[done:done + args.probe]:
                timed("whole ingest call", ingest)(store, [c.article], pre, batch_size=1)
            st = store.linker_summary()
            counts = store.counts()
            with store.engine.connect() as conn:
                import sqlalchemy as sa
                copies = conn.execute(sa.text("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")).scalar()
            point = {"stored": size, "probe": args.probe, "linker": st,
                     "events": counts["events"], "clusters": counts["event_clusters"], "copies": copies}
            for k, v in timings.items():
                point[k + " ms (median)"] = round(1000 * statistics.median(v), 2)
            rows_ms = statistics.median(timings["rows total"]) * 1000
            point["link excl. parse ms"] = round(rows_ms - 1000 * statistics.median(timings["parse"]), 2)
            out["points"].append(point)
            print(json.dumps(point), flush=True)
            done += args.probe
    print(json.dumps(out))


if __name__ == "__main__":
    main()
