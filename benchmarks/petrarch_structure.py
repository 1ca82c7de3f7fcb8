"""List the PETRARCH suite records whose source/target structure is wrong, with a guessed cause per record.

Usage: .venv/bin/python benchmarks/petrarch_structure.py [SET ...] [--summary] [--cause WORD]
SET defaults to petrarch2-unittest and udpetrarch-validate-2-02 (dev splits in ../shared/eval).
Prints per failing record: id, category, text, expected (source, target) pairs, predicted pairs with the
actor texts, and a guessed cause; then a count per cause. This is an error-analysis aid for the evaluation,
not part of the product; the gold data stays in ../shared/eval.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.runner import predict
from eventwire.evaluation.scoring import Predicted, _igo_code, score

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = ("petrarch2-unittest", "udpetrarch-validate-2-02")


def _pairs(events) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Expected (source, target) codes, organisation codes read as the importer reads them (IGOAFR → AU)."""
    return {(_igo_code(g.source_full or g.source or "---"), _igo_code(g.target_full or g.target or "---"))
            for g in events}


def guess_cause(expected: set[tuple[str, str]], preds: list[Predicted], negated: list[Predicted]) -> str:
    """A coarse reason why the predicted pairs differ from the expected ones."""
    got = {(p.source_code or "---", p.target_code or "---") for p in preds}
    if not expected:
        return "false alarm on a no-event record"
    if not preds:
        return "only negated events predicted" if negated else "no event predicted"
    missing, extra = expected - got, got - expected
    if not missing:
        return "extra pairs (more events than expected)"
    srcs_e, tgts_e = {s for s, _ in missing}, {t for _, t in missing}
    srcs_g, tgts_g = {s for s, _ in got}, {t for _, t in got}
    if srcs_e <= srcs_g and not tgts_e <= tgts_g:
        return "target wrong" if not tgts_e & {"---"} else "target given where none expected"
    if tgts_e <= tgts_g and not srcs_e <= srcs_g:
        return "source wrong" if not srcs_e & {"---"} else "source given where none expected"
    if srcs_e <= srcs_g and tgts_e <= tgts_g:
        return "pairing wrong (compound/reciprocal)"
    if len(missing) > len(extra):
        return "events missing (compound not expanded / verb not coded)"
    return "both actors wrong"


def analyse(name: str, summary_only: bool = False, cause_filter: str | None = None) -> Counter[str]:
    gold = read_gold(EVAL / name / "dev.jsonl")
    predicted = predict(gold)
    scores = score(gold.format, gold.records, predicted, ("structure",))
    causes: Counter[str] = Counter()
    for rec, events, res in zip(gold.records, predicted, scores.results, strict=True):
        expected = _pairs(res.record.events)  # compound codes expanded as the scorer does
        got = {(p.source_code or "---", p.target_code or "---") for p in res.predicted}
        if expected == got:
            continue
        negated = [Predicted.of(e) for e in events if e.negated or e.modality == "negated"]
        cause = guess_cause(expected, res.predicted, negated)
        causes[cause] += 1
        if summary_only or (cause_filter and cause_filter not in cause):
            continue
        print(f"- {rec.id}: {rec.text}")
        print(f"    expected: {sorted(expected)}  [{' '.join(g.code for g in rec.events)}]")
        for p in res.predicted:
            print(f"    got:      {p.describe()}")
        for p in negated:
            print(f"    negated:  {p.describe()}")
        print(f"    cause:    {cause}")
    print(f"\n{name}: {sum(causes.values())} of {len(gold.records)} records wrong")
    print(json.dumps(causes.most_common(), indent=1))
    return causes


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--summary", action="store_true", help="only the count per cause")
    ap.add_argument("--cause", help="only records whose guessed cause contains this text")
    args = ap.parse_args(argv)
    for name in args.sets:
        analyse(name, args.summary, args.cause)


if __name__ == "__main__":
    main()
