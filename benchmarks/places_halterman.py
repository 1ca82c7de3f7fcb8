"""Score eventwire.places on event-location-halterman dev (see ../shared/eval/event-location-halterman/README.md).

Given the gold event verb, which place mention (if any) is the event's location. Scoring (span overlap):
- accuracy: an item is right when we abstain on an item with no gold location, or when our locations
  overlap a gold location span and every predicted location overlaps one;
- location P/R/F1 over spans.
Country check: for predicted locations that the gazetteer resolves, the share whose country matches the
gazetteer's country for the overlapped gold string (printed with --countries for a hand check).
Usage: python benchmarks/places_halterman.py [--show N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.nlp import load_pipeline
from eventwire.places import place_finder

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "event-location-halterman" / "dev.jsonl"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--countries", action="store_true", help="list resolved places for a hand check")
    ap.add_argument("--end-to-end", action="store_true",
                    help="score the full coder: the place of the coded event whose trigger is the gold verb")
    args = ap.parse_args()
    if args.end_to_end:
        end_to_end()
        return
    nlp = load_pipeline()
    finder = place_finder()
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    right = n_pred = n_gold = tp_pred = tp_gold = 0
    with_loc = right_with_loc = without = right_without = 0
    resolved = []
    shown = 0
    for row in rows:
        exp = row["expected"][0]
        doc = nlp(row["text"])
        trig = doc.char_span(*exp["event_verb_span"], alignment_mode="expand") if exp["event_verb_span"] else None
        mentions = finder.mentions(doc)
        locs = finder.event_location(trig.root, mentions) if trig is not None else []
        pred = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in locs]
        gold = [tuple(s) for s in exp["location_spans"]]
        n_pred += len(pred)
        n_gold += len(gold)
        tp_pred += sum(any(overlap(p, g) for g in gold) for p in pred)
        tp_gold += sum(any(overlap(p, g) for p in pred) for g in gold)
        ok = (not gold and not pred) or (bool(pred) and all(any(overlap(p, g) for g in gold) for p in pred))
        right += ok
        if gold:
            with_loc += 1
            right_with_loc += ok
        else:
            without += 1
            right_without += ok
        for m, p in zip(locs, pred):
            if m.resolved:
                resolved.append((m.text, m.place.country, m.place.feature, row["text"][:90]))
        if not ok and shown < args.show:
            shown += 1
            print(f"{exp['event_verb']!r} gold={exp['locations']} pred={[m.text for m in locs]} "
                  f"mentions={[m.text for m in mentions]} | {row['text'][:160]}")
    p = tp_pred / max(n_pred, 1)
    r = tp_gold / max(n_gold, 1)
    res = {
        "items": len(rows),
        "accuracy": round(right / max(len(rows), 1), 3),
        "accuracy_items_with_location": round(right_with_loc / max(with_loc, 1), 3),
        "abstention_right_items_without_location": round(right_without / max(without, 1), 3),
        "location_P": round(p, 3), "location_R": round(r, 3), "location_F1": round(2 * p * r / max(p + r, 1e-9), 3),
        "predicted_locations_resolved_by_gazetteer": len(resolved),
    }
    if args.countries:
        for item in resolved:
            print("\t".join(str(x) for x in item))
    print(json.dumps(res, indent=1))


def end_to_end() -> None:
    """The full coder on each sentence: is there an event on the gold verb, and is its place right?"""
    from eventwire.coding import Coder
    from eventwire.model import Article

    coder = Coder()
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    has_event = right = right_coded = 0
    for row in rows:
        exp = row["expected"][0]
        coded = coder.code(Article(text=row["text"], id=row["id"]))
        span = exp["event_verb_span"]
        events = [e for e in coded.events if span and e.evidence.get("trigger_start") is None
                  and e.trigger == row["text"][span[0]:span[1]]]
        gold_names = exp["locations"]
        if events:
            has_event += 1
        place = next((e.place for e in events if e.place is not None), None)
        if not gold_names:
            ok = place is None
        else:
            ok = place is not None and any(place.name.lower() in g.lower() or g.lower() in place.name.lower()
                                           for g in gold_names)
        right += ok
        right_coded += ok and bool(events)
    print(json.dumps({"items": len(rows), "items_with_an_event_on_the_gold_verb": has_event,
                      "place_right_all_items": round(right / len(rows), 3),
                      "place_right_items_with_event": round(right_coded / max(has_event, 1), 3)}, indent=1))


if __name__ == "__main__":
    main()
