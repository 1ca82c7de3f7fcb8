"""Score eventwire.dates on tempeval3 dev (scoring as in ../shared/eval/tempeval3/README.md).

Predictions: eventwire.dates.temporal_expressions (spaCy DATE spans + 'now'-words, resolved with the
news rules against the document creation time). Spans: relaxed (overlap) and strict P/R/F1 against gold DATE
TIMEX3. Value: among relaxed-matched spans, exact TIMEX3 value; value F1 uses correct / predictions and
correct / gold. Usage: python benchmarks/time_tempeval3.py [--show N]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
from pathlib import Path

from _parse_cache import parsed_docs  # benchmarks/ is on sys.path when this script runs

from eventwire.dates import temporal_expressions
from eventwire.nlp import load_pipeline

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tempeval3" / "dev.jsonl"


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the parsed documents in this .spacy file (parse once, score many times)")
    args = ap.parse_args()
    nlp = load_pipeline()
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    n_pred = n_gold = relaxed_hit_gold = relaxed_hit_pred = strict = correct = 0
    wrong: collections.Counter = collections.Counter()
    shown = 0
    docs = parsed_docs(nlp, [row["text"] for row in rows], args.cache)
    for row, doc in zip(rows, docs):
        pub = dt.date.fromisoformat(row["date"])
        preds = [(s.start_char, s.end_char, r.value, s.text) for s, r in temporal_expressions(doc, pub)]
        gold = [g for g in row["expected"] if g["type"] == "DATE"]
        others = [g for g in row["expected"] if g["type"] != "DATE"]
        # predictions that only overlap a non-DATE gold TIMEX are scored in those types, not here
        preds = [p for p in preds if not (any(p[0] < g["end"] and g["start"] < p[1] for g in others)
                                          and not any(p[0] < g["end"] and g["start"] < p[1] for g in gold))]
        n_pred += len(preds)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            match = [i for i, p in enumerate(preds) if p[0] < g["end"] and g["start"] < p[1] and i not in used]
            if not match:
                if shown < args.show:
                    shown += 1
                    print("MISS", repr(g["span"]), g["value"], row["date"])
                continue
            i = match[0]
            used.add(i)
            relaxed_hit_gold += 1
            strict += preds[i][0] == g["start"] and preds[i][1] == g["end"]
            if preds[i][2] == g["value"]:
                correct += 1
            else:
                wrong[(g["span"].lower(), g["value"][:4] if g["value"][:1].isdigit() else g["value"])] += 0
                if shown < args.show:
                    shown += 1
                    print("VALUE", repr(g["span"]), "gold", g["value"], "pred", preds[i][2], repr(preds[i][3]),
                          row["date"])
        relaxed_hit_pred += len(used)
    p_rel, r_rel = relaxed_hit_pred / max(n_pred, 1), relaxed_hit_gold / max(n_gold, 1)
    p_str, r_str = strict / max(n_pred, 1), strict / max(n_gold, 1)
    p_val, r_val = correct / max(n_pred, 1), correct / max(n_gold, 1)
    res = {
        "documents": len(rows), "gold_DATE": n_gold, "predicted": n_pred,
        "span_relaxed": {"P": round(p_rel, 3), "R": round(r_rel, 3), "F1": round(f1(p_rel, r_rel), 3)},
        "span_strict": {"P": round(p_str, 3), "R": round(r_str, 3), "F1": round(f1(p_str, r_str), 3)},
        "value": {"P": round(p_val, 3), "R": round(r_val, 3), "F1": round(f1(p_val, r_val), 3),
                  "accuracy_on_matched": round(correct / max(relaxed_hit_gold, 1), 3)},
    }
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
