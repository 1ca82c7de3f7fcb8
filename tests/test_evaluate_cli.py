"""`eventwire evaluate` end to end: on a small synthetic gold file, and (when present) on ../shared/eval."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_evaluate_table_and_json(runner, tmp_path, coder):
    p = tmp_path / "dev.jsonl"
    p.write_text(json.dumps({"id": "1", "text": "Turkey condemned Israel on Monday.", "date": "20240101",
                             "expect_no_event": False, "category": "T",
                             "expected": [{"source": "TUR", "target": "ISR", "code": "111"}]}) + "\n")
    res = runner.invoke(app, ["evaluate", str(p)])
    assert res.exit_code == 0, res.output
    last = res.output.strip().splitlines()[-4:]
    assert last[0].startswith("level") and "country dyad+type" in last[2] and "1.000" in last[2]
    res = runner.invoke(app, ["evaluate", str(p), "--format", "json"])
    doc = json.loads(res.output)
    assert doc["levels"]["dyad"]["tp"] == 1


def test_evaluate_shared_plover_dev(shared_eval):
    from eventwire.evaluation import evaluate

    gold, scores = evaluate(shared_eval / "plover-gsr-cameo-manual" / "dev.jsonl", limit=20)
    assert gold.format.name == "plover-gsr" and len(gold.records) == 20
    assert scores.levels["type"].tp > 0


def test_evaluate_petrarch_suite_uses_its_own_dictionaries(shared_eval):
    from eventwire.evaluation import evaluate, read_gold
    from eventwire.evaluation.runner import _coder_for

    path = shared_eval / "petrarch2-unittest" / "dev.jsonl"
    coder = _coder_for(read_gold(path, limit=1))
    assert coder.actors is not None
    gold, scores = evaluate(path, coder=coder, limit=15)
    assert "structure" in scores.levels and scores.levels["structure"].records == 15
    assert any(p.source_code and p.source_code.startswith(("ARN", "GON", "DAG", "ELF", "OSG"))
               for r in scores.results for p in r.predicted)
