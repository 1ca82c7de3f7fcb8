"""The stored duplicate lookup alone, before and after bounding it, on one filled database.

Takes the signatures of ``--probe`` stored articles (the last ones ingested) and looks each one up in the
store's LSH index, excluding itself, with

* ``before``: the lookup as it was until commit c16734b: every article sharing at least one band key (a
  row-value ``IN`` over the 128 (band, key) pairs) has its signature read and compared;
* ``after``: ``Store.find_copy`` (articles sharing >= 2 band keys, at most 32, one grouped query).

Both answer on the same database at the same moment; each probe is timed 3 times, the median kept. Prints
medians and the number of candidates compared.

    .venv/bin/python benchmarks/stories_dup_lookup.py --db sqlite:////tmp/stories-bench.db
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from sqlalchemy import func, select, tuple_


def before(store, bands, sig, exclude: str, threshold: float):
    """The unbounded lookup (kept here only as the reference)."""
    from eventwire.store import schema as s
    from eventwire.stories.duplicates import estimate, signature_from_hex

    b = s.article_bands
    with store.engine.connect() as conn:
        cands: set[str] = set()
        for i in range(0, len(bands), 64):
            q = select(b.c.article_id).where(tuple_(b.c.band, b.c.key).in_(bands[i:i + 64]))
            cands.update(r.article_id for r in conn.execute(q))
        cands.discard(exclude)
        if not cands:
            return None, 0
        g = s.article_signatures
        rows = conn.execute(select(g.c.article_id, g.c.first_id, g.c.signature)
                            .where(g.c.article_id.in_(sorted(cands)))).all()
    best = None
    for r in rows:
        sim = estimate(sig, signature_from_hex(r.signature))
        if sim >= threshold and (best is None or sim > best[0]):
            best = (sim, r.first_id)
    return best, len(rows)


def main() -> None:
    from eventwire.store import Store
    from eventwire.store import schema as s
    from eventwire.stories import duplicates
    from eventwire.stories.duplicates import THRESHOLD, band_keys, signature_from_hex

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--probe", type=int, default=20)
    args = ap.parse_args()
    counted = []
    real = duplicates.estimate
    duplicates.estimate = lambda a, b: counted.append(1) or real(a, b)
    out = {"before ms": [], "after ms": [], "before compared": [], "after compared": [], "same answer": 0}
    with Store(args.db) as store:
        with store.engine.connect() as conn:
            g = s.article_signatures
            n = conn.execute(select(func.count()).select_from(g)).scalar_one()
            probes = conn.execute(select(g.c.article_id, g.c.signature).order_by(g.c.article_id.desc())
                                  .limit(args.probe)).all()
        for r in probes:
            sig = signature_from_hex(r.signature)
            bands = band_keys(sig)
            tb, ta = [], []
            for _ in range(3):
                t = time.perf_counter()
                old, compared = before(store, bands, sig, r.article_id, THRESHOLD)
                tb.append(time.perf_counter() - t)
                counted.clear()
                t = time.perf_counter()
                new = store.find_copy(bands, sig, exclude=r.article_id, threshold=THRESHOLD)
                ta.append(time.perf_counter() - t)
            out["before ms"].append(1000 * statistics.median(tb))
            out["after ms"].append(1000 * statistics.median(ta))
            out["before compared"].append(compared)
            out["after compared"].append(len(counted))
            out["same answer"] += (old[1] if old else None) == (new[0] if new else None)
    print(json.dumps({"db": Store(args.db).display_url, "stored signatures": n, "probes": len(probes),
                      **{k: round(statistics.median(v), 2) if isinstance(v, list) else v for k, v in out.items()},
                      "before compared max": max(out["before compared"]),
                      "after compared max": max(out["after compared"])}))


if __name__ == "__main__":
    main()
