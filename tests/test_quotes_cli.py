"""``eventwire quotes FILE``: who said what, as JSONL or a table."""

from __future__ import annotations

import json

import pytest

TEXT = ("\u201cWe will not give up our land,\u201d Zelensky said on Friday. "
        "Peskov said that there were no specifics, according to the Interfax news agency.\n")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_quotes_jsonl(run_cli, article):
    code, out, err = run_cli("quotes", str(article), "--date", "2025-01-28")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["speaker"]["text"], r["direct"]) for r in rows] == [("Zelensky", True), ("Peskov", False)]
    assert rows[1]["channel"] and "Interfax" in rows[1]["channel"]
    assert rows[0]["speaker"]["code"] == "UKRGOV"
    assert "2 quote(s)" in err


def test_quotes_table_direct_only(run_cli, article):
    code, out, _ = run_cli("quotes", str(article), "--date", "2025-01-28", "--format", "table", "--direct")
    assert code == 0
    assert "Zelensky" in out and "Peskov" not in out


@pytest.mark.parametrize("args, message", [
    (("quotes", "/no/such/file.txt"), "no such file"),
    (("quotes", "-", "--format", "xml"), "unknown --format"),
])
def test_quotes_errors(run_cli, args, message):
    code, _, err = run_cli(*args)
    assert code == 2 and message in err
