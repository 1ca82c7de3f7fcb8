"""No gold sentence in the code, data, tests, scripts or docs (benchmarks/gold_overlap.py, 8-word runs)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _checker():
    spec = importlib.util.spec_from_file_location("gold_overlap", ROOT / "benchmarks" / "gold_overlap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_eight_word_run_of_a_gold_text_outside_converted_resources(shared_eval, capsys):
    assert _checker().main(["--eval", str(shared_eval)]) == 0, capsys.readouterr().out


def test_checker_finds_a_copied_sentence(tmp_path, capsys):
    gold = tmp_path / "eval" / "someset"
    gold.mkdir(parents=True)
    (gold / "dev.jsonl").write_text('{"text": "The ministers of both countries met in Vienna on a rainy Monday."}\n')
    copied = tmp_path / "copied.py"
    copied.write_text('EXAMPLE = "both countries met in Vienna on a rainy Monday"\n')
    written = tmp_path / "written.py"
    written.write_text('EXAMPLE = "the two envoys talked in Oslo on Friday"\n')
    checker = _checker()
    assert checker.main(["--eval", str(tmp_path / "eval"), str(copied)]) == 1
    assert "copied.py:1" in capsys.readouterr().out
    assert checker.main(["--eval", str(tmp_path / "eval"), str(written)]) == 0
