"""The batch runner with the model: every engine gives exactly the events of ``Coder.code_many``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.batch import read_shard_events, run_batch
from eventwire.batch import engines as engines_mod
from eventwire.cli import app
from eventwire.cli.app import run_app

pytestmark = pytest.mark.slow

TEXTS = [
    "Russia accused Ukraine of shelling civilian areas near Kharkiv on Tuesday.",
    "French President Emmanuel Macron met Chinese President Xi Jinping in Beijing on Wednesday.",
    "NATO condemned the missile attack and urged Moscow to return to talks.",
    "Israel rejected the ceasefire proposal, the foreign ministry said.",
    "The European Union imposed new sanctions on Iran over its nuclear programme.",
    "Turkey's foreign minister will visit Egypt next week. Oil prices rose 2 percent.",
    "Inflation reached 9 percent in October, the statistics office said.",
    "India and Pakistan agreed to hold talks on the border dispute.",
    "The United Nations called on Sudan's army to allow aid into Darfur.",
    "German Chancellor Olaf Scholz praised Poland for hosting refugees.",
]


def _write_input(path: Path, texts: list[str] = TEXTS) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": f"t{i}", "date": "2024-11-08", "text": t}) + "\n")
    return path


def _events(out: Path) -> list[dict]:
    return sorted((e for p in sorted(out.glob("part-*")) for e in read_shard_events(p)),
                  key=lambda e: (e["article_id"], e["sentence_index"], e["id"]))


def _direct(coder, path: Path) -> list[dict]:
    from eventwire.reading import iter_path

    return sorted((e.to_dict() for c in coder.code_many(iter_path(path)) for e in c.events),
                  key=lambda e: (e["article_id"], e["sentence_index"], e["id"]))


def test_dask_and_local_paths_give_identical_events(tmp_path, coder):
    from dask.distributed import LocalCluster

    src = _write_input(tmp_path / "in.jsonl")
    local = run_batch([src], tmp_path / "local", partition_size=3)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        dask = run_batch([src], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                         partition_size=3)
    assert local.ok and dask.ok
    assert local.partitions == dask.partitions == 4
    expected = _direct(coder, src)
    assert len(expected) >= 8  # the input really produces events
    assert _events(tmp_path / "local") == expected
    assert _events(tmp_path / "dask") == expected
    assert len(dask.peak_rss_mb) == 2  # both worker processes coded partitions


def test_process_pool_and_parquet_give_identical_events(tmp_path, coder):
    src = _write_input(tmp_path / "in.jsonl")
    report = run_batch([src], tmp_path / "pool", workers=2, fmt="parquet", partition_size=4)
    assert report.ok and report.coded == 3
    assert {p.suffix for p in (tmp_path / "pool").glob("part-*")} == {".parquet"}
    assert _events(tmp_path / "pool") == _direct(coder, src)


def test_rerun_skips_done_partitions_and_recodes_changed_ones(tmp_path):
    src = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    first = run_batch([src], out, partition_size=4)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    again = run_batch([src], out, partition_size=4)
    assert (again.partitions, again.skipped, again.coded) == (3, 3, 0)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")} == before
    changed = TEXTS[:5] + ["Japan protested to China over the incident."] + TEXTS[6:]
    _write_input(src, changed)  # only partition 1 (articles 4-7) changed
    third = run_batch([src], out, partition_size=4)
    assert (third.skipped, third.coded) == (2, 1)
    assert first.events != 0 and third.shards == ["part-000000.jsonl", "part-000001.jsonl", "part-000002.jsonl"]


def test_failed_partition_is_retried_then_reported_and_rerun_codes_only_it(tmp_path, monkeypatch):
    src = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    real = engines_mod.code_partition
    calls: dict[int, int] = {}

    def flaky(part, opts):
        calls[part.index] = calls.get(part.index, 0) + 1
        if part.index == 0 and calls[0] == 1:
            raise RuntimeError("transient")
        if part.index == 1:
            raise RuntimeError("always broken")
        return real(part, opts)

    monkeypatch.setattr(engines_mod, "code_partition", flaky)
    report = run_batch([src], out, partition_size=4, retries=2)
    assert calls == {0: 2, 1: 3, 2: 1}
    assert [f["partition"] for f in report.failed] == [1]
    assert report.failed[0]["attempts"] == 3 and "always broken" in report.failed[0]["error"]
    assert json.loads((out / "summary.json").read_text())["failed"][0]["partition"] == 1
    assert not (out / "part-000001.jsonl").exists()

    monkeypatch.setattr(engines_mod, "code_partition", real)
    rerun = run_batch([src], out, partition_size=4)
    assert (rerun.skipped, rerun.coded, rerun.failed) == (2, 1, [])


def test_cli_batch(tmp_path, capsys):
    src = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    assert run_app(app, ["batch", str(src), "--out", str(out), "--partition-size", "5"]) == 0
    assert "2 partition(s): 2 coded" in capsys.readouterr().err
    assert run_app(app, ["batch", str(src), "--out", str(out), "--partition-size", "5"]) == 0
    assert "0 coded, 2 already done" in capsys.readouterr().err
    assert run_app(app, ["batch", str(src), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1"]) == 1
    assert "--scheduler needs --engine dask" in capsys.readouterr().err
