"""Actor accuracy on the shared event gold data (dev splits only).

Run: .venv/bin/python benchmarks/actors_gold.py [--out benchmarks/actors_gold_results.md] [--show-errors]

1. plover-gsr-cameo-manual/dev.jsonl: every expected source/target actor has its text span (``source_text``) and its
   country + sector. The span is found in the sentence, and the eventwire mention that overlaps it is compared:
   country accuracy, sector accuracy (null sector = country as a whole; eventwire's sector must then be empty),
   and both together. A missing mention counts as wrong.
2. petrarch2-gsr-afp/dev.jsonl: gold codes only (no spans). Actor recall = share of gold source/target codes that
   appear among the sentence's resolved mentions (exact code, and country only). ``---XXX`` codes compare on sector.
Sentences are resolved alone with the record's date (PLOVER: its placeholder date 2000-01-01). PLOVER codes every
intergovernmental organisation as IGO, so eventwire's organisation codes (UN, EU, NATO, ...) count as IGO there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared/eval"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    from eventwire.actors.codes import ORGANISATIONS
    from eventwire.actors.resolver import ActorResolver
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()
    resolver = ActorResolver(nlp)
    c: Counter[str] = Counter()
    errors = []
    seen = set()
    for line in (EVAL / "plover-gsr-cameo-manual/dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        doc = nlp(text)
        date = dt.date.fromisoformat(rec.get("source_date_placeholder") or "2000-01-01")
        mentions = resolver.resolve(doc, date)
        for ev in rec["expected"]:
            for role in ("source", "target"):
                span_text, country = ev.get(f"{role}_text"), ev.get(role)
                if not span_text or not country or (rec["id"], span_text) in seen:
                    continue
                seen.add((rec["id"], span_text))
                sector = ev.get(f"{role}_sector") or ""
                sector = sector if sector.isupper() and len(sector) == 3 else ""
                start = text.find(span_text)
                if start < 0:
                    continue
                end = start + len(span_text)
                hits = [a for a in mentions.by_head.values()
                        if a.start is not None and a.start < end and start < a.end and a.code]
                got = max(hits, key=lambda a: (min(end, a.end) - max(start, a.start), -abs(a.start - start))) if hits else None
                got_country = got.country if got else None
                if country == "IGO" and got_country in ORGANISATIONS:
                    got_country = "IGO"  # PLOVER codes every intergovernmental organisation as IGO
                got_sector = (got.sector or "") if got else ""
                c["n"] += 1
                c["country"] += got_country == country
                c["sector"] += got_sector == sector
                c["code"] += got_country == country and got_sector == sector
                if got_country != country or got_sector != sector:
                    errors.append(f"{rec['id']}\t{span_text}\t{country}{sector}\t{got.code if got else None}")
    p: Counter[str] = Counter()
    for line in (EVAL / "petrarch2-gsr-afp/dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        raw = rec.get("date") or ""
        date = dt.datetime.strptime(raw, "%Y%m%d" if len(raw) == 8 else "%y%m%d").date() if raw else None
        doc = nlp(rec["text"])
        actors = [a for a in resolver.resolve(doc, date).by_head.values() if a.code]
        codes = {a.code for a in actors}
        countries = {a.country for a in actors}
        sectors = {a.sector for a in actors if a.country is None}
        gold = {ev.get(r) for ev in (rec.get("expected") or []) for r in ("source", "target") if ev.get(r)}
        for g in gold:
            p["n"] += 1
            if g.startswith("---"):
                ok_code = ok_country = g[3:6] in sectors or ("---" + g[3:6]) in codes
            else:
                from eventwire.actors.codes import split_code

                ok_code = g in codes or (g.startswith("IGO") and any(x.startswith(("UN", "EU", "NATO", "AU", "IGO"))
                                                                       for x in codes))
                ok_country = split_code(g)[0] in countries or g[:3] in countries or ok_code
            p["code"] += ok_code
            p["country"] += ok_country
            if not ok_code:
                errors.append(f"{rec['id']}\t(gold code)\t{g}\t{sorted(codes)}")

    def pct(cnt: Counter[str], k: str) -> str:
        return f"{cnt[k]}/{cnt['n']} = {100 * cnt[k] / cnt['n']:.1f}%" if cnt["n"] else "n/a"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, check=False,
                            text=True).stdout.strip()
    report = (f"## Actor accuracy on shared gold (dev) — {dt.date.today()} (commit {commit})\n\n"
              f"plover-gsr-cameo-manual, gold actor spans ({c['n']}):\n"
              f"- country {pct(c, 'country')}; sector {pct(c, 'sector')}; country+sector {pct(c, 'code')}\n\n"
              f"petrarch2-gsr-afp, gold source/target codes found among the sentence's mentions ({p['n']}):\n"
              f"- exact code {pct(p, 'code')}; country {pct(p, 'country')}\n")
    print(report)
    if args.show_errors:
        print("\n".join(errors))
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
