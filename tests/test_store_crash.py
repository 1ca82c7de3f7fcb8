"""Crash safety: a process killed with SIGKILL during ingest, then re-run: nothing lost, nothing doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from test_store_support import FakeCoder, articles, ingest_killed_at, store_url  # noqa: F401

from eventwire.store import Store, ingest


def test_store_kill_mid_transaction_then_rerun(store_url):
    ingest_killed_at(store_url, 6)
    with Store(store_url) as store:
        after_crash = store.counts()
        assert (after_crash["articles"], after_crash["events"], after_crash["sentences"]) == (5, 10, 10)
        (run,) = store.runs()
        assert run["finished_at"] is None  # the killed run never finished
        report = ingest(store, articles(10), FakeCoder())
        assert (report.coded, report.unchanged, report.failed) == (5, 5, 0)
        final = store.counts()
        events = list(store.events())
    assert (final["articles"], final["events"], final["sentences"], final["actors"]) == (10, 20, 20, 40)
    assert len({e.id for e in events}) == 20
    expected = {e.id for a in articles(10) for e in FakeCoder().code(a).events}
    assert {e.id for e in events} == expected


@pytest.mark.slow
def test_store_cli_ingest_killed_then_rerun(store_url, tmp_path, coder, run_cli):
    """The real command, coding with the real model, killed with SIGKILL once a few articles are stored."""
    texts = [
        "Russian forces attacked Ukrainian positions near Kharkiv on Monday.",
        "President Biden met Chancellor Scholz in Berlin to discuss sanctions.",
        "China accused the United States of interfering in its internal affairs.",
        "Protesters clashed with police in Nairobi after the election.",
    ]
    n = 30
    batch = tmp_path / "batch.jsonl"
    with batch.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"k{i}", "date": "2024-03-04",
                                 "text": f"{texts[i % 4]} {texts[(i + 1) % 4]} Item {i}."}) + "\n")
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "ingest", str(batch), "--db", store_url,
           "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stored = 0
    try:
        deadline = time.monotonic() + 300
        while stored < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            try:
                with Store(store_url, read_only=True) as ro:
                    stored = ro.counts()["articles"]
            except Exception:  # not created / migrated yet
                stored = 0
        assert proc.poll() is None, "ingest finished before it could be killed; make the batch larger"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store(store_url, read_only=True) as ro:
        before = ro.counts()["articles"]
    assert 3 <= before < n
    code, _, err = run_cli(*cmd[3:])  # the same command again, in-process (the model is already loaded)
    assert code == 0, err
    assert f"{n - before} article(s) coded" in err and f"{before} unchanged" in err
    import datetime as dt

    from eventwire.model import Article

    day = dt.date(2024, 3, 4)
    lines = [json.loads(x) for x in batch.read_text().splitlines()]
    expected = {e.id for c in coder.code_many(Article(text=r["text"], date=day, id=r["id"]) for r in lines)
                for e in c.events}
    with Store(store_url, read_only=True) as ro:
        counts = ro.counts()
        ids = [e.id for e in ro.events()]
    assert counts["articles"] == n and len(ids) == len(set(ids)) == counts["events"]
    assert set(ids) == expected
