"""CASE 2021 task 2 (ACLED sub-event types) as a classification gold set: format detection, the CAMEO → label
crosswalk (data/lexicon/label_sets.tsv) and single-label scoring. Self-written records only."""

import json

import pytest

from eventwire.evaluation import detect_format, read_gold, score
from eventwire.evaluation.label_sets import labels_of, parse_rules, unmapped_labels
from eventwire.model import Actor, Event


def _record(i, text, label, group="ACLED"):
    return {"id": f"t-{i}", "text": text, "date": None, "expected": [{"source": None, "target": None, "code": label}],
            "event_type": label, "label_group": group, "source_row_id": str(i)}


def _event(cameo, source="---REB", negated=False):
    return Event("a", 0, "s", Actor(source, "x") if source else None, None, cameo, negated=negated)


def test_format_is_detected_from_the_record_fields():
    assert detect_format(_record(1, "Troops shelled the town.", "ART_MISS_ATTACK")).name == "case2021"


def test_crosswalk_longest_prefix_and_source_condition():
    assert labels_of("case2021", "1831", "---REB") == ("SUIC_BOMB",)
    assert labels_of("case2021", "1833", None) == ("REM_EXPLOS",)
    assert labels_of("case2021", "183", None) == ("REM_EXPLOS",)
    assert labels_of("case2021", "192", "SYRMIL") == ("GOV_REGAINS_TERIT",)
    assert labels_of("case2021", "192", "---REB") == ("NON_STATE_ACTOR_OVERTAKES_TER",)
    # occupation by an actor of unknown side: neither 192 row holds, the root row (19, ARMED_CLASH) does
    assert labels_of("case2021", "192", None) == ("ARMED_CLASH",)
    assert labels_of("case2021", "010", "USAGOV") == ()  # a statement is no ACLED event
    assert labels_of("case2021", "057", "USAGOV") == ("AGREEMENT",)
    # ACLED: fighting between armed groups is a clash, armed violence against civilians an attack
    assert labels_of("case2021", "193", "---REB", "SYRMIL") == ("ARMED_CLASH",)
    assert labels_of("case2021", "193", "---REB", "---CVL") == ("ATTACK",)
    assert labels_of("case2021", "193", "---REB", None) == ("ARMED_CLASH",)  # unknown target: no condition holds
    assert labels_of("case2021", "195", "SYRMIL", "---CVL") == ("AIR_STRIKE",)  # an air strike stays one
    assert labels_of("case2021", "042", "USAGOV") == ("DIPLO",)


def test_labels_without_a_cameo_counterpart_are_documented():
    missing = unmapped_labels("case2021")
    assert {"NATURAL_DISASTER", "GRENADE", "PROTEST_WITH_INTER"} <= set(missing)
    assert "ARREST" not in missing


def test_a_malformed_crosswalk_row_is_an_input_error():
    from eventwire.errors import InputError

    with pytest.raises(InputError):
        parse_rules("label_set\tcameo\tlabel\tsource\ttarget\ncase2021\t19x\tARMED_CLASH\t*\t*\n")
    with pytest.raises(InputError):  # the same condition twice
        parse_rules("label_set\tcameo\tlabel\tsource\ttarget\ncase2021\t19\tA\t*\t*\ncase2021\t19\tB\t*\t*\n")
    assert parse_rules("label_set\tcameo\tlabel\tsource\ttarget\ncase2021\t19\tA\t*\t*\n")[0].labels == ("A",)


def test_single_label_scoring_keeps_the_most_intense_event(tmp_path):
    path = tmp_path / "dev.jsonl"
    records = [_record(1, "Rebels bombed a market and were later arrested.", "SUIC_BOMB"),
               _record(2, "Floods hit the valley.", "NATURAL_DISASTER", "unseen-subtask2"),
               _record(3, "Police detained two organisers.", "ARREST")]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    gold = read_gold(path)
    preds = [[_event("173", "---COP"), _event("1831")],  # arrest (173) and suicide bombing (1831): 1831 kept
             [],
             [_event("173", "---COP", negated=True), _event("145", "---CVL")]]  # negated arrest is not an event
    s = score(gold.format, gold.records, preds)
    t = s.levels["type"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 2)
    assert s.per_type["SUIC_BOMB"].tp == 1 and s.per_type["ARREST"].fn == 1
    assert s.per_type["VIOL_DEMONSTR"].fp == 1 and s.per_type["NATURAL_DISASTER"].fn == 1


def test_report_has_micro_and_macro(tmp_path):
    from eventwire.evaluation import to_json, to_table

    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [_record(1, "a", "ARREST"), _record(2, "b", "DIPLO")]),
                    encoding="utf-8")
    gold = read_gold(path)
    s = score(gold.format, gold.records, [[_event("173", "---COP")], [_event("173", "---COP")]])
    part = to_json(gold, s)["labels"]
    assert part["micro"]["precision"] == 0.5 and part["micro"]["recall"] == 0.5
    assert part["macro"]["f1"] == pytest.approx((2 / 3 + 0) / 2, abs=1e-4)
    assert part["weighted_f1"] == pytest.approx((2 / 3 * 1 + 0 * 1) / 2, abs=1e-4)
    assert "macro P" in to_table(gold, s)


def test_dev_split_is_scored(shared_eval):
    from eventwire.evaluation import evaluate

    gold, s = evaluate(shared_eval / "case2021-task2-acled-types" / "dev.jsonl", limit=40)
    assert gold.format.name == "case2021" and len(gold.records) == 40
    assert s.levels["type"].tp + s.levels["type"].fn == 40  # one gold label per snippet


def test_macro_by_label_group_is_cumulative(tmp_path):
    from eventwire.evaluation import to_json

    rows = [_record(1, "a", "ARREST"), _record(2, "b", "ORG_CRIME", "unseen-subtask2")]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = read_gold(path)
    groups = to_json(gold, score(gold.format, gold.records, [[_event("173", "---COP")], []]))["labels"]["macro_f1_by_group"]
    assert groups == {"ACLED": {"macro_f1": 1.0, "weighted_f1": 1.0},
                      "ACLED+unseen-subtask2": {"macro_f1": 0.5, "weighted_f1": 0.5}}


def test_reduced_relations_are_diplomatic_events():
    from eventwire.evaluation.label_sets import labels_of
    assert labels_of("case2021", "163", "USA", "IRN") == ("DIPLO",)  # sanctions
    assert labels_of("case2021", "161", "SOM", "KENGOV") == ("DIPLO",)


def test_civilians_fighting_is_a_violent_demonstration_not_an_armed_clash():
    from eventwire.evaluation.label_sets import labels_of
    assert labels_of("case2021", "190", "---CVL", "---COP") == ("VIOL_DEMONSTR",)
    assert labels_of("case2021", "190", "---COP", "---CVL") == ("ATTACK",)
    assert labels_of("case2021", "190", "---MIL", "---REB") == ("ARMED_CLASH",)
