"""How much actor resolution adds to spaCy's own pipeline (issue #3 target: under 20%).

Run: .venv/bin/python benchmarks/actors_overhead.py [--runs 3] [--out benchmarks/actors_overhead_results.md]

Batch: the full news articles of ../shared/eval/polnear-quotes/dev.jsonl and tempeval3/dev.jsonl (text only, used
here for timing; nothing is copied). Times: best of ``--runs`` runs of ``nlp.pipe`` over the batch, and of
``ActorResolver.resolve`` over the parsed docs (dictionaries already loaded; their one-off load time is reported
separately). The resolver's first pass over the batch is reported too: its later passes find the per-phrase memo
of role words warm. CPU time (process time) is reported beside wall time, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared/eval/polnear-quotes/dev.jsonl", ROOT.parent / "shared/eval/tempeval3/dev.jsonl"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    texts = []
    for src in SOURCES:
        if not src.exists():
            sys.exit(f"{src} not found: this benchmark needs ../shared/eval beside the project")
        texts += [json.loads(line)["text"] for line in src.read_text(encoding="utf-8").splitlines()]
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.resolver import ActorResolver
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()
    t0 = time.perf_counter()
    dictionary = default_dictionary()
    resolver = ActorResolver(nlp, dictionary)
    load_s = time.perf_counter() - t0
    list(nlp.pipe(texts[:5]))  # warm-up
    parse_s, parse_cpu, docs = float("inf"), float("inf"), []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=32))
        parse_s, parse_cpu = min(parse_s, time.perf_counter() - t), min(parse_cpu, time.process_time() - c)
    date = dt.date(2024, 11, 8)
    for doc in docs[:5]:
        resolver.resolve(doc, date)  # warm-up: lazily loaded gazetteer
    resolve_s, resolve_cpu, first_cpu, n_mentions = float("inf"), float("inf"), None, 0
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        n_mentions = sum(len(resolver.resolve(doc, date).by_head) for doc in docs)
        cpu = time.process_time() - c
        first_cpu = cpu if first_cpu is None else first_cpu
        resolve_s, resolve_cpu = min(resolve_s, time.perf_counter() - t), min(resolve_cpu, cpu)
    words = sum(len(d) for d in docs)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, check=False,
                            text=True).stdout.strip()
    report = (f"## Actor resolution overhead — {dt.date.today()} (commit {commit})\n\n"
              f"- batch: {len(docs)} articles, {words:,} tokens; {n_mentions:,} actor mentions resolved\n"
              f"- spaCy pipeline (nlp.pipe): {parse_s:.2f} s wall, {parse_cpu:.2f} s CPU (best of {args.runs})\n"
              f"- actor resolution: {resolve_s:.2f} s wall = **{100 * resolve_s / parse_s:.1f}%** added; "
              f"{resolve_cpu:.2f} s CPU (best of {args.runs}), first pass {first_cpu:.2f} s CPU\n"
              f"- one-off dictionary load + matcher build: {load_s:.1f} s ({len(dictionary.entries()):,} entries)\n")
    print(report)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
