"""Evaluation: gold format detection, matching levels, precision scope, reports. No ../shared needed."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import InputError
from eventwire.evaluation import read_gold, score, to_json, to_table
from eventwire.evaluation.scoring import span_match
from eventwire.model import Actor, Event


def ev(src: str | None, tgt: str | None, cameo: str, negated: bool = False) -> Event:
    def actor(code):
        return Actor(code, code, code[:3]) if code else None
    return Event("a", 0, "s", actor(src), actor(tgt), cameo, negated=negated)


def write(tmp_path, rows):
    p = tmp_path / "dev.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return p


def petrarch_rows():
    return [{"id": "1", "text": "t", "date": "20080101", "expect_no_event": False, "category": "AFP",
             "expected": [{"source": "USAGOV", "target": "RUS", "code": "0841"}]},
            {"id": "2", "text": "t", "date": "20080101", "expect_no_event": True, "category": "AFP", "expected": []}]


def test_petrarch_levels(tmp_path):
    gold = read_gold(write(tmp_path, petrarch_rows()))
    assert gold.format.name == "petrarch"
    s = score(gold.format, gold.records, [[ev("USAGOV", "RUSMIL", "084")], [ev("FRA", "DEU", "190")]],
              ("exact", "dyad", "type", "structure"))
    assert (s.levels["exact"].tp, s.levels["exact"].fp, s.levels["exact"].fn) == (0, 2, 1)
    assert (s.levels["dyad"].tp, s.levels["dyad"].fp, s.levels["dyad"].fn) == (1, 1, 0)  # USA→RUS root 08
    assert s.levels["dyad"].precision == 0.5 and s.levels["dyad"].recall == 1.0
    assert s.levels["type"].tp == 1
    assert s.per_type["08"].tp == 1 and s.per_type["19"].fp == 1


def test_negated_predictions_are_not_scored(tmp_path):
    gold = read_gold(write(tmp_path, petrarch_rows()))
    s = score(gold.format, gold.records, [[], [ev("FRA", "DEU", "190", negated=True)]])
    assert s.levels["dyad"].fp == 0 and s.levels["dyad"].fn == 1
    assert s.miss_kinds["no event predicted in the sentence"] == 1


def test_plover_precision_scope_and_types(tmp_path):
    row = {"id": "p", "text": "t", "date": None, "plover_events": [],
           "expected": [{"source": "HUN", "target": "ROU", "code": "DEMAND", "plover_type": "DEMAND",
                         "source_combined": "HUNGOV", "target_combined": "ROU"}]}
    gold = read_gold(write(tmp_path, [row]))
    assert gold.format.name == "plover-gsr"
    s = score(gold.format, gold.records, [[ev("HUNGOV", "ROU", "106"), ev("HUN", "AUT", "040"),
                                           ev("HUN", "AUT", "100")]])
    d = s.levels["dyad"]
    assert (d.tp, d.fp, d.extra) == (1, 1, 1)  # CONSULT is not annotated on the sentence: an extra, not an FP
    assert s.levels["exact"].tp == 1


def test_coder_rounds_spans_and_unjudged_records(tmp_path):
    rows = [{"id": "c1", "text": "t", "date": None, "consensus_relevant": True, "expect_no_event": False,
             "expected": [{"source": "Iraqi forces", "target": None, "code": "18"}]},
            {"id": "c2", "text": "t", "date": None, "consensus_relevant": None, "expect_no_event": False,
             "expected": []}]
    gold = read_gold(write(tmp_path, rows))
    assert gold.format.name == "coder-rounds"
    pred = Event("a", 0, "s", Actor("IRQMIL", "Iraqi security forces", "IRQ"), None, "182")
    s = score(gold.format, gold.records, [[pred], [ev("FRA", "DEU", "190")]])
    assert s.levels["dyad"].tp == 1 and s.levels["dyad"].fp == 0 and s.levels["dyad"].extra == 1


def test_span_match():
    assert span_match(None, "anything") and span_match("the Iraqi army", "Iraqi troops")
    assert not span_match("Iraqi army", "French troops")


def test_reports(tmp_path):
    gold = read_gold(write(tmp_path, petrarch_rows()))
    s = score(gold.format, gold.records, [[ev("USAGOV", "RUS", "0841")], []])
    table = to_table(gold, s).splitlines()
    assert table[-4].startswith("level") and table[-2].startswith("country dyad+type")
    assert "1.000" in table[-2]
    doc = to_json(gold, s)
    assert doc["levels"]["exact"]["f1"] == 1.0 and doc["format"] == "petrarch"
    json.dumps(doc)


def test_bad_gold_inputs(tmp_path):
    with pytest.raises(InputError):
        read_gold(tmp_path / "missing.jsonl")
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "1", "text": "t", "expected": [], "weird": 1}\n')
    with pytest.raises(InputError, match="gold format"):
        read_gold(p)
    p.write_text("not json\n")
    with pytest.raises(InputError, match="not JSON"):
        read_gold(p)


def test_country_codes_are_not_organisation_prefixes(tmp_path):
    """AUS is Australia, not the African Union (AU); NGO gold and predictions meet at the IGO level."""
    row = {"id": "p", "text": "t", "date": None, "plover_events": [],
           "expected": [{"source": "SRB", "target": "AUS", "code": "REJECT", "plover_type": "REJECT"},
                        {"source": "NGO", "target": "HRV", "code": "DISAPPROVE", "plover_type": "DISAPPROVE"}]}
    gold = read_gold(write(tmp_path, [row]))
    pred = [Event("a", 0, "s", Actor("SRB", "Serbia", "SRB"), Actor("AUS", "Australian", "AUS"), "120"),
            Event("a", 0, "s", Actor("NGO", "Amnesty", "NGO"), Actor("HRV", "Croatia", "HRV"), "111")]
    d = score(gold.format, gold.records, [pred]).levels["dyad"]
    assert (d.tp, d.fp, d.fn) == (2, 0, 0)
    au = score(gold.format, gold.records, [[Event("a", 0, "s", Actor("SRB", "Serbia", "SRB"),
                                                  Actor("AU", "African Union", "AU"), "120")]]).levels["dyad"]
    assert au.tp == 0


def test_coder_rounds_one_event_per_root(tmp_path):
    # the set's `expected` has one entry per consensus root, so a sentence's predictions of one root are one event
    rows = [{"id": "c1", "text": "t", "date": None, "consensus_relevant": True, "expect_no_event": False,
             "expected": [{"source": "Japan", "target": "France", "code": "05"}]},
            {"id": "c2", "text": "t", "date": None, "consensus_relevant": False, "expect_no_event": True,
             "expected": []}]
    gold = read_gold(write(tmp_path, rows))
    assert gold.format.one_per_type
    both_ways = [Event("a", 0, "s", Actor("JPN", "Japan", "JPN"), Actor("FRA", "France", "FRA"), "057"),
                 Event("a", 0, "s", Actor("FRA", "France", "FRA"), Actor("JPN", "Japan", "JPN"), "057"),
                 Event("a", 0, "s", Actor("JPN", "Japan", "JPN"), Actor("FRA", "France", "FRA"), "040")]
    negatives = [ev("FRA", "DEU", "190"), ev("DEU", "FRA", "190"), ev("DEU", "FRA", "111")]
    d = score(gold.format, gold.records, [both_ways, negatives]).levels["dyad"]
    assert (d.tp, d.fp, d.fn) == (1, 3, 0)  # 04 in c1; 19 and 11 in c2 (the two 19s count once)


def test_penta_one_class_per_sentence(tmp_path):
    row = {"id": "p", "text": "t", "date": None,
           "expected": [{"source": ["Iraqi troops"], "target": ["rebels"], "reciprocal": [], "code": "4",
                         "penta_class": 4}]}
    gold = read_gold(write(tmp_path, [row]))
    assert gold.format.name == "penta" and gold.format.one_per_type
    attack = Event("a", 0, "s", Actor("IRQMIL", "Iraqi troops", "IRQ"), Actor("IRQREB", "rebels", "IRQ"), "190")
    shelling = Event("a", 0, "s", Actor("IRQMIL", "Iraqi troops", "IRQ"), Actor("IRQREB", "the rebels", "IRQ"), "195")
    d = score(gold.format, gold.records, [[attack, shelling, ev("IRQ", "IRN", "111")]]).levels["dyad"]
    assert (d.tp, d.fp, d.fn) == (1, 1, 0)  # two class-4 events are the sentence's one class-4 event; 11 is class 3


def test_gold_entries_equal_at_the_country_level_are_one_event(tmp_path):
    """"Mali's government and its rebels" → two MLI targets; predictions are deduplicated the same way."""
    row = {"id": "p", "text": "t", "date": None, "plover_events": [],
           "expected": [{"source": "FRA", "target": "MLI", "code": "DEMAND", "plover_type": "DEMAND",
                         "target_combined": "MLIGOV"},
                        {"source": "FRA", "target": "MLI", "code": "DEMAND", "plover_type": "DEMAND",
                         "target_combined": "MLIREB"}]}
    gold = read_gold(write(tmp_path, [row]))
    pred = [ev("FRAGOV", "MLIGOV", "100"), ev("FRAGOV", "MLIREB", "100")]
    d = score(gold.format, gold.records, [pred]).levels["dyad"]
    assert (d.tp, d.fp, d.fn) == (1, 0, 0)
