"""``eventwire clusters``: duplicate copies skipped, one row per real event with every report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "data" / "stories" / "articles.jsonl"
pytestmark = pytest.mark.slow


def test_clusters_command_skips_copies_and_merges_reports(run_cli, tmp_path):
    rows = [json.loads(x) for x in ARTICLES.read_text(encoding="utf-8").splitlines() if x.strip()]
    summit = [r for r in rows if r["id"].startswith(("summit", "other-summit"))]
    copy = dict(summit[0], id="summit-wire-a-syndicated", title="UPDATE 1-" + summit[0]["title"])
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({k: r[k] for k in ("id", "date", "title", "text")}) + "\n"
                            for r in summit + [copy]))
    code, out, err = run_cli("clusters", str(path), "--format", "jsonl")
    assert code == 0, err
    assert "summit-wire-a-syndicated: a copy of summit-wire-a" in err
    clusters = [json.loads(line) for line in out.splitlines()]
    assert all("summit-wire-a-syndicated" not in c["articles"] for c in clusters)  # not coded twice
    biggest = max(clusters, key=lambda c: len(c["articles"]))
    assert {"summit-wire-a", "summit-wire-b", "summit-wire-c"} <= set(biggest["articles"])
    assert biggest["reports"] == len(biggest["mentions"]) >= 3 and biggest["first_date"] == "2025-05-08"
    assert not {"other-summit-berlin", "other-summit-delhi"} & set(biggest["articles"])
    code, out, _ = run_cli("clusters", str(path), "--keep-duplicates", "--min-reports", "2")
    assert code == 0 and "summit-wire-a-syndicated" in out and "report(s) in" in out


def test_clusters_state_file_extends_earlier_runs(run_cli, tmp_path):
    rows = [json.loads(x) for x in ARTICLES.read_text(encoding="utf-8").splitlines() if x.strip()]
    summit = [r for r in rows if r["id"].startswith("summit-wire")]
    state = tmp_path / "state.json"
    for i, part in enumerate((summit[:2], summit[2:] + [dict(summit[0], id="copy-of-a")])):
        path = tmp_path / f"part{i}.jsonl"
        path.write_text("".join(json.dumps({k: r[k] for k in ("id", "date", "title", "text")}) + "\n" for r in part))
        code, out, err = run_cli("clusters", str(path), "--state", str(state), "--format", "jsonl")
        assert code == 0, err
    assert "copy-of-a: a copy of summit-wire-a" in err  # recognised against the first run's articles
    clusters = [json.loads(line) for line in out.splitlines()]
    biggest = max(clusters, key=lambda c: len(c["articles"]))
    assert {"summit-wire-a", "summit-wire-b", "summit-wire-c"} <= set(biggest["articles"])
