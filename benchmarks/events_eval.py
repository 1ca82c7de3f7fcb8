"""Run `eventwire evaluate` on the ../shared/eval splits and append the scores to events_results.md.

Usage: .venv/bin/python benchmarks/events_eval.py [--split dev|test] [--no-record] [--sets NAME,...] [--full]
       [--half tune|held [--errors N]] [NOTE]
Records date, split, git commit (+ "dirty" when the tree has uncommitted changes), and P/R/F1 per level.
The two classification sets (case2021-task2-acled-types, india-police-events: labels, no actors, scored through
data/lexicon/label_sets.tsv) get a table of their own with micro and macro P/R/F1 over their labels.
india-police-events (21,391 dev sentences, ~3 min) is scored on a fixed sample, every SAMPLE_EVERY-th record in
file order (2,140 sentences), unless ``--full``.
``--split test`` scores ``SET/test.jsonl`` where it is readable; a set whose test split is only present as the
held-back ``test.jsonl.enc`` (not readable by design, see ../shared/eval/README.md) is listed as not scored.
``--half tune|held`` scores only that half (by document, ``eventwire.evaluation.halves``) of the two classification
sets, which nobody tunes on; the other sets are scored whole. ``--errors N`` lists up to N misses and false alarms
of those sets with their text, and only with ``--half tune``: the held half's errors are never shown, so its score
stays an honest held-out number (docs/evaluation.md, "Held-out check").
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import time
from pathlib import Path

from eventwire.evaluation import GoldSet, evaluate, predict, read_gold, score
from eventwire.evaluation.halves import HALVES, select_half
from eventwire.evaluation.label_sets import LABEL_FORMATS, label_scores

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = ("plover-gsr-cameo-manual", "petrarch2-gsr-afp", "cameo-conflibert-coder-rounds", "conflibert-cameo-penta",
        "petrarch2-unittest", "udpetrarch-validate-2-02", "case2021-task2-acled-types", "india-police-events")
SAMPLE_EVERY = {"india-police-events": 10}  # set → k: score records 0, k, 2k, ... (fixed sample) unless --full
RESULTS = Path(__file__).with_name("events_results.md")


def _commit() -> str:
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "src/eventwire/events", "src/eventwire/data/lexicon",
                            "src/eventwire/evaluation"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    return sha + ("+dirty" if dirty else "")


def split_files(split: str) -> tuple[list[tuple[str, Path]], list[str]]:
    """(set name, readable file) for every set with that split, and the sets whose split is held back (encrypted)."""
    readable, held_back = [], []
    for name in SETS:
        path = EVAL / name / f"{split}.jsonl"
        if path.exists():
            readable.append((name, path))
        elif (EVAL / name / f"{split}.jsonl.enc").exists():
            held_back.append(name)
    return readable, held_back


def _evaluate(name: str, path: Path, full: bool, half: str | None = None):  # type: ignore[no-untyped-def]
    """(gold, scores, k): evaluate(path) (k None), or on the fixed sample of a SAMPLE_EVERY set (every k-th record);
    with ``half``, a classification set is first cut to that half of its documents."""
    k = None if full else SAMPLE_EVERY.get(name)
    if not k and not half:
        return (*evaluate(path), None)
    gold = read_gold(path)
    if half and gold.format.types in LABEL_FORMATS:
        gold = select_half(gold, half)
    elif not k:
        return (*evaluate(path), None)
    if k:
        gold = GoldSet(gold.path, gold.format, gold.records[::k])
    return gold, score(gold.format, gold.records, predict(gold), ("exact", "dyad", "type")), k


def _error_lines(name: str, scores, limit: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Misses and false alarms of a classification set (tune half only), with the record's text."""
    out = [f"\n### errors of {name} (tune half; up to {limit})"]
    for r in scores.results:
        if not (r.misses or r.false_alarms):
            continue
        gold = ",".join(g.code for g in r.record.events) or "-"
        got = ",".join(p.cameo for p in r.predicted) or "-"
        out.append(f"{r.record.id}\tgold {gold}\tgot {got}\t{r.record.text[:400]}")
        if len(out) > limit:
            break
    return out


def _label_row(name: str, gold, scores, k: int | None, secs: float) -> str:  # type: ignore[no-untyped-def]
    part = label_scores(gold, scores)["labels"]
    mi, ma = part["micro"], part["macro"]
    n = f"{len(gold.records)}" + (f" (every {k}th record)" if k else "")
    return (f"| {name} | {n} | {mi['precision']:.3f}/{mi['recall']:.3f}/**{mi['f1']:.3f}** | "
            f"{ma['precision']:.3f}/{ma['recall']:.3f}/**{ma['f1']:.3f}** | {part['weighted_f1']:.3f} | "
            f"{len(part['without_cameo_counterpart'])} of {part['gold_labels']} | {secs:.1f} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", help="dev (default) or test")
    ap.add_argument("--no-record", action="store_true", help="print the table only; do not append to events_results.md")
    ap.add_argument("--sets", default="", help="comma-separated subset of the sets (default: all)")
    ap.add_argument("--full", action="store_true", help="score every record of the sampled sets (SAMPLE_EVERY)")
    ap.add_argument("--half", choices=HALVES, help="score only this half (by document) of the classification sets")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list N errors of the classification sets (only with --half tune)")
    ap.add_argument("note", nargs="*", help="what changed (recorded with the scores)")
    args = ap.parse_args(argv)
    wanted = {s.strip() for s in args.sets.split(",") if s.strip()}
    unknown = wanted - set(SETS)
    if unknown:
        ap.error(f"unknown set(s): {', '.join(sorted(unknown))}; choose from {', '.join(SETS)}")
    if args.errors and args.half != "tune":
        ap.error("--errors lists only the tune half (--half tune): the held half's errors are never shown")
    note = " ".join(args.note) or "run"
    files, held_back = split_files(args.split)
    if wanted:
        files = [(n, p) for n, p in files if n in wanted]
        held_back = [n for n in held_back if n in wanted]
    split = ("" if args.split == "dev" else f" [{args.split} split]") + (f" [{args.half} half]" if args.half else "")
    lines = [f"\n## {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {_commit()}{split}: {note}\n",
             "| set | records | exact P/R/F1 | dyad+type P/R/F1 | type P/R/F1 | structure rec. right | s |",
             "|---|---|---|---|---|---|---|"]
    label_lines = ["", "| classification set | records | micro P/R/F1 | macro P/R/F1 | weighted F1 | labels without CAMEO counterpart | s |",
                   "|---|---|---|---|---|---|---|"]
    for name, path in files:
        t0 = time.perf_counter()
        gold, scores, k = _evaluate(name, path, args.full, args.half)
        secs = time.perf_counter() - t0
        if gold.format.types in LABEL_FORMATS:
            label_lines.append(_label_row(name + (f" ({args.half} half)" if args.half else ""), gold, scores, k, secs))
            print(label_lines[-1], flush=True)
            if args.errors:
                print("\n".join(_error_lines(name, scores, args.errors)), flush=True)
            continue
        cells = []
        for lv in ("exact", "dyad", "type"):
            t = scores.levels[lv]
            cells.append(f"{t.precision:.3f}/{t.recall:.3f}/**{t.f1:.3f}**" if lv == "dyad"
                         else f"{t.precision:.3f}/{t.recall:.3f}/{t.f1:.3f}")
        st = scores.levels.get("structure")
        struct = f"{st.records_right}/{st.records} ({st.records_right / st.records:.0%})" if st else "-"
        lines.append(f"| {name} | {len(gold.records)} | " + " | ".join(cells) + f" | {struct} | {secs:.1f} |")
        print(lines[-1], flush=True)
    if len(label_lines) > 3:
        lines += label_lines
    if held_back:
        lines.append(f"\nNot scored: {args.split} split held back (encrypted `{args.split}.jsonl.enc`, not readable here): "
                     + ", ".join(held_back) + ".")
        print(lines[-1], flush=True)
    if args.no_record:
        return
    if not files:
        lines = lines[:1] + lines[3:]  # no table: the run records only that the split could not be scored
    if not RESULTS.exists():
        RESULTS.write_text("# Event coding: evaluation runs on the ../shared/eval dev splits\n\n"
                           "Produced by `benchmarks/events_eval.py`; newest run last. Levels: see docs/evaluation.md.\n",
                           encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
