"""Bounded load test of the HTTP API on 127.0.0.1: latency percentiles under concurrency.

Builds a synthetic database (no spaCy model needed: events are generated, so the numbers measure the web layer
and the store, not coding), starts ``eventwire serve --read-only`` on a free local port, then sends a fixed
number of requests with a fixed concurrency and records p50/p95/p99 per scenario.

    .venv/bin/python benchmarks/web_load.py                       # 2,000 searches, 8 concurrent, + others
    .venv/bin/python benchmarks/web_load.py --requests 500 --events 5000

Writes benchmarks/results/web_load.json and benchmarks/results/web_load.md. Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR", "IND", "PAK", "JPN", "KOR",
             "PRK", "SYR", "EGY", "SAU", "BRA", "ZAF"]
SECTORS = ["", "GOV", "MIL", "OPP", "BUS"]
CAMEO = [("036", 1, 4.0, "CONSULT"), ("042", 1, 1.9, "CONSULT"), ("051", 1, 3.4, "SUPPORT"), ("061", 2, 6.4, "COOPERATE"),
         ("111", 3, -2.0, "ACCUSE"), ("112", 3, -2.0, "ACCUSE"), ("130", 3, -4.4, "THREATEN"),
         ("163", 4, -8.0, "SANCTION"), ("173", 4, -5.0, "COERCE"), ("190", 4, -10.0, "ASSAULT")]
VERBS = {"036": "met", "042": "visited", "051": "praised", "061": "signed a trade deal with", "111": "criticised",
         "112": "accused", "130": "threatened", "163": "imposed sanctions on", "173": "arrested officials of",
         "190": "attacked"}


def build_db(path: str, n_events: int, seed: int = 7) -> dict[str, int]:
    """Synthetic articles of 10 one-sentence events each, dates spread over two years."""
    from eventwire.model import Actor, Article, CodedArticle, Event, Sentence
    from eventwire.store import Store

    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    with Store(path) as store:
        run = store.start_run({"eventwire": "bench", "model": "none", "dictionaries": "none", "lexicon": "none"},
                              "web_load")
        for a in range(max(1, n_events // 10)):
            day = start + dt.timedelta(days=rng.randrange(730))
            sentences, events, pos = [], [], 0
            for i in range(10):
                src, tgt = rng.sample(COUNTRIES, 2)
                s_code, t_code = src + rng.choice(SECTORS), tgt + rng.choice(SECTORS)
                cameo, quad, gold, plover = rng.choice(CAMEO)
                text = f"{src} {VERBS[cameo]} {tgt} on day {i}."
                sentences.append(Sentence(i, text, pos, pos + len(text)))
                src_a = Actor(code=s_code, text=src, country=src, sector=s_code[3:] or None, start=pos,
                              end=pos + 3, how="bench")
                tgt_start = pos + text.index(tgt, 4)
                tgt_a = Actor(code=t_code, text=tgt, country=tgt, sector=t_code[3:] or None, start=tgt_start,
                              end=tgt_start + 3, how="bench")
                events.append(Event(article_id=f"bench-{a}", sentence_index=i, sentence=text, source=src_a,
                                    target=tgt_a, cameo=cameo, plover=plover, date=day.isoformat(),
                                    date_precision="day", date_basis="publication", quad_class=quad,
                                    goldstein=gold, trigger=VERBS[cameo].split()[0]))
                pos += len(text) + 1
            text = " ".join(s.text for s in sentences)
            store.save(CodedArticle(Article(text=text, date=day, id=f"bench-{a}", source="Bench Wire"), text,
                                    tuple(sentences), tuple(events)), run)
        store.finish_run(run, coded=n_events // 10, unchanged=0, failed=0, events=n_events)
        return store.counts()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search_params(rng: random.Random) -> dict[str, str]:
    """A realistic mix of event searches: actor, dyad, code, date window, text; various sorts and pages."""
    p: dict[str, str] = {"limit": rng.choice(["20", "50", "100"])}
    kind = rng.randrange(5)
    if kind == 0:
        p["actor"] = rng.choice(COUNTRIES)
    elif kind == 1:
        p["source"], p["target"] = rng.sample(COUNTRIES, 2)
    elif kind == 2:
        p["cameo"] = rng.choice(CAMEO)[0][:2]
        p["actor"] = rng.choice(COUNTRIES)
    elif kind == 3:
        d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
        p["since"], p["until"] = d.isoformat(), (d + dt.timedelta(days=30)).isoformat()
    else:
        p["q"] = rng.choice(["attacked", "sanctions", "trade deal", "praised"])
    p["sort"] = rng.choice(["-date", "date", "goldstein", "-goldstein"])
    p["offset"] = rng.choice(["0", "0", "0", "50", "200"])
    return p


def dyad_params(rng: random.Random) -> dict[str, str]:
    a, b = rng.sample(COUNTRIES, 2)
    return {"a": a, "b": b, "period": rng.choice(["week", "month"])}


async def run_scenario(base: str, path: str, make_params, n: int, concurrency: int, seed: int) -> dict:  # type: ignore[no-untyped-def]
    import httpx

    rng = random.Random(seed)
    jobs = [make_params(rng) for _ in range(n)]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue: asyncio.Queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)

    async def worker(client: httpx.AsyncClient) -> None:
        while True:
            try:
                params = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            r = await client.get(path, params=params)
            latencies.append((time.perf_counter() - t0) * 1000)
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await client.get("/api/health")  # connection warm-up, not counted
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"path": path, "requests": n, "concurrency": concurrency, "statuses": statuses,
            "wall_s": round(wall, 2), "throughput_rps": round(n / wall, 1),
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(max(latencies), 1), "mean_ms": round(statistics.fmean(latencies), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=2000, help="search requests (other scenarios: a quarter)")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--events", type=int, default=20_000, help="events in the synthetic database")
    ap.add_argument("--no-write", action="store_true", help="print only; do not update benchmarks/results/")
    args = ap.parse_args()
    if args.requests > 20_000 or args.concurrency > 64:
        sys.exit("refusing: keep the load test bounded (at most 20,000 requests, 64 concurrent)")

    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="eventwire-web-load-"))
    db = str(work / "load.db")
    t0 = time.perf_counter()
    counts = build_db(db, args.events)
    print(f"built {counts['events']:,} events in {counts['articles']:,} articles in {time.perf_counter() - t0:.1f} s")
    port = _free_port()
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    server = subprocess.Popen([eventwire, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
                               "--read-only", "--no-warm"], stdin=subprocess.DEVNULL, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(200):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")
        n, c = args.requests, args.concurrency
        scenarios = [
            ("search", "/api/events", search_params, n),
            ("dyad series", "/api/dyads/series", dyad_params, max(1, n // 4)),
            ("actors autocomplete", "/api/actors", lambda r: {"q": r.choice(COUNTRIES)[:2].lower()}, max(1, n // 4)),
            ("search page (HTML)", "/", search_params, max(1, n // 4)),
        ]
        results = []
        for i, (name, path, make, count) in enumerate(scenarios):
            res = asyncio.run(run_scenario(base, path, make, count, c, seed=100 + i))
            res["scenario"] = name
            results.append(res)
            print(f"{name:<22} {count:>5} req  c={c}  p50 {res['p50_ms']:>7} ms  p95 {res['p95_ms']:>7} ms  "
                  f"p99 {res['p99_ms']:>7} ms  {res['throughput_rps']:>6} req/s  statuses {res['statuses']}")
    finally:
        server.terminate()
        server.wait(timeout=15)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True, check=False).stdout.strip()
    meta = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit,
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
                       f"{platform.python_version()}",
            "server": "eventwire serve --read-only (uvicorn, 1 process), SQLite file",
            "database": {"events": counts["events"], "articles": counts["articles"]},
            "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}}
    if args.no_write:
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "web_load.json").write_text(json.dumps({**meta, "results": results}, indent=2) + "\n")
    load = meta["load_average_1min"]
    lines = [f"## Run of {meta['date']}, commit {commit}", "",
             (f"{meta['machine']}; {meta['server']} with {counts['events']:,} synthetic events in "
              f"{counts['articles']:,} articles; client: httpx, {c} concurrent connections, all on 127.0.0.1. "
              f"Machine load average (1 min) {load['before']} before, {load['after']} after: other jobs share "
              f"these CPUs, so compare runs with that in mind."), "",
             "| scenario | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s | statuses |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['scenario']} (`{r['path']}`) | {r['requests']} | {r['concurrency']} | {r['p50_ms']} | "
                     f"{r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['throughput_rps']} | {r['statuses']} |")
    md = RESULTS / "web_load.md"
    header = "# Web API load tests (`benchmarks/web_load.py`), newest first\n\n"
    previous = md.read_text().removeprefix(header) if md.exists() else ""
    md.write_text(header + "\n".join(lines) + "\n\n" + previous)
    print(f"wrote {RESULTS / 'web_load.md'}")


if __name__ == "__main__":
    main()
