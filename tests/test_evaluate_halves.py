"""The tune/held split of the never-tuned classification sets (evaluation/halves.py): by document, fixed in
advance, disjoint and complete; and benchmarks/events_eval.py never lists errors of the held half.
Self-written records, plus a check on the real sets when ../shared/eval is present."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.evaluation import read_gold
from eventwire.evaluation.halves import document_key, half_of, select_half

ROOT = Path(__file__).resolve().parents[1]


def _ipe(doc, sent):
    return {"id": f"ipe-{doc}-{sent}", "text": f"sentence {sent} of article {doc}.", "date": "2002-03-05",
            "expected": [], "labels": [], "expect_no_event": True, "doc_id": doc, "sent_id": sent}


def _write(tmp_path, rows):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return read_gold(path)


def test_sentences_of_one_document_stay_together_and_the_halves_partition_the_set(tmp_path):
    gold = _write(tmp_path, [_ipe(doc, sent) for doc in range(40) for sent in range(3)])
    tune, held = select_half(gold, "tune"), select_half(gold, "held")
    assert len(tune.records) + len(held.records) == len(gold.records)
    assert {r.id for r in tune.records}.isdisjoint(r.id for r in held.records)
    assert tune.records and held.records  # 40 documents: both halves are used
    for half in (tune, held):
        docs = {r.raw["doc_id"] for r in half.records}
        assert len(half.records) == 3 * len(docs)  # every sentence of a document is in its half


def test_the_half_depends_on_the_document_key_only(tmp_path):
    a = _write(tmp_path, [_ipe(7, 0), _ipe(7, 1)]).records
    assert document_key(a[0]) == document_key(a[1]) == "doc_id:7"
    assert half_of(a[0]) == half_of(a[1])
    # sha1("doc_id:7") is fixed: the same half on every machine and run
    import hashlib
    assert half_of(a[0]) == ("tune", "held")[int(hashlib.sha1(b"doc_id:7").hexdigest(), 16) % 2]


def test_an_unknown_half_is_refused(tmp_path):
    with pytest.raises(ValueError):
        select_half(_write(tmp_path, [_ipe(1, 0)]), "test")


def test_the_benchmark_refuses_to_list_errors_of_the_held_half():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "events_eval.py"), "--no-record",
                          "--half", "held", "--errors", "5", "--sets", "case2021-task2-acled-types"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2 and "tune half" in run.stderr


def test_real_sets_split_into_two_halves_of_similar_size(shared_eval):
    for name, key in (("india-police-events", "doc_id"), ("case2021-task2-acled-types", "source_row_id")):
        gold = read_gold(shared_eval / name / "dev.jsonl")
        docs = {r.raw[key]: half_of(r) for r in gold.records}
        tune = sum(1 for h in docs.values() if h == "tune")
        assert 0.4 < tune / len(docs) < 0.6, name
