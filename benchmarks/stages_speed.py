"""CPU time of the quote, place and date stages of the coder, on generated articles parsed beforehand.

    .venv/bin/python benchmarks/stages_speed.py [--articles 150] [--cache parsed.spacy] [--profile]

Times ``QuoteFinder.find`` (and its ``_indirect`` part), ``PlaceFinder.mentions`` and ``coding._date_spans``
inside ``Coder._code_doc``: best of 5 runs after a warm-up, with the docs' caches cleared before each run. It
prints a digest of the events and quotes, so that two versions can be checked for identical output. To compare
with an earlier commit: ``git archive <commit> src/eventwire | tar -x -C /tmp/old`` and run this script with
``PYTHONPATH=/tmp/old/src``. ``--profile`` adds cProfile cumulative times (the profiler inflates calls that
build spaCy Token objects and the garbage collector's runs, so its figures vary a lot between runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed  # noqa: E402  (the corpus helpers of the speed benchmark)

STAGES = (("quotes", "QuoteFinder", "find"), ("quotes", "QuoteFinder", "_indirect"),
          ("places", "PlaceFinder", "mentions"), ("coding", None, "_date_spans"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--cache", type=Path, default=None, help="keep the parsed docs in this DocBin file")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    import importlib

    from spacy.tokens import DocBin

    from eventwire.clean import clean_text
    from eventwire.coding import default_coder

    coder = default_coder()
    arts = speed.load_articles(speed.head(speed.corpus(5000), args.articles))
    texts = [clean_text(a.text) for a in arts]
    if args.cache is not None and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(coder.nlp.vocab))
    else:
        docs = list(coder.nlp.pipe(texts, batch_size=64))
        if args.cache is not None:
            DocBin(docs=docs, store_user_data=False).to_disk(args.cache)
    spent: dict[str, float] = {}

    def timed(owner: object, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def wrapper(*a: object, **k: object) -> object:
            c = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - c

        setattr(owner, name, wrapper)

    for module, cls, name in STAGES:
        mod = importlib.import_module(f"eventwire.{module}")
        timed(getattr(mod, cls) if cls else mod, name, f"{module}.{name}")

    def run() -> list:
        for d in docs:
            d.user_data.clear()
        return [coder._code_doc(a, d.text, d) for a, d in zip(arts, docs)]

    best: dict[str, float] = {}
    outs = run()  # warm-up: gazetteer, dictionaries, memos
    for _ in range(5):
        spent.clear()
        c = time.process_time()
        outs = run()
        total = time.process_time() - c
        for k, v in [*spent.items(), ("_code_doc, all stages", total)]:
            best[k] = min(best.get(k, float("inf")), v)
    digest = hashlib.sha256(json.dumps([[dataclasses.asdict(e) for e in o.events] +
                                        [dataclasses.asdict(q) for q in o.quotes] for o in outs],
                                       default=str, sort_keys=True).encode()).hexdigest()[:16]
    print(f"{len(docs)} articles, output digest {digest}; CPU seconds, best of 5 after a warm-up:")
    for k, v in best.items():
        print(f"  {k:<24} {v:6.3f}")
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        run()
        prof.disable()
        for (fn, _line, name), (_cc, nc, _tt, ct, _callers) in sorted(pstats.Stats(prof).stats.items(),
                                                                    key=lambda kv: -kv[1][3]):
            if any(fn.endswith(f"{m}.py") and name == n for m, _c, n in STAGES):
                print(f"  profiled {Path(fn).name}:{name:<12} calls {nc:6d} cumtime {ct:6.3f} s")


if __name__ == "__main__":
    main()
