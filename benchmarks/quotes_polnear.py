"""Score eventwire.quotes on polnear-quotes dev (scoring as in ../shared/eval/polnear-quotes/README.md).

A predicted quote matches a gold attribution when the content spans overlap; the speaker is right when the
predicted speaker span overlaps the gold source. Direct quotes = gold contents containing a quotation mark.
Usage: python benchmarks/quotes_polnear.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _parse_cache import parsed_docs  # benchmarks/ is on sys.path when this script runs

from eventwire.actors.resolver import ActorResolver
from eventwire.nlp import load_pipeline
from eventwire.quotes import find_quotes

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-quotes" / "dev.jsonl"
QMARKS = '"\u201c\u201d'


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print N misses / false positives")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the parsed documents in this .spacy file (parse once, score many times)")
    args = ap.parse_args()
    nlp = load_pipeline()
    resolver = ActorResolver(nlp)
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    pred_direct = tp_direct_pred = gold_direct = hit_direct = spk_direct = 0
    gold_all = hit_all = spk_all = pred_all = tp_all_pred = 0
    shown = 0
    import datetime as dt
    docs = parsed_docs(nlp, [row["text"] for row in rows], args.cache)
    for row, doc in zip(rows, docs):
        mentions = resolver.resolve(doc, dt.date.fromisoformat(row["date"]) if row.get("date") else None)
        quotes = find_quotes(doc, mentions)
        gold = [g for g in row["expected"] if "content" in g]
        gspans = [(g["content"]["start"], g["content"]["end"]) for g in gold]
        for q in quotes:
            pred_all += 1
            ok = any(overlap((q.start, q.end), s) for s in gspans)
            tp_all_pred += ok
            if q.direct:
                pred_direct += 1
                tp_direct_pred += ok
                if not ok and shown < args.show:
                    shown += 1
                    print("FP:", q.text[:120], "|", q.speaker.text if q.speaker else None)
        for g in gold:
            gs = (g["content"]["start"], g["content"]["end"])
            is_direct = any(c in g["content"]["span"] for c in QMARKS)
            match = [q for q in quotes if overlap((q.start, q.end), gs)]
            if is_direct:
                match_d = [q for q in match if q.direct] or match
            else:
                match_d = match
            spk = bool(g.get("source")) and any(
                q.speaker is not None and q.speaker.start is not None
                and overlap((q.speaker.start, q.speaker.end), (g["source"]["start"], g["source"]["end"]))
                for q in match_d)
            gold_all += 1
            hit_all += bool(match)
            spk_all += bool(match) and spk
            if is_direct:
                gold_direct += 1
                dmatch = [q for q in match if q.direct]
                hit_direct += bool(dmatch)
                spk_direct += bool(dmatch) and spk
                if not dmatch and shown < args.show:
                    shown += 1
                    print("MISS:", g["content"]["span"][:120], "|", (g.get("source") or {}).get("span"))
    res = {
        "articles": len(rows),
        "direct_precision": round(tp_direct_pred / max(pred_direct, 1), 3),
        "direct_recall": round(hit_direct / max(gold_direct, 1), 3),
        "direct_speaker_right": round(spk_direct / max(hit_direct, 1), 3),
        "all_recall": round(hit_all / max(gold_all, 1), 3),
        "all_precision": round(tp_all_pred / max(pred_all, 1), 3),
        "all_speaker_right": round(spk_all / max(hit_all, 1), 3),
        "counts": {"gold_direct": gold_direct, "pred_direct": pred_direct, "gold_all": gold_all, "pred_all": pred_all},
    }
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
