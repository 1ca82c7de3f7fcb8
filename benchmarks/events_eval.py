"""Run `eventwire evaluate` on the ../shared/eval dev splits and append the scores to events_results.md.

Usage: .venv/bin/python benchmarks/events_eval.py [NOTE]
Records date, git commit (+ "dirty" when the tree has uncommitted changes), and P/R/F1 per level.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from eventwire.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = ("plover-gsr-cameo-manual", "petrarch2-gsr-afp", "cameo-conflibert-coder-rounds", "conflibert-cameo-penta",
        "petrarch2-unittest", "udpetrarch-validate-2-02")
RESULTS = Path(__file__).with_name("events_results.md")


def _commit() -> str:
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "src/eventwire/events", "src/eventwire/data/lexicon",
                            "src/eventwire/evaluation"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return sha + ("+dirty" if dirty else "")


def main() -> None:
    note = " ".join(sys.argv[1:]) or "run"
    sets = [s for s in SETS if (EVAL / s / "dev.jsonl").exists()]
    lines = [f"\n## {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {_commit()}: {note}\n",
             "| set | records | exact P/R/F1 | dyad+type P/R/F1 | type P/R/F1 | structure rec. right | s |",
             "|---|---|---|---|---|---|---|"]
    for name in sets:
        t0 = time.perf_counter()
        gold, scores = evaluate(EVAL / name / "dev.jsonl")
        secs = time.perf_counter() - t0
        cells = []
        for lv in ("exact", "dyad", "type"):
            t = scores.levels[lv]
            cells.append(f"{t.precision:.3f}/{t.recall:.3f}/**{t.f1:.3f}**" if lv == "dyad"
                         else f"{t.precision:.3f}/{t.recall:.3f}/{t.f1:.3f}")
        st = scores.levels.get("structure")
        struct = f"{st.records_right}/{st.records} ({st.records_right / st.records:.0%})" if st else "-"
        lines.append(f"| {name} | {len(gold.records)} | " + " | ".join(cells) + f" | {struct} | {secs:.1f} |")
        print(lines[-1], flush=True)
    if not RESULTS.exists():
        RESULTS.write_text("# Event coding: evaluation runs on the ../shared/eval dev splits\n\n"
                           "Produced by `benchmarks/events_eval.py`; newest run last. Levels: see docs/evaluation.md.\n",
                           encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
