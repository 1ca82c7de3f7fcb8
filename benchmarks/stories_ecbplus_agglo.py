"""Experiment (issue #9): within-story average-linkage clustering of ECB+ gold mentions, held-out check.

The default linker puts a mention in the cluster keyed by (story, folded trigger lemma), greedily. This script
keeps its stories and re-clusters the mentions of each story by average-linkage agglomerative clustering over a
hand-weighted pairwise score:

    score = lemma term (1 same folded lemma; ``--family`` for a shared derivational stem; 0 else)
          + w_arg · argument-head overlap (Jaccard of the heads of the triggers' subjects/objects/modifiers)
          + w_doc · (cosine of the two articles' story vectors − 0.5)      (two seminal events in one story)
          − w_ctx · date/number/place conflict (both sentences name some and share none)
    (reporting verbs and two mentions of one sentence never link)

and cuts the dendrogram at ``threshold``. To keep it honest the dev topics are split in two halves (alternate
topics in numeric order): each setting of a small grid is scored on half A, the best one on A is reported on
half B and on the whole dev, beside the default linker on the same halves.

    .venv/bin/python benchmarks/stories_ecbplus_agglo.py [--cache /tmp/ecb-dev.spacy]

Writes benchmarks/results/stories_ecbplus_agglo.json; numbers go into benchmarks/stories_results.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
DEFAULT = ROOT.parent / "shared" / "eval" / "ecbplus-event-coref" / "dev.jsonl"

ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "agent", "compound", "poss", "npadvmod",
                      "dative", "oprd", "amod", "nmod"})
CONTEXT_ENTS = {"DATE": "date", "TIME": "date", "CARDINAL": "num", "QUANTITY": "num", "GPE": "place",
                "LOC": "place", "FAC": "place"}


def _content(tok) -> str | None:
    if tok.pos_ in ("NOUN", "PROPN", "NUM") and not tok.is_stop:
        return (tok.text if tok.pos_ == "PROPN" else tok.lemma_).lower()
    return None


def arguments(head) -> set[str]:
    """Heads of the trigger's arguments: subject, object, compounds, possessor, prepositional objects."""
    out: set[str] = set()
    for c in head.children:
        if c.dep_ in ARG_DEPS:
            w = _content(c)
            if w:
                out.add(w)
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and _content(g):
                    out.add(_content(g))
    if head.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj") and _content(head.head):
        out.add(_content(head.head))  # "the deadly quake" / "quake victims": the noun it modifies or governs
    return out


def context(sent) -> dict[str, set[str]]:
    """Dates, numbers and places named in the mention's sentence."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in sent.ents:
        kind = CONTEXT_ENTS.get(e.label_)
        if kind:
            out[kind].add(e.text.lower())
    return out


def family(a: str, b: str) -> bool:
    """A shared derivational stem: one lemma is a prefix of the other, or they share >= 5 leading letters
    covering most of the shorter ("injure"/"injury", "nominate"/"nomination", "elect"/"election")."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    short = min(len(a), len(b))
    return n >= 4 and n >= short - 2


def features(corpus, parsed, linker):
    """Per mention: story, doc, sentence, folded head lemma, argument heads, context entities, reporting flag."""
    from eventwire.stories.linker import REPORTING, head_lemma

    feats = {}
    for d in corpus.documents:
        doc = parsed[d.id]
        story = linker.story_of(d.id)
        for m in d.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                lemma, args, ctx, pron = m.trigger.lower(), set(), {}, False
            else:
                lemma = head_lemma(span)
                args = arguments(span.root)
                ctx = context(span.root.sent)
                pron = len(span) == 1 and span[0].pos_ in ("PRON", "DET")
            feats[m.id] = {"story": story, "doc": d.id, "sent": m.sentence_index, "lemma": lemma, "args": args,
                           "ctx": ctx, "reporting": lemma in REPORTING, "pron": pron, "start": m.start}
    return feats


def doc_vectors(corpus, parsed) -> dict[str, dict[str, float]]:
    """tf·idf of nouns, proper nouns and numbers (names ×2), L2-normalised: the story stage's document view."""
    tfs = {}
    df: dict[str, int] = defaultdict(int)
    for d in corpus.documents:
        tf: dict[str, float] = defaultdict(float)
        for t in parsed[d.id]:
            w = _content(t)
            if w and len(w) > 1:
                tf[w] += 2.0 if t.pos_ in ("PROPN", "NUM") else 1.0
        tfs[d.id] = tf
        for w in tf:
            df[w] += 1
    n = len(tfs)
    out = {}
    for k, tf in tfs.items():
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 1) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[k] = {w: v / norm for w, v in vec.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def pair_score(x, y, dcos: float, p: dict) -> float | None:
    """The hand-weighted pairwise score; None = never link."""
    if x["doc"] == y["doc"] and x["sent"] == y["sent"]:
        return None
    if x["reporting"] or y["reporting"]:
        return None
    if x["lemma"] == y["lemma"]:
        lex = 1.0
    elif p["family"] and family(x["lemma"], y["lemma"]):
        lex = p["family"]
    else:
        lex = 0.0
    a, b = x["args"], y["args"]
    arg = len(a & b) / len(a | b) if a and b else 0.0
    conflict = 0.0
    for kind in ("date", "num", "place"):
        ca, cb = x["ctx"].get(kind), y["ctx"].get(kind)
        if ca and cb and not (ca & cb):
            conflict += 1.0
    return lex + p["w_arg"] * arg + p["w_doc"] * (dcos - 0.5) - p["w_ctx"] * conflict


def cluster_story(ids: list[str], feats, vecs, p: dict, doc_cos: dict) -> list[list[str]]:
    """Average-linkage agglomerative clustering of one story's mentions, cut at p["threshold"]."""
    from scipy.cluster.hierarchy import fcluster, linkage

    # event pronouns ("which", "it") follow the mention before them, as in the linker
    ordered = sorted(ids, key=lambda m: (feats[m]["doc"], feats[m]["start"]))
    follow: dict[str, str] = {}
    prev = None
    for m in ordered:
        f = feats[m]
        if f["pron"] and prev is not None and feats[prev]["doc"] == f["doc"] and f["sent"] - feats[prev]["sent"] <= 1:
            follow[m] = follow.get(prev, prev)
            continue
        prev = m
    core = [m for m in ids if m not in follow]
    if len(core) == 1:
        groups = [core]
    else:
        n = len(core)
        dist = np.zeros((n, n))
        for i, j in itertools.combinations(range(n), 2):
            x, y = feats[core[i]], feats[core[j]]
            key = (x["doc"], y["doc"]) if x["doc"] < y["doc"] else (y["doc"], x["doc"])
            if key not in doc_cos:
                doc_cos[key] = cosine(vecs[x["doc"]], vecs[y["doc"]])
            s = pair_score(x, y, doc_cos[key], p)
            dist[i, j] = dist[j, i] = 10.0 if s is None else max(0.0, 2.0 - s)
        z = linkage(dist[np.triu_indices(n, 1)], method="average")
        labels = fcluster(z, t=2.0 - p["threshold"], criterion="distance")
        by: dict[int, list[str]] = defaultdict(list)
        for m, lab in zip(core, labels):
            by[int(lab)].append(m)
        groups = list(by.values())
    where = {m: i for i, g in enumerate(groups) for m in g}
    for m, head in follow.items():
        groups[where[head]].append(m)
    return groups


def assign(feats, vecs, p: dict, stories: dict[str, list[str]]) -> dict[str, str]:
    out = {}
    doc_cos: dict = {}
    for sid, ids in stories.items():
        for k, g in enumerate(cluster_story(ids, feats, vecs, p, doc_cos)):
            for m in g:
                out[m] = f"{sid}#{k}"
    return out


def subset(corpus, topics: set[str]):
    from eventwire.stories.ecbplus import GoldCorpus

    docs = tuple(d for d in corpus.documents if corpus.topic[d.id] in topics)
    keep = {m.id for d in docs for m in d.mentions}
    return GoldCorpus(docs, {m: c for m, c in corpus.gold.items() if m in keep},
                      {d.id: corpus.topic[d.id] for d in docs}, {d.id: corpus.subtopic[d.id] for d in docs})


def grid():
    for th, w_arg, w_doc, w_ctx, fam in itertools.product((0.3, 0.5, 0.7, 0.9), (0.0, 0.5, 1.0),
                                                          (0.0, 0.5, 1.0, 2.0), (0.0, 0.25), (0.0, 0.8)):
        yield {"threshold": th, "w_arg": w_arg, "w_doc": w_doc, "w_ctx": w_ctx, "family": fam}


def main() -> None:
    from _parse_cache import parsed_docs

    from eventwire.nlp import load_pipeline
    from eventwire.stories.ecbplus import read_ecbplus, score_assignment
    from eventwire.stories.linker import EventLinker

    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--cache", default="/tmp/ecb-dev.spacy")
    args = ap.parse_args()
    nlp = load_pipeline()
    corpus = read_ecbplus(args.path)
    docs = parsed_docs(nlp, [d.text for d in corpus.documents], Path(args.cache))
    parsed = {d.id: doc for d, doc in zip(corpus.documents, docs)}
    linker = EventLinker(nlp)
    for d in corpus.documents:
        linker.add(d, parsed[d.id])
    base = linker.assignment()
    feats = features(corpus, parsed, linker)
    vecs = doc_vectors(corpus, parsed)
    stories: dict[str, list[str]] = defaultdict(list)
    for m, f in feats.items():
        stories[f["story"]].append(m)
    topics = sorted(set(corpus.topic.values()), key=int)
    halves = {"A": set(topics[0::2]), "B": set(topics[1::2])}
    parts = {"A": subset(corpus, halves["A"]), "B": subset(corpus, halves["B"]), "all": corpus}

    def score(assignment, part):
        c = parts[part]
        return score_assignment(c, {m: assignment[m] for m in c.gold})["conll_f1"]

    result = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
              "halves": {k: sorted(v, key=int) for k, v in halves.items()},
              "default_linker": {k: round(score(base, k), 4) for k in parts}, "runs": []}
    print("default linker", result["default_linker"], flush=True)
    best = None
    for p in grid():
        a = assign(feats, vecs, p, stories)
        sa = score(a, "A")
        result["runs"].append({**p, "A": round(sa, 4)})
        if best is None or sa > best[0]:
            best = (sa, p, a)
    sa, p, a = best
    result["best_on_A"] = {**p, **{k: round(score(a, k), 4) for k in parts}}
    print("best on A", result["best_on_A"], flush=True)
    # the mirror check: tune on B, report on A
    for r in result["runs"]:
        r["B"] = round(score(assign(feats, vecs, {k: r[k] for k in p}, stories), "B"), 4)
    q = {k: v for k, v in max(result["runs"], key=lambda r: r["B"]).items() if k in p}
    aq = assign(feats, vecs, q, stories)
    result["best_on_B"] = {**q, **{k: round(score(aq, k), 4) for k in parts}}
    print("best on B", result["best_on_B"], flush=True)
    out = ROOT / "benchmarks" / "results" / "stories_ecbplus_agglo.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
