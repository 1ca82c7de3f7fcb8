"""Evaluation output: a plain-text table (headline scores last) and a JSON document."""

from __future__ import annotations

from typing import Any

from .gold import GoldEvent, GoldSet
from .label_sets import label_scores, label_summary
from .scoring import LEVEL_LABELS, Scores


def _gold_str(g: GoldEvent) -> str:
    src = g.source or g.source_text or "---"
    tgt = g.target or g.target_text or "---"
    return f"{src} -{g.code}-> {tgt}"


def to_json(gold: GoldSet, scores: Scores, max_items: int = 200) -> dict[str, Any]:
    misses = [{"id": r.record.id, "text": r.record.text, "gold": _gold_str(g),
               "predicted": [p.describe() for p in r.predicted]}
              for r in scores.results for g in r.misses][:max_items]
    fas = [{"id": r.record.id, "text": r.record.text, "predicted": p.describe(),
            "gold": [_gold_str(g) for g in r.record.events]}
           for r in scores.results for p in r.false_alarms][:max_items]
    return {
        "gold": str(gold.path), "set": gold.name, "format": gold.format.name, "records": len(gold.records),
        "gold_events": sum(len(r.events) for r in gold.records),
        "levels": {lv: t.to_dict() for lv, t in scores.levels.items()},
        "per_type": {k: v.to_dict() for k, v in sorted(scores.per_type.items())},
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in scores.confusion.most_common()],
        "miss_kinds": dict(scores.miss_kinds.most_common()),
        "misses": misses, "false_alarms": fas,
        **label_scores(gold, scores),
    }


def to_table(gold: GoldSet, scores: Scores, show_errors: int = 15) -> str:
    """Readable report; the last four lines are the headline (header + exact, dyad, type)."""
    out = [f"gold set: {gold.name} ({gold.format.name}; {len(gold.records)} records, "
           f"{sum(len(r.events) for r in gold.records)} gold events)", ""]
    w = max([12] + [len(k) + 1 for k in scores.per_type])
    out.append(f"{'type':<{w}}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}   (country dyad + type)")
    for k, t in sorted(scores.per_type.items()):
        out.append(f"{k:<{w}}{t.tp:>5}{t.fp:>5}{t.fn:>5}{t.precision:>7.2f}{t.recall:>7.2f}{t.f1:>7.2f}")
    out += label_summary(gold, scores)
    if scores.confusion:
        out += ["", "confusion (gold type → predicted type, right actors): " + ", ".join(
            f"{g}→{p} ×{n}" for (g, p), n in scores.confusion.most_common(12))]
    if scores.miss_kinds:
        out += ["misses by kind: " + "; ".join(f"{k} {n}" for k, n in scores.miss_kinds.most_common())]
    if show_errors:
        misses = [(r, g) for r in scores.results for g in r.misses][:show_errors]
        if misses:
            out += ["", f"first {len(misses)} misses:"]
            for r, g in misses:
                got = "; ".join(p.describe() for p in r.predicted) or "nothing"
                out.append(f"  {r.record.id}: gold {_gold_str(g)} | got {got}")
        fas = [(r, p) for r in scores.results for p in r.false_alarms][:show_errors]
        if fas:
            out += ["", f"first {len(fas)} false alarms:"]
            for r, p in fas:
                out.append(f"  {r.record.id}: {p.describe()} | gold "
                           + ("; ".join(_gold_str(g) for g in r.record.events) or "no event"))
    extra = [lv for lv in scores.levels if lv not in ("exact", "dyad", "type")]
    out.append("")
    for lv in extra:
        t = scores.levels[lv]
        out.append(f"{LEVEL_LABELS[lv]}: records exactly right {t.records_right}/{t.records} "
                   f"({t.records_right / max(t.records, 1):.0%}); P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}")
    out.append(f"{'level':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'extra':>7}{'rec.ok':>9}")
    for lv in ("exact", "dyad", "type"):
        if lv in scores.levels:
            t = scores.levels[lv]
            out.append(f"{LEVEL_LABELS[lv]:<20}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>6}{t.fn:>6}"
                       f"{t.extra:>7}{t.records_right:>5}/{t.records}")
    return "\n".join(out)
