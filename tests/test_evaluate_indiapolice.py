"""IndiaPoliceEvents as a classification gold set: format detection, the police-only crosswalk with its
question hierarchy (KILL ⊂ FORCE ⊂ ANY_ACTION, ARREST ⊂ ANY_ACTION), multi-label sentence scoring and the
benchmark's fixed sample. Self-written records only."""

import json

from eventwire.evaluation import detect_format, read_gold, score
from eventwire.evaluation.label_sets import labels_of, roles, unmapped_labels
from eventwire.model import Actor, Event


def _record(doc, sent, text, labels):
    return {"id": f"ipe-{doc}-{sent}", "text": text, "date": "2002-03-05",
            "expected": [{"source": "police", "target": None, "code": lab} for lab in labels],
            "labels": labels, "expect_no_event": not labels, "doc_id": doc, "sent_id": sent}


def _event(cameo, source):
    return Event("a", 0, "s", Actor(source, "x") if source else None, None, cameo)


def test_format_is_detected_and_negatives_are_no_event_records(tmp_path):
    rows = [_record(1, 0, "a crowd gathered near the station.", []),
            _record(1, 1, "constables detained six youths.", ["ANY_ACTION", "ARREST"])]
    assert detect_format(rows[0]).name == "ipe"
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = read_gold(path)
    assert gold.records[0].no_event and [g.code for g in gold.records[1].events] == ["ANY_ACTION", "ARREST"]


def test_only_police_sources_get_labels_and_the_hierarchy_holds():
    assert roles("INDCOP") == {"COP"} and roles("---COP") == {"COP"} and roles("COP") == {"COP"}
    assert labels_of("ipe", "173", "INDCOP") == ("ANY_ACTION", "ARREST")
    assert labels_of("ipe", "1823", "---COP") == ("ANY_ACTION", "FORCE", "KILL")
    assert labels_of("ipe", "193", "---COP") == ("ANY_ACTION", "FORCE")
    assert labels_of("ipe", "173", "INDGOV") == ()  # not police
    assert labels_of("ipe", "010", "INDCOP") == ()  # a statement is not an action
    assert unmapped_labels("ipe") == ["FAIL"]


def test_multi_label_scoring_per_sentence(tmp_path):
    rows = [_record(1, 0, "officers fired at the rioters, killing two.", ["ANY_ACTION", "FORCE", "KILL"]),
            _record(1, 1, "the mob set shops on fire.", []),
            _record(1, 2, "the force stood by as houses burned.", ["FAIL"])]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = read_gold(path)
    preds = [[_event("193", "INDCOP"), _event("190", "INDCOP")],  # two police fights: ANY_ACTION + FORCE once each
             [_event("145", "---CVL"), _event("173", "INDCOP")],  # the riot is no police action; the arrest is
             []]
    s = score(gold.format, gold.records, preds)
    t = s.levels["dyad"]
    assert (t.tp, t.fp, t.fn) == (2, 2, 2)
    assert s.per_type["KILL"].fn == 1 and s.per_type["FAIL"].fn == 1 and s.per_type["ARREST"].fp == 1
    assert s.per_type["FORCE"].tp == 1


def test_benchmark_samples_every_kth_record_unless_full(tmp_path, monkeypatch):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "events_eval", Path(__file__).resolve().parents[1] / "benchmarks" / "events_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(_record(1, i, "nothing happened here.", [])) for i in range(25)),
                    encoding="utf-8")
    monkeypatch.setattr(mod, "predict", lambda gold: [[] for _ in gold.records])
    gold, _, k = mod._evaluate("india-police-events", path, full=False)
    assert k == 10 and [r.id for r in gold.records] == ["ipe-1-0", "ipe-1-10", "ipe-1-20"]
    assert mod._evaluate("case2021-task2-acled-types", path, full=False)[2] is None


def test_dev_split_is_scored(shared_eval):
    from eventwire.evaluation import evaluate

    gold, _ = evaluate(shared_eval / "india-police-events" / "dev.jsonl", limit=60)
    assert gold.format.name == "ipe" and len(gold.records) == 60


def test_document_level_view(tmp_path):
    from eventwire.evaluation import to_json

    rows = [_record(1, 0, "a.", ["ANY_ACTION", "ARREST"]), _record(1, 1, "b.", []),
            _record(2, 0, "c.", ["ANY_ACTION"]), _record(3, 0, "d.", [])]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = read_gold(path)
    # doc 1: the arrest is coded in the other sentence (a sentence miss and a false alarm, a document hit);
    # doc 3: a police arrest with no gold label there
    preds = [[], [_event("173", "INDCOP")], [], [_event("173", "INDCOP")]]
    docs = to_json(gold, score(gold.format, gold.records, preds))["labels"]["documents"]["per_label"]
    assert docs["ARREST"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert docs["ANY_ACTION"]["recall"] == 0.5 and docs["ANY_ACTION"]["precision"] == 0.5
