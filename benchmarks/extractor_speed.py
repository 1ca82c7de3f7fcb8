"""CPU time of EventExtractor.extract alone, on pre-parsed articles, against an older revision of the extractor.

Usage: .venv/bin/python benchmarks/extractor_speed.py [--articles 150] [--against REV]

Parses the first N articles of the generated corpus once (benchmarks/make_corpus.py, as speed.py), resolves
their actors, then times ``extract`` over every sentence with the current extractor and with
``src/eventwire/events/extractor.py`` as it was at REV (loaded from git into a temporary module), alternating,
best of 3 CPU seconds each, and checks that both give the same candidates.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def old_extractor(rev: str):  # type: ignore[no-untyped-def]
    """The EventExtractor class of ``rev`` (relative imports made absolute)."""
    text = subprocess.run(["git", "show", f"{rev}:src/eventwire/events/extractor.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    text = text.replace("from ..", "from eventwire.").replace("from .lexicon", "from eventwire.events.lexicon")
    path = Path(tempfile.mkdtemp(prefix="ew-extractor-")) / "old_extractor.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_extractor", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["old_extractor"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.EventExtractor


def signature(cands) -> list:  # type: ignore[no-untyped-def]
    return [(c.trigger.i, c.cameo, c.source and c.source.code, c.target and c.target.code, c.modality, c.negated,
             sorted(c.evidence.items())) for c in cands]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--against", default="HEAD")
    args = ap.parse_args()
    from speed import corpus, head, load_articles

    from eventwire.coding import Coder

    arts = load_articles(head(corpus(5000), args.articles))
    coder = Coder()
    docs = list(coder.nlp.pipe([coder._prepare(a) for a in arts], batch_size=32))
    sents = [(s, m) for a, doc in zip(arts, docs) for m in [coder.actors.resolve(doc, a.date)] for s in doc.sents]
    new = coder.extractor
    old = old_extractor(args.against)(new.lexicon)
    same = all(signature(new.extract(s, m)) == signature(old.extract(s, m)) for s, m in sents)
    best = {"current": 1e9, args.against: 1e9}
    for _ in range(3):
        for label, ex in (("current", new), (args.against, old)):
            t0 = time.process_time()
            for s, m in sents:
                ex.extract(s, m)
            best[label] = min(best[label], time.process_time() - t0)
    print(f"{len(arts)} articles, {len(sents)} sentences; identical candidates: {same}")
    for label, secs in best.items():
        print(f"{label:>10}: {secs:.3f} CPU s (best of 3)")
    print(f"speed-up: {best[args.against] / best['current']:.2f}x")


if __name__ == "__main__":
    main()
