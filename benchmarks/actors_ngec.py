"""Actor resolution accuracy on ../shared/eval/ngec-actor-resolution-tests/dev.jsonl.

Run: .venv/bin/python benchmarks/actors_ngec.py [--out benchmarks/actors_ngec_results.md] [--show-errors]

Scoring (see the dataset README): cases with method agent_to_code / short_text_to_agent / search_nat.
- country: over cases asserting ``country``; "" expects no country. eventwire organisation codes are mapped to
  NGEC's conventions (UN → UNO, EU → EUR, every other organisation → IGO).
- sector: over cases asserting ``code_1``; "" expects a country with no sector.
- PLOVER renames two sectors: eventwire/CAMEO HLH (health) is scored as MED, MED (media) as JRN.
- unresolved: cases with ``expect_unresolved`` count as right when eventwire returns no code.
Dates: "today" is taken as 2025-08-13 (the date of the NGEC test file's commit); other dates go through dateparser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/eval/ngec-actor-resolution-tests/dev.jsonl"
TODAY = dt.date(2025, 8, 13)
METHODS = ("agent_to_code", "short_text_to_agent", "search_nat")
ORG_TO_NGEC = {"UN": "UNO", "EU": "EUR"}
# CAMEO/Phoenix sector codes whose PLOVER (NGEC) names differ: health is MED in PLOVER, media is JRN.
SECTOR_TO_NGEC = {"HLH": "MED", "MED": "JRN"}


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    if value.strip().lower() == "today":
        return TODAY
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def ngec_country(country: str | None) -> str:
    from eventwire.actors.codes import ORGANISATIONS

    if not country:
        return ""
    if country in ORG_TO_NGEC:
        return ORG_TO_NGEC[country]
    if country in ORGANISATIONS:
        return "IGO"
    return country


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: this benchmark needs ../shared/eval beside the project")
    from eventwire.actors.resolver import ActorResolver
    from eventwire.nlp import load_pipeline

    resolver = ActorResolver(load_pipeline())
    counts: Counter[str] = Counter()
    errors = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["method"] not in METHODS:
            continue
        actor = resolver.resolve_phrase(rec["text"], parse_date(rec["date"]), context=rec.get("context_arg") or None)
        exp = rec["expected_fields"] or {}
        got_country = ngec_country(actor.country if actor else None)
        got_sector = SECTOR_TO_NGEC.get(actor.sector or "", actor.sector or "") if actor else ""
        if rec["expect_unresolved"]:
            counts["unresolved_n"] += 1
            ok = actor is None or not actor.code
            counts["unresolved_ok"] += ok
            if not ok:
                errors.append((rec["text"], rec["date"], "unresolved", "", actor.code if actor else None))
            continue
        if "country" in exp and exp["country"] is not None:
            counts["country_n"] += 1
            ok = got_country == exp["country"]
            counts["country_ok"] += ok
            if not ok:
                errors.append((rec["text"], rec["date"], "country", exp["country"], got_country))
        if "code_1" in exp and exp["code_1"] is not None:
            counts["sector_n"] += 1
            ok = got_sector == exp["code_1"]
            counts["sector_ok"] += ok
            if not ok:
                errors.append((rec["text"], rec["date"], "sector", exp["code_1"], got_sector))

    def pct(k: str) -> str:
        n = counts[k + "_n"]
        return f"{counts[k + '_ok']}/{n} = {100 * counts[k + '_ok'] / n:.1f}%" if n else "n/a"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, check=False,
                            text=True).stdout.strip()
    report = (f"## NGEC actor-resolution tests, dev split — {dt.date.today()} (commit {commit})\n\n"
              f"- country: {pct('country')}\n- sector (code_1): {pct('sector')}\n"
              f"- expected unresolved left unresolved: {pct('unresolved')}\n")
    print(report)
    if args.show_errors:
        for e in errors:
            print("\t".join(str(x) for x in e))
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
