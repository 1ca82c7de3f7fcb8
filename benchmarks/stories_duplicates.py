"""Duplicate-article detection on tests/data/stories/duplicates.jsonl: pairwise precision and recall.

    .venv/bin/python benchmarks/stories_duplicates.py

A predicted duplicate pair is two records linked to the same first copy by DuplicateIndex (records added in
file order); a gold pair is two records of the same group. Also prints, per edit kind, how many copies were
found, and the highest exact Jaccard between two *different* stories (the margin under the threshold).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.stories.duplicates import THRESHOLD, DuplicateIndex, jaccard  # noqa: E402


def run(path: Path, threshold: float = THRESHOLD) -> dict:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    index = DuplicateIndex(threshold)
    first = {}
    for r in rows:
        m = index.check_and_add(r["id"], r["text"])
        first[r["id"]] = m.first if m else r["id"]
    gold = {frozenset((a["id"], b["id"])) for a, b in combinations(rows, 2) if a["group"] == b["group"]}
    pred = {frozenset((a["id"], b["id"])) for a, b in combinations(rows, 2) if first[a["id"]] == first[b["id"]]}
    hit = len(gold & pred)
    group = {r["id"]: r["group"] for r in rows}
    found = Counter(r["kind"] for r in rows if r["kind"] != "original" and first[r["id"]] == r["group"])
    total = Counter(r["kind"] for r in rows if r["kind"] != "original")
    originals = [r for r in rows if r["kind"] == "original"]
    cross = max(((jaccard(a["text"], b["text"]), a["id"], b["id"]) for a, b in combinations(originals, 2)))
    same_group = min((jaccard(a["text"], b["text"]), a["id"], b["id"]) for a, b in combinations(rows, 2)
                     if group[a["id"]] == group[b["id"]])
    return {"records": len(rows), "threshold": threshold, "gold_pairs": len(gold), "predicted_pairs": len(pred),
            "precision": round(hit / len(pred), 4) if pred else None, "recall": round(hit / len(gold), 4),
            "found_by_kind": {k: f"{found[k]}/{total[k]}" for k in sorted(total)},
            "max_jaccard_different_stories": [round(cross[0], 3), cross[1], cross[2]],
            "min_jaccard_same_story": [round(same_group[0], 3), same_group[1], same_group[2]]}


if __name__ == "__main__":
    for th in (THRESHOLD, 0.3, 0.4, 0.5):
        res = run(ROOT / "tests" / "data" / "stories" / "duplicates.jsonl", th)
        print(json.dumps(res))
