"""Scoring predicted events against gold events at several strictness levels.

Levels (each a key function over gold and predicted events, see :data:`LEVELS`):

- ``exact``: full actor codes (or span overlap) + full code (CAMEO 3-4 digits / PLOVER type);
- ``dyad``: country-level dyad + type (CAMEO root, PLOVER 0.5 type, penta class), the headline;
- ``type``: event type only, per sentence;
- ``structure``: full actor codes only, ignoring the event code (PETRARCH unit-test "structure").

Within a record, gold and predicted events are matched one-to-one (greedy, gold order);
unmatched predictions are false alarms, unmatched gold events misses. Predictions with
``negated`` are not events and are not scored. Under ``precision_scope="annotated-types"``
predictions whose type is not annotated on the sentence are counted as ``extra`` instead
of false alarms (the set annotates one illustrated event per sentence). Under ``one_per_type``
the predictions of one type in a sentence count as one event (the gold has one entry per type).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from ..actors.codes import ORGANISATIONS, split_code
from ..events.crosswalk import plover_of
from ..model import Event
from .gold import GoldEvent, GoldFormat, GoldRecord
from .label_sets import LABEL_FORMATS, label_predictions

T = TypeVar("T")

PENTA = {"01": "0", "02": "0", "03": "1", "04": "1", "05": "1", "06": "2", "07": "2", "08": "2", "09": "3", "10": "3",
         "11": "3", "12": "3", "13": "3", "16": "3", "14": "4", "15": "4", "17": "4", "18": "4", "19": "4", "20": "4"}
LEVEL_NAMES = ("exact", "dyad", "type")
LEVEL_LABELS = {"exact": "exact actors+code", "dyad": "country dyad+type", "type": "type only",
                "structure": "actor structure"}


@dataclass(frozen=True, slots=True)
class Predicted:
    """The parts of an Event that scoring looks at."""

    source_code: str | None
    source_country: str | None
    source_text: str | None
    target_code: str | None
    target_country: str | None
    target_text: str | None
    cameo: str
    trigger: str = ""
    modality: str = "asserted"

    @classmethod
    def of(cls, e: Event) -> "Predicted":
        s, t = e.source, e.target
        return cls(s.code if s else None, _country(s.country or s.code) if s else None, s.text if s else None,
                   t.code if t else None, _country(t.country or t.code) if t else None, t.text if t else None,
                   e.cameo, e.trigger, e.modality)

    def describe(self) -> str:
        return f"{self.source_code or '---'}({self.source_text or ''}) -{self.cameo}-> " \
               f"{self.target_code or '---'}({self.target_text or ''}) [{self.trigger}, {self.modality}]"


def _country(code: str | None) -> str | None:
    """Country-level actor: ISO3, or IGO for organisations; None for unknown ('---')."""
    if not code or code.startswith("---"):
        return None
    country, _sector = split_code(code)  # not a prefix test: "AUS" (Australia) is not "AU" (African Union)
    if country == "---":
        return None
    if country in ORGANISATIONS:
        return "IMG" if country == "IMG" else "IGO"
    return country[:3].upper()


def _igo_code(code: str) -> str:
    """A PETRARCH organisation code as the actor importer reads it ("IGOAFR" → "AU"), so that a gold code of a suite
    and the code eventwire gives the same dictionary entry compare equal."""
    from ..actors.importer import IGO_CODES

    prefix = next((p for p in sorted(IGO_CODES, key=len, reverse=True) if code.startswith(p)), None)
    return IGO_CODES[prefix] + code[len(prefix):] if prefix else code


def _members(code: str | None) -> list[str | None]:
    return code.split("/") if code and "/" in code else [code]


def expand_compound(preds: Sequence[Predicted]) -> list[Predicted]:
    """One prediction per member pair of compound actor codes ("FRO/BIL/SAM", from an imported TABARI dictionary)."""
    out: list[Predicted] = []
    for p in preds:
        if "/" not in (p.source_code or "") + (p.target_code or ""):
            out.append(p)
            continue
        for s in _members(p.source_code):
            for t in _members(p.target_code):
                out.append(replace(p, source_code=s, source_country=_country(s), target_code=t,
                                   target_country=_country(t)))
    return out


def expand_compound_record(rec: GoldRecord) -> GoldRecord:
    """The gold record with compound codes ("FRO/BIL/SAM" → "ELR/GAL", as udpetrarch writes them) expanded into
    one event per member pair, as petrarch2-unittest writes them."""
    if not any("/" in (g.source or "") + (g.target or "") for g in rec.events):
        return rec
    events = tuple(replace(g, source=s, target=t, source_full=s if g.source_full else None,
                           target_full=t if g.target_full else None)
                   for g in rec.events for s in _members(g.source) for t in _members(g.target))
    return replace(rec, events=events)


def _gold_country(code: str | None, fmt: GoldFormat) -> str | None:
    if code is None:
        return None
    # gold ISO3 codes go through the same mapping as predictions (NGO/MNC → IGO on both sides)
    return _country(code) if fmt.actors in ("code", "country") else (None if code.startswith("---") else code)


def pred_type(p: Predicted, fmt: GoldFormat, level: str) -> str | None:
    """The predicted event's type in the gold set's type space (None = outside it)."""
    if fmt.types in LABEL_FORMATS:  # already a label (label_sets.label_predictions)
        return p.cameo
    if fmt.types == "plover05":
        return plover_of(p.cameo).plover_05
    if fmt.types == "penta":
        return PENTA.get(p.cameo[:2])
    if fmt.types == "cameo" and level == "exact":
        return p.cameo
    return p.cameo[:2]


def gold_type(g: GoldEvent, fmt: GoldFormat, level: str) -> str:
    if fmt.types == "cameo":
        return g.code if level == "exact" else g.code[:2]
    return g.code


def _words(text: str | None) -> set[str]:
    return {w.strip(".,;:'\"()").lower() for w in (text or "").split()} - {"", "the", "a", "an", "of", "and", "'s"}


def span_match(gold: str | None, pred: str | None) -> bool:
    """Gold span None (coders did not agree) matches anything; otherwise the spans share a content word."""
    if gold is None:
        return True
    gold_words = set().union(*(_words(part) for part in gold.split(" | ")))
    return bool(gold_words & _words(pred))


def _actor_ok(fmt: GoldFormat, level: str, g: GoldEvent, p: Predicted, side: str) -> bool:
    if level == "type":
        return True
    if fmt.actors == "span":
        return span_match(getattr(g, f"{side}_text"), getattr(p, f"{side}_text"))
    if level in ("exact", "structure"):
        gold_full = getattr(g, f"{side}_full") or getattr(g, side)
        if gold_full is not None and gold_full.startswith("---"):
            gold_full = None if gold_full == "---" else gold_full
        if gold_full and fmt.actors == "code":
            gold_full = _igo_code(gold_full)
        pred_full = getattr(p, f"{side}_code")
        return (gold_full or None) == (pred_full or None)
    return _gold_country(getattr(g, side), fmt) == getattr(p, f"{side}_country")


def matches(fmt: GoldFormat, level: str, g: GoldEvent, p: Predicted) -> bool:
    if level != "structure" and gold_type(g, fmt, level) != pred_type(p, fmt, level):
        return False
    return _actor_ok(fmt, level, g, p, "source") and _actor_ok(fmt, level, g, p, "target")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: int = 0
    records: int = 0
    records_right: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "extra": self.extra,
                "records_exactly_right": self.records_right, "records": self.records}


@dataclass
class RecordResult:
    record: GoldRecord
    predicted: list[Predicted]
    misses: list[GoldEvent] = field(default_factory=list)
    false_alarms: list[Predicted] = field(default_factory=list)


@dataclass
class Scores:
    """All scores of one evaluation run."""

    fmt: GoldFormat
    levels: dict[str, Tally]
    per_type: dict[str, Tally]
    confusion: Counter[tuple[str, str]]
    miss_kinds: Counter[str]
    results: list[RecordResult]


def _unique(items: Sequence[T], key: Callable[[T], tuple[Any, ...]]) -> list[T]:
    """The first item of each key, in order."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _distinct_golds(fmt: GoldFormat, level: str, events: Sequence[GoldEvent]) -> list[GoldEvent]:
    """Gold events distinct at the actor levels, as the predictions are (``_unique``): two gold entries that only
    differ below the level ("Mali's government and its rebels" → MLI twice at the country level) are one
    event, or the second could never be matched. Span-coded sets and the type level (whose predictions keep their
    actors in the key) keep every entry."""
    if fmt.actors == "span" or level not in ("exact", "dyad"):
        return list(events)

    def key(g: GoldEvent) -> tuple[Any, ...]:
        if level == "exact":
            return g.source_full or g.source, g.target_full or g.target, gold_type(g, fmt, level)
        return _gold_country(g.source, fmt), _gold_country(g.target, fmt), gold_type(g, fmt, level)

    return _unique(events, key)


def _match_record(fmt: GoldFormat, level: str, rec: GoldRecord, preds: Sequence[Predicted]
                  ) -> tuple[int, list[GoldEvent], list[Predicted], int]:
    """(true positives, missed gold events, false alarms, extras) for one record at one level."""
    if level == "structure":
        key: Callable[[Predicted], tuple[Any, ...]] = lambda p: (p.source_code, p.target_code)
        golds = list({(g.source, g.target): g for g in rec.events}.values())
    else:
        key = lambda p: (p.source_code if level == "exact" else p.source_country,  # noqa: E731
                         p.target_code if level == "exact" else p.target_country,
                         p.source_text if fmt.actors == "span" else None,
                         p.target_text if fmt.actors == "span" else None, pred_type(p, fmt, level))
        golds = _distinct_golds(fmt, level, rec.events)
    candidates = [p for p in _unique(preds, key) if level == "structure" or pred_type(p, fmt, level) is not None]
    if fmt.one_per_type and level != "structure":
        return _match_types(fmt, level, rec, candidates)
    unmatched = list(candidates)
    misses = []
    tp = 0
    for g in golds:
        hit = next((p for p in unmatched if matches(fmt, level, g, p)), None)
        if hit is None:
            misses.append(g)
        else:
            tp += 1
            unmatched.remove(hit)
    extra = 0
    if not rec.judged:
        return tp, misses, [], len(unmatched)
    if fmt.precision_scope == "annotated-types" and level != "structure":
        types = {gold_type(g, fmt, level) for g in rec.events}
        kept = [p for p in unmatched if pred_type(p, fmt, level) in types]
        extra = len(unmatched) - len(kept)
        unmatched = kept
    return tp, misses, unmatched, extra


def _match_types(fmt: GoldFormat, level: str, rec: GoldRecord, candidates: Sequence[Predicted]
                 ) -> tuple[int, list[GoldEvent], list[Predicted], int]:
    """``_match_record`` for a gold set with one event per type and sentence (``GoldFormat.one_per_type``): the
    predictions of one type are one event, which matches a gold event of that type when any of them does; a type
    with no gold event is one false alarm (shown by its first prediction)."""
    groups: dict[str | None, list[Predicted]] = {}
    for p in candidates:
        groups.setdefault(pred_type(p, fmt, level), []).append(p)
    tp, misses = 0, []
    for g in rec.events:
        kind = gold_type(g, fmt, level)
        if any(matches(fmt, level, g, p) for p in groups.get(kind, [])):
            tp += 1
            del groups[kind]
        else:
            misses.append(g)
    unmatched = [members[0] for members in groups.values()]
    return (tp, misses, [], len(unmatched)) if not rec.judged else (tp, misses, unmatched, 0)


def score(fmt: GoldFormat, records: Sequence[GoldRecord], predictions: Sequence[Sequence[Event]],
          levels: Sequence[str] = LEVEL_NAMES) -> Scores:
    """Score predictions (one list of Events per gold record, same order) against the gold records."""
    tallies = {lv: Tally() for lv in levels}
    per_type: dict[str, Tally] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    miss_kinds: Counter[str] = Counter()
    results = []
    for rec, events in zip(records, predictions, strict=True):
        preds = [Predicted.of(e) for e in events if not e.negated]
        if fmt.actors == "code":  # PETRARCH: a compound actor code is one event per member, on both sides
            rec, preds = expand_compound_record(rec), expand_compound(preds)
        if fmt.types in LABEL_FORMATS:  # a classification set: the events' labels via the crosswalk
            preds = label_predictions(fmt, preds)
        result = RecordResult(rec, preds)
        for lv in levels:
            tp, misses, fas, extra = _match_record(fmt, lv, rec, preds)
            t = tallies[lv]
            t.tp += tp
            t.fn += len(misses)
            t.fp += len(fas)
            t.extra += extra
            t.records += 1
            t.records_right += int(not misses and not fas)
            if lv == "dyad":
                result.misses, result.false_alarms = misses, fas
                for g in rec.events:
                    per_type.setdefault(gold_type(g, fmt, lv), Tally())
                for g in misses:
                    per_type[gold_type(g, fmt, lv)].fn += 1
                    miss_kinds[_miss_kind(fmt, g, preds)] += 1
                    typed = [p for p in preds if _actor_ok(fmt, lv, g, p, "source") and _actor_ok(fmt, lv, g, p, "target")]
                    if typed:
                        confusion[(gold_type(g, fmt, lv), pred_type(typed[0], fmt, lv) or "-")] += 1
                for g in rec.events:
                    if g not in misses:
                        per_type[gold_type(g, fmt, lv)].tp += 1
                for p in fas:
                    per_type.setdefault(pred_type(p, fmt, lv) or "-", Tally()).fp += 1
        results.append(result)
    return Scores(fmt, tallies, per_type, confusion, miss_kinds, results)


def _miss_kind(fmt: GoldFormat, g: GoldEvent, preds: Sequence[Predicted]) -> str:
    """Why a gold event was missed at the dyad level (for the error analysis)."""
    if not preds:
        return "no event predicted in the sentence"
    same_type = [p for p in preds if pred_type(p, fmt, "dyad") == gold_type(g, fmt, "dyad")]
    if same_type:
        p = same_type[0]
        if not _actor_ok(fmt, "dyad", g, p, "source") and not _actor_ok(fmt, "dyad", g, p, "target"):
            return "right type, both actors wrong"
        if not _actor_ok(fmt, "dyad", g, p, "source"):
            return "right type, source wrong" if p.source_country or p.source_text else "right type, source missing"
        return "right type, target wrong" if p.target_country or p.target_text else "right type, target missing"
    if any(_actor_ok(fmt, "dyad", g, p, "source") and _actor_ok(fmt, "dyad", g, p, "target") for p in preds):
        return "right actors, wrong type"
    return "other events only"
