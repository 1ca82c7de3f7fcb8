"""How much actor resolution adds to spaCy's own pipeline (issue #3 target: under 20%).

Run: .venv/bin/python benchmarks/actors_overhead.py [--out benchmarks/actors_overhead_results.md]

Batch: the full news articles of ../shared/eval/polnear-quotes/dev.jsonl and tempeval3/dev.jsonl (text only, used
here for timing; nothing is copied). Times: best of 3 runs of ``nlp.pipe`` over the batch, and best of 3 runs of
``ActorResolver.resolve`` over the parsed docs (dictionaries already loaded; their one-off load time is reported
separately).
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
    parse_s, docs = float("inf"), []
    for _ in range(3):
        t = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        parse_s = min(parse_s, time.perf_counter() - t)
    date = dt.date(2024, 11, 8)
    resolve_s, n_mentions = float("inf"), 0
    for _ in range(3):
        t = time.perf_counter()
        n_mentions = sum(len(resolver.resolve(doc, date).by_head) for doc in docs)
        resolve_s = min(resolve_s, time.perf_counter() - t)
    words = sum(len(d) for d in docs)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, check=False,
                            text=True).stdout.strip()
    report = (f"## Actor resolution overhead — {dt.date.today()} (commit {commit})\n\n"
              f"- batch: {len(docs)} articles, {words:,} tokens; {n_mentions:,} actor mentions resolved\n"
              f"- spaCy pipeline (nlp.pipe): {parse_s:.2f} s\n"
              f"- actor resolution: {resolve_s:.2f} s = **{100 * resolve_s / parse_s:.1f}%** added\n"
              f"- one-off dictionary load + matcher build: {load_s:.1f} s ({len(dictionary.entries()):,} entries)\n")
    print(report)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
