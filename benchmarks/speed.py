"""Speed and memory benchmarks of eventwire on a generated wire-style corpus.

Re-run everything (about 30 minutes on a 2-core machine):

    .venv/bin/python benchmarks/speed.py --all

or one section at a time (results are merged into the same JSON file):

    .venv/bin/python benchmarks/speed.py --section limit --articles 1000
    .venv/bin/python benchmarks/speed.py --section scaling --articles 2000
    .venv/bin/python benchmarks/speed.py --section size --sizes 500,1000,2000,5000
    .venv/bin/python benchmarks/speed.py --section length
    .venv/bin/python benchmarks/speed.py --section prefilter --articles 300
    .venv/bin/python benchmarks/speed.py --section memory --stream-mb 1024
    .venv/bin/python benchmarks/speed.py --section profile --articles 150
    .venv/bin/python benchmarks/speed.py --section ruler --articles 300

Sections:
  limit      bare spaCy (tokenizer+tok2vec+tagger+parser+NER), the full spaCy pipeline, and eventwire
             end to end (read, clean, parse, code, write shards), one process, same articles. CPU seconds
             are the main measure (the machine may be shared; wall seconds are recorded too).
  scaling    `run_batch` local 1 worker, local 2 workers, Dask LocalCluster 2 workers, same articles.
  size       local 2 workers on the first 500/1000/2000/5000 articles: time and peak memory per worker.
  length     articles of 2, 5, 10, 20 and 40 sentences: seconds per article and per word, eventwire
             vs bare spaCy; a linear fit gives the per-article overhead.
  prefilter  share of sentences the prefilter blanks, events lost (recall) and time saved.
  memory     the driver's streaming path over a large JSONL file (read, partition, digest, no coding):
             peak RSS stays flat; plus the peak RSS of coding N vs 4N articles (from `size`).

Writes benchmarks/results/speed-<date>.json and .md (the markdown is regenerated from the JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

BARE = ("tok2vec", "tagger", "parser", "ner")


def _env() -> dict:
    import spacy

    from eventwire import __version__
    from eventwire.nlp import model_version

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip())
    return {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "commit": commit,
            "tree_dirty": dirty, "eventwire": __version__, "spacy": spacy.__version__, "model": model_version(),
            "python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine()}


def corpus(n: int, min_s: int = 6, max_s: int = 30, seed: int = 7, name: str | None = None) -> Path:
    """A generated corpus (cached under benchmarks/_work/corpus/, which is git-ignored)."""
    path = HERE / "_work" / "corpus" / (name or f"synthetic-{n}-{min_s}-{max_s}-s{seed}.jsonl")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--articles", str(n), "--min-sentences",
                        str(min_s), "--max-sentences", str(max_s), "--seed", str(seed), "--out", str(path)],
                       check=True)
    return path


def head(path: Path, n: int) -> Path:
    out = Path(tempfile.mkdtemp(prefix="ew-bench-")) / f"{path.stem}-{n}.jsonl"
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def load_articles(path: Path) -> list:
    from eventwire.reading import iter_path

    return [a for a in iter_path(path)]


def words(articles: list) -> int:
    return sum(len(a.text.split()) for a in articles)


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


def timed(fn) -> tuple[float, float, object]:
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


# ---- sections ----------------------------------------------------------------------------------
def bare_spacy(texts: list[str], batch_size: int = 64, full: bool = False) -> tuple[float, float]:
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()
    disable = [] if full else [p for p in nlp.pipe_names if p not in BARE]
    with nlp.select_pipes(disable=disable):
        wall, cpu, _ = timed(lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size)))
    return wall, cpu


def eventwire_inline(path: Path, out: Path, **kw) -> tuple[float, float, object]:
    from eventwire.batch import run_batch

    return timed(lambda: run_batch([path], out, redo=True, **kw))


def warm_up() -> None:
    """Load the model and dictionaries and run one small batch, so lazy first-use costs
    (date parser tables, matcher caches) are not charged to the first measurement."""
    with tempfile.TemporaryDirectory() as tmp:
        from eventwire.batch import run_batch

        run_batch([head(corpus(5000), 20)], tmp, redo=True)


def section_limit(n: int, chunk: int = 100) -> dict:
    """Bare spaCy, full spaCy and eventwire on the same articles, interleaved chunk by chunk.

    Interleaving (bare, full, eventwire on chunk 1, then on chunk 2, ...) exposes the three to the same
    machine load, which matters on a shared machine; the ratio is also given as the median of the
    per-chunk ratios. eventwire here is ``Coder.code_many`` (clean, parse, code) plus serialising the
    events to JSONL, the work a batch worker does per partition.
    """
    from eventwire.coding import default_coder

    coder = default_coder()  # load model and dictionaries before timing anything
    warm_up()
    path = head(corpus(5000), n)
    arts = load_articles(path)
    bare_spacy([a.text for a in arts[:20]])  # warm up
    res = {"articles": len(arts), "words": words(arts), "chunk": chunk, "loadavg_before": loadavg()}
    tot = {"bare_spacy": [0.0, 0.0], "full_spacy": [0.0, 0.0], "eventwire": [0.0, 0.0]}
    ratios, events = [], 0
    for i in range(0, len(arts), chunk):
        part = arts[i:i + chunk]
        texts = [a.text for a in part]
        for label, full in (("bare_spacy", False), ("full_spacy", True)):
            wall, cpu = bare_spacy(texts, full=full)
            tot[label][0] += wall
            tot[label][1] += cpu
            if label == "bare_spacy":
                bare_cpu = cpu

        def run() -> int:
            out = [e.to_json() for c in coder.code_many(part, batch_size=64) for e in c.events]
            return len(out)

        wall, cpu, n_ev = timed(run)
        events += n_ev
        tot["eventwire"][0] += wall
        tot["eventwire"][1] += cpu
        ratios.append(cpu / bare_cpu)
    for k, (wall, cpu) in tot.items():
        res[k] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "articles_per_cpu_s": round(res["articles"] / cpu, 2),
                  "words_per_cpu_s": round(res["words"] / cpu, 1)}
    res["eventwire"]["events"] = events
    ratios.sort()
    res["ratio_cpu_eventwire_vs_bare"] = round(tot["eventwire"][1] / tot["bare_spacy"][1], 3)
    res["ratio_cpu_median_of_chunks"] = round(ratios[len(ratios) // 2], 3)
    res["ratio_cpu_eventwire_vs_full"] = round(tot["eventwire"][1] / tot["full_spacy"][1], 3)
    res["ratio_wall_eventwire_vs_bare"] = round(tot["eventwire"][0] / tot["bare_spacy"][0], 3)
    res["loadavg_after"] = loadavg()
    res["components_cpu_s"] = component_profile(arts[:150])
    return res


def component_profile(arts: list) -> dict:
    """CPU seconds per pipeline component and for eventwire's own coding, on the same docs."""
    from eventwire.clean import clean_text
    from eventwire.coding import default_coder

    coder = default_coder()
    nlp = coder.nlp
    out: dict[str, float] = {}
    c = time.process_time()
    texts = [clean_text(a.text) for a in arts]
    out["clean"] = time.process_time() - c
    c = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    out["tokenizer"] = time.process_time() - c
    for name, proc in nlp.pipeline:
        c = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))
        out[name] = time.process_time() - c
    c = time.process_time()
    for a, d in zip(arts, docs):
        coder._code_doc(a, d.text, d)
    out["eventwire_coding"] = time.process_time() - c
    return {"articles": len(arts), **{k: round(v, 3) for k, v in out.items()}}


def section_scaling(n: int) -> dict:
    from eventwire.batch import run_batch

    from eventwire.coding import default_coder

    default_coder()  # the inline engine uses this process's coder: load it before timing
    warm_up()
    path = head(corpus(5000), n)
    res = {"articles": n, "runs": []}
    for engine, workers in (("local", 1), ("local", 2), ("dask", 2)):
        marks: list[tuple[float, int]] = []
        with tempfile.TemporaryDirectory() as tmp:
            la = loadavg()
            wall, cpu, rep = timed(lambda: run_batch(
                [path], tmp, engine=engine, workers=workers, partition_size=50, redo=True,
                on_outcome=lambda o, _r: marks.append((time.perf_counter(), o.result.articles if o.result else 0))))
        row = _run_row(engine, workers, wall, cpu, rep, la)
        # Steady state: articles finished after the first partition(s) came back, over the time that took.
        # This leaves out start-up (spawning workers, loading a model in each), which a long run amortises.
        skip = min(workers, len(marks) - 1)
        span = marks[-1][0] - marks[skip - 1][0] if skip else 0
        row["steady_articles_per_s"] = round(sum(a for _, a in marks[skip:]) / span, 2) if span > 0 else None
        row["startup_s"] = round(marks[0][0] - (marks[-1][0] - wall), 1) if marks else None
        res["runs"].append(row)
    base = res["runs"][0]["wall_s"]
    base_steady = res["runs"][0]["steady_articles_per_s"]
    for r in res["runs"]:
        r["speedup_vs_1_worker"] = round(base / r["wall_s"], 2)
        if base_steady and r["steady_articles_per_s"]:
            r["steady_speedup_vs_1_worker"] = round(r["steady_articles_per_s"] / base_steady, 2)
    return res


def _run_row(engine: str, workers: int, wall: float, cpu: float, rep, la: float) -> dict:
    worker_cpu = rep.worker_cpu_seconds  # measured inside code_partition, the same way for every engine
    return {"engine": engine, "workers": workers, "articles": rep.articles, "words": rep.words,
            "events": rep.events, "wall_s": round(wall, 2), "articles_per_s": round(rep.articles / wall, 2),
            "words_per_s": round(rep.words / wall, 1), "worker_cpu_s": round(worker_cpu, 2),
            "articles_per_cpu_s": round(rep.articles / worker_cpu, 2),
            "words_per_cpu_s": round(rep.words / worker_cpu, 1), "driver_cpu_s": round(cpu, 2),
            "peak_rss_mb_per_worker": sorted(rep.peak_rss_mb.values()), "failed": len(rep.failed),
            "loadavg_before": la}


def section_size(sizes: list[int]) -> dict:
    from eventwire.batch import run_batch

    full = corpus(5000)
    res = {"runs": []}
    for n in sizes:
        path = head(full, n)
        with tempfile.TemporaryDirectory() as tmp:
            la = loadavg()
            wall, cpu, rep = timed(lambda: run_batch([path], tmp, workers=2, partition_size=100, redo=True))
        res["runs"].append(_run_row("local", 2, wall, cpu, rep, la))
    return res


def section_length(n: int, lengths: list[int]) -> dict:
    warm_up()
    res = {"articles_per_length": n, "runs": []}
    for k in lengths:
        path = corpus(n, k, k, seed=11, name=f"length-{k}-n{n}.jsonl")
        arts = load_articles(path)
        texts = [a.text for a in arts]
        _, bare_cpu = bare_spacy(texts)
        with tempfile.TemporaryDirectory() as tmp:
            _, ew_cpu, rep = eventwire_inline(path, Path(tmp), partition_size=250)
        w = words(arts)
        res["runs"].append({"sentences": k, "articles": len(arts), "words_per_article": round(w / len(arts), 1),
                            "bare_ms_per_article": round(1000 * bare_cpu / len(arts), 2),
                            "eventwire_ms_per_article": round(1000 * ew_cpu / len(arts), 2),
                            "bare_us_per_word": round(1e6 * bare_cpu / w, 1),
                            "eventwire_us_per_word": round(1e6 * ew_cpu / w, 1),
                            "ratio": round(ew_cpu / bare_cpu, 3)})
    xs = [r["words_per_article"] for r in res["runs"]]
    for key in ("bare", "eventwire"):
        ys = [r[f"{key}_ms_per_article"] for r in res["runs"]]
        slope, intercept = _fit(xs, ys)
        res[f"{key}_fit"] = {"ms_per_word": round(slope, 4), "ms_per_article_fixed": round(intercept, 2)}
    return res


def section_ruler(n: int) -> dict:
    """CPU of spaCy's stock attribute_ruler vs eventwire's cached one on the same parsed docs, interleaved."""
    from eventwire.clean import clean_text
    from eventwire.coding import default_coder

    nlp = default_coder().nlp
    cached = nlp.get_pipe("attribute_ruler")
    stock = getattr(cached, "ruler", cached)
    arts = load_articles(head(corpus(5000), n))
    names = [p for p in nlp.pipe_names if p not in ("attribute_ruler", "lemmatizer", "ner")]
    with nlp.select_pipes(enable=names):
        docs = list(nlp.pipe([clean_text(a.text) for a in arts], batch_size=64))
    out = {"articles": n, "stock_cpu_s": 0.0, "cached_cpu_s": 0.0}
    for i in range(0, len(docs), 25):
        for key, proc in (("stock_cpu_s", stock), ("cached_cpu_s", cached)):
            c = time.process_time()
            for d in docs[i:i + 25]:
                proc(d)
            out[key] += time.process_time() - c
    out = {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}
    out["speedup"] = round(out["stock_cpu_s"] / out["cached_cpu_s"], 1)
    return out


def section_profile(n: int, out: Path) -> dict:
    """cProfile of eventwire's own coding (docs parsed beforehand), top functions by cumulative time."""
    import cProfile
    import io
    import pstats

    from eventwire.clean import clean_text
    from eventwire.coding import default_coder

    coder = default_coder()
    warm_up()
    arts = load_articles(head(corpus(5000), n))
    docs = list(coder.nlp.pipe([clean_text(a.text) for a in arts], batch_size=64))
    prof = cProfile.Profile()
    prof.enable()
    for a, d in zip(arts, docs):
        coder._code_doc(a, d.text, d)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(30)
    text = buf.getvalue()
    out.write_text(text, encoding="utf-8")
    return {"articles": n, "file": out.name}


def _fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return slope, my - slope * mx


def section_prefilter(n: int, path: Path | None = None) -> dict:
    """Share of sentences the prefilter blanks and the events it loses, on the synthetic corpus or on ``path``
    (JSONL articles with ``text``; e.g. real news sentences, since every synthetic sentence names an actor)."""
    from eventwire.batch import read_shard_events
    from eventwire.batch.prefilter import _SENTENCE, default_prefilter

    warm_up()
    path = head(path, n) if path else head(corpus(5000), n)
    arts = load_articles(path)
    pf = default_prefilter()
    sents = [m.group(0) for a in arts for m in _SENTENCE.finditer(a.text) if m.group(0).strip()]
    blanked = sum(not pf.keep(s) for s in sents)
    out: dict = {"input": str(path.name), "articles": len(arts), "sentences": len(sents), "sentences_blanked": blanked,
                 "share_blanked": round(blanked / len(sents), 4)}
    keys = {}
    for flag in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            _, cpu, rep = eventwire_inline(path, Path(tmp), partition_size=250, prefilter=flag)
            keys[flag] = {(e["article_id"], e["sentence"].strip(), (e["source"] or {}).get("code"),
                           (e["target"] or {}).get("code"), e["cameo"], e["trigger"])
                          for p in sorted(Path(tmp).glob("part-*")) for e in read_shard_events(p)}
        out["prefilter_on" if flag else "prefilter_off"] = {"cpu_s": round(cpu, 2), "events": rep.events}
    kept = len(keys[False] & keys[True])
    out["recall_vs_off"] = round(kept / len(keys[False]), 4) if keys[False] else None
    out["extra_events"] = len(keys[True] - keys[False])
    return out


def section_memory(stream_mb: float) -> dict:
    """Driver streaming over a big file (no coding) in a fresh process; RSS sampled as it goes."""
    big = HERE / "_work" / "corpus" / f"stream-{int(stream_mb)}mb.jsonl"
    if not big.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--target-mb", str(stream_mb), "--out",
                        str(big)], check=True)
    code = (
        "import json,resource,sys,time\n"
        "from eventwire.reading import iter_paths\n"
        "from eventwire.batch.partition import partitions\n"
        "def rss():\n"
        "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024\n"
        "t=time.perf_counter(); n=a=0; samples=[]\n"
        "for p in partitions(iter_paths([sys.argv[1]]), 500):\n"
        "    n+=1; a+=len(p.articles)\n"
        "    if n == 1 or n % 100 == 0: samples.append([a, round(rss(),1)])\n"
        "print(json.dumps({'articles': a, 'partitions': n, 'seconds': round(time.perf_counter()-t,1),"
        " 'peak_rss_mb': round(rss(),1), 'rss_by_articles_read': samples}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=True)
    res = json.loads(proc.stdout)
    res["file_mb"] = round(big.stat().st_size / 2**20, 1)
    return res


# ---- report ------------------------------------------------------------------------------------
def write_markdown(data: dict, path: Path) -> None:
    L = [f"# eventwire speed benchmarks ({data['env']['date'][:10]})", "",
         "Produced by `benchmarks/speed.py` (re-run it to reproduce; corpus from `benchmarks/make_corpus.py`).",
         "", "```", json.dumps(data["env"], indent=1), "```", "",
         "Each section was run separately; its own date and commit (the working tree was shared with other "
         "engineers, hence `tree_dirty`):", ""]
    for sec, env in data.get("env_by_section", {}).items():
        L.append(f"- `{sec}`: {env['date']}, commit {env['commit']}")
    L += ["", "The load average before and after each run is in the tables: when it is well above the number of "
          "cores, the machine was shared, CPU seconds are the measure to trust and wall-clock times are "
          "indicative only.", ""]
    if "limit" in data:
        r = data["limit"]
        L += ["## The limit: eventwire vs the bare spaCy pipeline (1 process)", "",
              f"{r['articles']} articles, {r['words']:,} words. Bare spaCy = tokenizer+tok2vec+tagger+parser+NER; "
              "full spaCy adds attribute_ruler+lemmatizer (eventwire needs lemmas). eventwire = clean, parse, code, "
              "serialise events (Coder.code_many + to_json).", "",
              "| pipeline | CPU s | wall s | articles/s per core | words/s per core |", "|---|---|---|---|---|"]
        for k in ("bare_spacy", "full_spacy", "eventwire"):
            x = r[k]
            L.append(f"| {k} | {x['cpu_s']} | {x['wall_s']} | {x['articles_per_cpu_s']} | {x['words_per_cpu_s']:,} |")
        L += ["", f"**eventwire / bare spaCy = {r['ratio_cpu_eventwire_vs_bare']}x CPU** (median of "
              f"{r.get('chunk', '-')}-article chunks, run interleaved: {r.get('ratio_cpu_median_of_chunks', '-')}x) "
              f"(vs full spaCy pipeline {r['ratio_cpu_eventwire_vs_full']}x; wall {r['ratio_wall_eventwire_vs_bare']}x; "
              f"load average {r['loadavg_before']} → {r['loadavg_after']}).", ""]
        comp = r["components_cpu_s"]
        L += [f"Where the CPU goes ({comp['articles']} articles, seconds):", "",
              "| " + " | ".join(k for k in comp if k != "articles") + " |",
              "|" + "---|" * (len(comp) - 1), "| " + " | ".join(str(v) for k, v in comp.items() if k != "articles") + " |", ""]
    if "ruler" in data:
        r = data["ruler"]
        L += ["## spaCy's attribute_ruler vs the cached one (same parsed docs)", "",
              f"{r['articles']} articles: stock {r['stock_cpu_s']} CPU s, cached {r['cached_cpu_s']} CPU s "
              f"({r['speedup']}x less).", ""]
    if "scaling" in data:
        L += ["## Scaling: 1 vs 2 workers, Dask vs local", "", f"{data['scaling']['articles']} articles.", ""]
        L += _run_table(data["scaling"]["runs"], speedup=True)
        if all("steady_articles_per_s" in r for r in data["scaling"]["runs"]):
            L += ["Steady state (after the first partition per worker came back; leaves out start-up):", "",
                  "| engine | workers | steady articles/s | steady speedup vs 1 worker | time to first partition s |",
                  "|---|---|---|---|---|"]
            for r in data["scaling"]["runs"]:
                L.append(f"| {r['engine']} | {r['workers']} | {r['steady_articles_per_s']} | "
                         f"{r.get('steady_speedup_vs_1_worker', '-')} | {r['startup_s']} |")
            L.append("")
    if "size" in data:
        L += ["## Cost vs corpus size (local, 2 workers)", ""] + _run_table(data["size"]["runs"])
    if "length" in data:
        r = data["length"]
        L += ["## Cost vs article length (1 process, CPU)", "",
              "| sentences | words/article | bare ms/article | eventwire ms/article | bare µs/word | "
              "eventwire µs/word | ratio |", "|---|---|---|---|---|---|---|"]
        for x in r["runs"]:
            L.append(f"| {x['sentences']} | {x['words_per_article']} | {x['bare_ms_per_article']} | "
                     f"{x['eventwire_ms_per_article']} | {x['bare_us_per_word']} | {x['eventwire_us_per_word']} | "
                     f"{x['ratio']} |")
        L += ["", f"Linear fit, ms per article = a + b × words: bare spaCy a = {r['bare_fit']['ms_per_article_fixed']}, "
              f"b = {r['bare_fit']['ms_per_word']}; eventwire a = {r['eventwire_fit']['ms_per_article_fixed']}, "
              f"b = {r['eventwire_fit']['ms_per_word']}.", ""]
    if "prefilter" in data:
        r = data["prefilter"]
        L += ["## Prefilter", "", f"{r['articles']} articles, {r['sentences']} sentences: the prefilter blanks "
              f"{r['sentences_blanked']} ({100 * r['share_blanked']:.1f}%). Events: off {r['prefilter_off']['events']}, "
              f"on {r['prefilter_on']['events']}; recall vs off {r['recall_vs_off']}; CPU off "
              f"{r['prefilter_off']['cpu_s']} s, on {r['prefilter_on']['cpu_s']} s.", ""]
    if "memory" in data:
        r = data["memory"]
        L += ["## Bounded memory", "", f"Driver streaming path over a {r['file_mb']} MB JSONL file ({r['articles']:,} "
              f"articles, {r['partitions']} partitions, {r['seconds']} s, no coding): peak RSS {r['peak_rss_mb']} MB.",
              "", "| articles read | peak RSS so far (MB) |", "|---|---|"]
        samples = r["rss_by_articles_read"]
        step = max(1, len(samples) // 8)
        for a, m in samples[::step] + samples[-1:]:
            L.append(f"| {a:,} | {m} |")
        L.append("")
    path.write_text("\n".join(L), encoding="utf-8")


def _run_table(runs: list[dict], speedup: bool = False) -> list[str]:
    head_ = ("| engine | workers | articles | wall s | articles/s | words/s | articles/s per core (CPU) | "
             "words/s per core | peak RSS per worker (MB) | load avg |" + (" speedup |" if speedup else ""))
    L = [head_, "|" + "---|" * (10 + speedup)]
    for r in runs:
        L.append(f"| {r['engine']} | {r['workers']} | {r['articles']} | {r['wall_s']} | {r['articles_per_s']} | "
                 f"{r['words_per_s']:,} | {r['articles_per_cpu_s']} | {r['words_per_cpu_s']:,} | "
                 f"{', '.join(str(x) for x in r['peak_rss_mb_per_worker'])} | {r['loadavg_before']} |"
                 + (f" {r['speedup_vs_1_worker']} |" if speedup else ""))
    return L + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--section", action="append", choices=["limit", "scaling", "size", "length", "prefilter", "memory", "profile", "ruler"])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--prefilter-input", type=Path, default=None,
                    help="JSONL articles for --section prefilter instead of the synthetic corpus")
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--stream-mb", type=float, default=1024)
    ap.add_argument("--sizes", default="500,1000,2000,5000", help="corpus sizes for --section size")
    ap.add_argument("--out", type=Path, default=HERE / "results" / f"speed-{dt.date.today().isoformat()}.json")
    args = ap.parse_args()
    sections = ["limit", "scaling", "size", "length", "prefilter", "memory"] if args.all else (args.section or [])
    data = json.loads(args.out.read_text()) if args.out.exists() else {}
    for s in sections:
        print(f"[speed] {s} ...", file=sys.stderr, flush=True)
        if s == "limit":
            data[s] = section_limit(args.articles or 1000)
        elif s == "scaling":
            data[s] = section_scaling(args.articles or 2000)
        elif s == "size":
            data[s] = section_size([int(x) for x in args.sizes.split(",")])
        elif s == "length":
            data[s] = section_length(args.articles or 100, [2, 5, 10, 20, 40])
        elif s == "prefilter":
            data[s] = section_prefilter(args.articles or 300, args.prefilter_input)
        elif s == "memory":
            data[s] = section_memory(args.stream_mb)
        elif s == "ruler":
            data[s] = section_ruler(args.articles or 300)
        elif s == "profile":
            data[s] = section_profile(args.articles or 150, args.out.with_name(args.out.stem + "-profile.txt"))
        data["env"] = _env()
        data.setdefault("env_by_section", {})[s] = data["env"]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=1), encoding="utf-8")
        write_markdown(data, args.out.with_suffix(".md"))
        print(json.dumps(data[s])[:2000], file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
