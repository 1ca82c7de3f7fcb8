"""`eventwire ingest`, `query` and `export` end to end with the real coder (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_store_support import store_url  # noqa: F401

pytestmark = pytest.mark.slow

BATCH = [
    {"id": "a1", "date": "2024-03-04", "text": "Russian forces attacked Ukrainian positions near Kharkiv."},
    {"id": "a2", "date": "2024-03-12", "text": "The United States imposed sanctions on Iran."},
    {"id": "a3", "date": "2024-04-02", "text": "China accused the United States of interfering."},
]


@pytest.fixture
def batch(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in BATCH) + "{not json\n", encoding="utf-8")
    return path


def test_store_cli_ingest_query_export(run_cli, store_url, batch, tmp_path):
    code, _, err = run_cli("ingest", str(batch), "--db", store_url)
    assert code == 3, err  # one malformed record: reported, recorded, the rest stored
    assert "3 article(s) coded" in err and "1 failed" in err and "batch.jsonl:4" in err

    code, _, err = run_cli("ingest", str(batch), "--db", store_url)
    assert "0 article(s) coded" in err and "3 unchanged" in err

    from eventwire.store import Store, resolve_url

    with Store(store_url, read_only=True) as ro:
        runs = ro.runs()
        failures = ro.failures()
    password = resolve_url(store_url).password
    assert len(runs) == 2 and runs[0]["articles_coded"] == 3 and runs[1]["articles_unchanged"] == 3
    assert runs[0]["command"].startswith("eventwire ingest ") and "--db" in runs[0]["command"]
    assert not password or (f":{password}@" not in runs[0]["command"] and ":***@" in runs[0]["command"])
    assert [f["line"] for f in failures] == [4, 4]
    code, out, _ = run_cli("query", "--db", store_url, "--failures", "--format", "jsonl")
    assert [json.loads(x)["line"] for x in out.splitlines()] == [4, 4]
    code, out, _ = run_cli("query", "--db", store_url, "--runs", "--format", "csv")
    assert [r["articles_coded"] for r in csv.DictReader(io.StringIO(out))] == ["3", "0"]

    code, out, err = run_cli("query", "--db", store_url, "--actor", "USA", "--format", "jsonl")
    assert code == 0, err
    events = [json.loads(x) for x in out.splitlines()]
    assert {e["article_id"] for e in events} == {"a2", "a3"}
    sanction = [e for e in events if e["cameo"].startswith("16")]
    assert sanction and sanction[0]["source"]["code"] == "USA" and sanction[0]["target"]["country"] == "IRN"

    code, out, _ = run_cli("query", "--db", store_url, "--source", "RUS", "--target", "UKR", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["article_id"] for r in rows] == ["a1"] and rows[0]["cameo"].startswith("19")

    code, out, _ = run_cli("query", "--db", store_url, "--count-by", "month", "--format", "jsonl")
    months = {r["period"]: r["events"] for r in map(json.loads, out.splitlines())}
    assert set(months) == {"2024-03-01", "2024-04-01"} and sum(months.values()) >= 3

    code, out, _ = run_cli("query", "--db", store_url, "--count-by", "week", "--dyad")
    assert code == 0 and out.splitlines()[0].split() == ["PERIOD", "SOURCE", "TARGET", "EVENTS"]

    for fmt in ("jsonl", "csv", "parquet", "plover", "cameo"):
        out_file = tmp_path / f"events.{fmt}"
        code, _, err = run_cli("export", "--db", store_url, "--format", fmt, "-o", str(out_file))
        assert code == 0, err
        assert out_file.stat().st_size > 0 and "event(s) written" in err
    code, out, err = run_cli("export", "--db", store_url, "--format", "cameo", "-o", "-")
    assert code == 0 and out.startswith("EventID\tDate\t") and "written to stdout" in err
    exported = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {e["article_id"] for e in exported} == {"a1", "a2", "a3"}


def test_store_cli_errors_are_one_line(run_cli, tmp_path):
    code, _, err = run_cli("query", "--db", str(tmp_path / "missing.db"))
    assert code != 0 and err.startswith("error: no database at") and len(err.strip().splitlines()) == 1
    code, _, err = run_cli("query", "--db", "postgresql://me:Hunter2Secret@127.0.0.1:1/x")
    assert code != 0 and "Hunter2Secret" not in err and "***" in err
    code, _, err = run_cli("export", "--db", str(tmp_path / "missing.db"), "--format", "xml", "-o", "x")
    assert code != 0 and "unknown --format" in err
    code, _, err = run_cli("query", "--db", str(tmp_path / "missing.db"), "--dyad")
    assert code != 0 and "--count-by" in err


def test_store_cli_ingest_folder_and_stdin(run_cli, tmp_path):
    db = tmp_path / "e.db"
    folder = tmp_path / "news" / "deep"
    folder.mkdir(parents=True)
    (folder / "story.txt").write_text("President Biden met Chancellor Scholz in Berlin.", encoding="utf-8")
    code, _, err = run_cli("ingest", str(tmp_path / "news"), "--db", str(db), "--date", "2024-05-01")
    assert code == 0 and "1 article(s) coded" in err, err
    stdin = (json.dumps({"id": "s1", "date": "2024-05-02", "text": "Israel attacked Hamas."}) + "\n").encode()
    code, _, err = run_cli("ingest", "-", "--db", str(db), stdin=stdin)
    assert code == 0 and "1 article(s) coded" in err, err
    code, _, err = run_cli("ingest", str(tmp_path / "nope.jsonl"), "--db", str(db))
    assert code == 3 and "no such file" in err
