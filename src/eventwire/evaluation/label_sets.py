"""Classification gold sets that label sentences instead of coding CAMEO events.

Two sets in ../shared/eval label a sentence or snippet with classes of another taxonomy:

- ``case2021`` (case2021-task2-acled-types): one ACLED-style sub-event type per snippet (CASE 2021 task 2);
- ``ipe`` (india-police-events): any of five "did police ...?" questions per sentence (IndiaPoliceEvents).

eventwire's events are mapped onto those labels by the documented crosswalk ``data/lexicon/label_sets.tsv``
(written from the label definitions, not fitted to the gold). A gold label is a :class:`GoldEvent` with no actors,
and the coded events of a record are replaced by one :class:`Predicted` per label (``cameo`` = the label), so the
ordinary scoring (``one_per_type``: a label counts once per record) yields per-label and micro P/R/F1;
:func:`macro_f1` averages the per-label F1. A single-label set (case2021) keeps one label per record: that of
the most intense mapped event (highest CAMEO code), first in text order on ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..actors.codes import SECTORS, _is_country
from ..errors import InputError
from .gold import GoldEvent, GoldFormat, GoldRecord, _date, register_format

STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "SPC"})
NONSTATE_ROLES = frozenset({"REB", "INS", "UAF", "RAD"})
ARMED_ROLES = STATE_ROLES | NONSTATE_ROLES | {"CRM"}
# unarmed, non-state populations (a bare country code is the state, not its civilians)
CIVILIAN_ROLES = frozenset({"CVL", "PPL", "REF", "EDU", "HLH", "REL", "MED", "LAB", "AGR", "BUS", "HRI"})
SINGLE_LABEL = frozenset({"case2021"})


@dataclass(frozen=True, slots=True)
class LabelRule:
    """One crosswalk row: events whose CAMEO code starts with ``cameo``, whose source meets ``source`` and whose
    target meets ``target`` get ``labels``. ``cameo`` None = the labels have no CAMEO counterpart (documented,
    never predicted)."""

    label_set: str
    cameo: str | None
    labels: tuple[str, ...]
    source: str
    target: str = "*"
    comment: str = ""

    @property
    def specificity(self) -> tuple[int, int]:
        """Longer CAMEO prefix first, then more actor conditions."""
        return len(self.cameo or ""), (self.source != "*") + (self.target != "*")


def parse_rules(text: str) -> list[LabelRule]:
    """The rows of a label-set crosswalk file (tab-separated, '#' comments, a header row)."""
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or [c.strip() for c in rows[0][:5]] != ["label_set", "cameo", "label", "source", "target"]:
        raise InputError("label-set crosswalk: header must be label_set, cameo, label, source, target, comment")
    rules, seen = [], set()
    for cells in rows[1:]:
        cells = [c.strip() for c in cells] + [""] * (6 - len(cells))
        label_set, cameo, labels, source, target = cells[:5]
        if cameo != "-" and not (cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise InputError(f"label-set crosswalk: {cameo!r} is not a CAMEO code or '-'")
        key = (label_set, cameo, source, target, labels if cameo == "-" else "")
        if key in seen:
            raise InputError(f"label-set crosswalk: {label_set} {cameo} {source} {target} listed twice")
        seen.add(key)
        rules.append(LabelRule(label_set, None if cameo == "-" else cameo,
                               tuple(x.strip() for x in labels.split(",") if x.strip()), source, target or "*", cells[5]))
    return rules


@lru_cache(maxsize=1)
def load_rules() -> tuple[LabelRule, ...]:
    text = (resources.files("eventwire") / "data" / "lexicon" / "label_sets.tsv").read_text(encoding="utf-8")
    return tuple(parse_rules(text))


def roles(code: str | None) -> set[str]:
    """The sector roles in an actor code ('INDCOP' → {'COP'}; '---REB' → {'REB'})."""
    if not code:
        return set()
    start = 0 if code[:3] in SECTORS and not _is_country(code[:3]) else 3
    return {code[i:i + 3] for i in range(start, len(code), 3)} & set(SECTORS)


def actor_ok(condition: str, code: str | None) -> bool:
    """Whether an actor code meets a crosswalk condition ("*", "state", "nonstate", "civilian" = a civilian role
    (CIVILIAN_ROLES) and no armed role, or a sector code such as COP)."""
    have = roles(code)
    if condition == "*":
        return True
    if condition == "state":
        return bool(have & STATE_ROLES) and not have & NONSTATE_ROLES
    if condition == "nonstate":
        return bool(have & NONSTATE_ROLES)
    if condition == "civilian":
        return bool(have & CIVILIAN_ROLES) and not have & ARMED_ROLES
    return condition in have


def labels_of(label_set: str, cameo: str, source_code: str | None, target_code: str | None = None,
              rules: Sequence[LabelRule] | None = None) -> tuple[str, ...]:
    """The labels a coded event gets in a label set: the most specific rule (longest CAMEO prefix, then more actor
    conditions) whose source and target conditions hold."""
    best: LabelRule | None = None
    for rule in rules if rules is not None else load_rules():
        if (rule.label_set == label_set and rule.cameo and cameo.startswith(rule.cameo)
                and actor_ok(rule.source, source_code) and actor_ok(rule.target, target_code)
                and (best is None or rule.specificity > best.specificity)):
            best = rule
    return best.labels if best else ()


def unmapped_labels(label_set: str) -> list[str]:
    """Labels the crosswalk says have no CAMEO counterpart."""
    return sorted({lab for r in load_rules() if r.label_set == label_set and r.cameo is None for lab in r.labels})


def label_predictions(fmt: GoldFormat, preds: Sequence[Any]) -> list[Any]:
    """Replace coded events (scoring.Predicted) by one Predicted per label, ``cameo`` = the label."""
    labelled = [(p, lab) for p in preds for lab in labels_of(fmt.types, p.cameo, p.source_code, p.target_code)]
    if fmt.types in SINGLE_LABEL and labelled:
        top = max(range(len(labelled)), key=lambda i: (labelled[i][0].cameo.ljust(4, "0"), -i))
        labelled = [labelled[top]]
    out, seen = [], set()
    for p, lab in labelled:
        if lab not in seen:
            seen.add(lab)
            out.append(replace(p, cameo=lab))
    return out


def macro_f1(per_type: dict[str, Any], labels: Sequence[str]) -> float:
    """Mean F1 over the gold labels (a label never predicted and never in the gold is left out)."""
    scores = [per_type[lab].f1 if lab in per_type else 0.0 for lab in labels]
    return sum(scores) / len(scores) if scores else 0.0


def weighted_f1(per_type: dict[str, Any], labels: Sequence[str]) -> float:
    """F1 per gold label weighted by its gold count (the CASE 2021 task 2 overview's headline measure)."""
    support = {lab: per_type[lab].tp + per_type[lab].fn if lab in per_type else 0 for lab in labels}
    total = sum(support.values())
    return sum(per_type[lab].f1 * n for lab, n in support.items() if n) / total if total else 0.0


# ---- readers and formats ---------------------------------------------------------------------------------------
def _read_case2021(r: dict[str, Any]) -> GoldRecord:
    label = str(r.get("event_type") or (r.get("expected") or [{}])[0].get("code") or "")
    events = (GoldEvent(None, None, label),) if label else ()
    return GoldRecord(r["id"], r["text"], _date(r.get("date")), events, False, True, r)


def _read_ipe(r: dict[str, Any]) -> GoldRecord:
    labels = r.get("labels") or [e.get("code") for e in r.get("expected") or []]
    events = tuple(GoldEvent(None, None, str(lab)) for lab in labels if lab)
    return GoldRecord(r["id"], r["text"], _date(r.get("date")), events, not events, True, r)


# Both sets label an act whether or not its doer is named ("dozens were detained"): implied_agents on
CASE2021 = GoldFormat("case2021", "case2021", "span", "all", _read_case2021, one_per_type=True, implied_agents=True)
IPE = GoldFormat("ipe", "ipe", "span", "all", _read_ipe, one_per_type=True, implied_agents=True)
LABEL_FORMATS = frozenset({CASE2021.types, IPE.types})
register_format(CASE2021, lambda r: "label_group" in r and "event_type" in r)
register_format(IPE, lambda r: "labels" in r and "sent_id" in r and "doc_id" in r)


# ---- report parts ----------------------------------------------------------------------------------------------
def gold_labels(gold: Any) -> list[str]:
    """The labels present in a gold set, sorted."""
    return sorted({g.code for r in gold.records for g in r.events})


def label_scores(gold: Any, scores: Any) -> dict[str, Any]:
    """JSON part for a classification set: micro and macro P/R/F1 over its gold labels, and the labels the
    crosswalk leaves without a CAMEO counterpart (always missed). Empty for other formats."""
    if gold.format.types not in LABEL_FORMATS:
        return {}
    labels = gold_labels(gold)
    micro = scores.levels.get("type") or next(iter(scores.levels.values()))
    per = [scores.per_type.get(lab) for lab in labels]
    n = len(labels) or 1
    return {"labels": {
        "micro": {"precision": round(micro.precision, 4), "recall": round(micro.recall, 4), "f1": round(micro.f1, 4)},
        "macro": {"precision": round(sum(t.precision for t in per if t) / n, 4),
                  "recall": round(sum(t.recall for t in per if t) / n, 4),
                  "f1": round(macro_f1(scores.per_type, labels), 4)},
        "weighted_f1": round(weighted_f1(scores.per_type, labels), 4),
        "gold_labels": len(labels), "without_cameo_counterpart": unmapped_labels(gold.format.types),
        "macro_f1_by_group": _macro_by_group(gold, scores), "documents": _document_scores(gold, scores)}}


def _macro_by_group(gold: Any, scores: Any) -> dict[str, dict[str, float]]:
    """case2021: macro and weighted F1 over the labels of each ``label_group`` (ACLED = the 25 seen types of CASE 2021 subtask 1),
    and cumulatively as the shared task's subtasks added them (ACLED; + unseen-subtask2; + unseen-subtask3)."""
    groups: dict[str, set[str]] = {}
    for r in gold.records:
        if r.raw.get("label_group"):
            groups.setdefault(str(r.raw["label_group"]), set()).update(g.code for g in r.events)
    out: dict[str, dict[str, float]] = {}
    names: list[str] = []
    cumulative: set[str] = set()
    for name in sorted(groups, key=lambda g: (g != "ACLED", g)):
        names.append(name)
        cumulative |= groups[name]
        labels = sorted(cumulative)
        out["+".join(names)] = {"macro_f1": round(macro_f1(scores.per_type, labels), 4),
                                "weighted_f1": round(weighted_f1(scores.per_type, labels), 4)}
    return out


def _document_scores(gold: Any, scores: Any) -> dict[str, Any]:
    """ipe: the document-level view (a document has a label when any of its sentences has it; IndiaPoliceEvents'
    corpus-level questions are about documents): per-label P/R/F1 and their macro mean. Only meaningful when every
    sentence of a document is scored (not on the benchmark's sample)."""
    if not any("doc_id" in r.raw for r in gold.records):
        return {}
    golds: dict[str, set[Any]] = {}
    preds: dict[str, set[Any]] = {}
    for res in scores.results:
        doc = res.record.raw.get("doc_id")
        for g in res.record.events:
            golds.setdefault(g.code, set()).add(doc)
        for p in res.predicted:
            preds.setdefault(p.cameo, set()).add(doc)
    per = {}
    for lab in sorted(golds):
        tp = len(golds[lab] & preds.get(lab, set()))
        pr = tp / len(preds[lab]) if preds.get(lab) else 0.0
        rc = tp / len(golds[lab])
        per[lab] = {"precision": round(pr, 4), "recall": round(rc, 4),
                    "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0}
    return {"per_label": per, "macro_f1": round(sum(v["f1"] for v in per.values()) / max(len(per), 1), 4)}


def label_summary(gold: Any, scores: Any) -> list[str]:
    """Table lines for a classification set (nothing for other formats)."""
    part = label_scores(gold, scores).get("labels")
    if not part:
        return []
    mi, ma = part["micro"], part["macro"]
    headline = (f"labels ({part['gold_labels']} in the gold): micro P {mi['precision']:.3f} R {mi['recall']:.3f} "
                f"F1 {mi['f1']:.3f}; macro P {ma['precision']:.3f} R {ma['recall']:.3f} F1 {ma['f1']:.3f}; "
                f"weighted F1 {part['weighted_f1']:.3f}")
    out = ["", headline,
            "no CAMEO counterpart (always missed): " + (", ".join(part["without_cameo_counterpart"]) or "none")]
    if part["macro_f1_by_group"]:
        out.append("macro / weighted F1 by label group: " + "; ".join(
            f"{k} {v['macro_f1']:.3f} / {v['weighted_f1']:.3f}" for k, v in part["macro_f1_by_group"].items()))
    if part["documents"]:
        out.append("documents (a label when any sentence has it): " + "; ".join(
            f"{k} P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f}" for k, v in part["documents"]["per_label"].items())
            + f"; macro F1 {part['documents']['macro_f1']:.3f}")
    return out + ["(actors are not annotated: the three levels below are the same micro scores)"]
