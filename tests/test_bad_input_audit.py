"""Bad input on every command: one clear `error:` line, the documented exit code, nothing lost silently.

Every input here is written by the test itself (tmp_path files); see docs/errors.md for the contract.
"""

from __future__ import annotations

import json
import os

import pytest

GOOD = "Turkey condemned Israel."


def _record(ident: str, text: str = GOOD, date: str = "2024-01-02") -> str:
    return json.dumps({"id": ident, "text": text, "date": date}) + "\n"


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "unexpected" not in err, err
    return lines[0]


# ---- binary files and encodings --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "says"), [
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(200, 256)) * 20, "PNG image"),
    ("paper.txt", b"%PDF-1.7\n" + b"\xe2\xe3" * 100, "PDF document"),
    ("articles.jsonl", b"\x1f\x8b\x08\x00" + b"\xff" * 100, "gzip archive"),
    ("noise.txt", bytes([1, 2, 3, 4, 5, 6, 200, 201]) * 100, "binary file"),
    ("noise.csv", bytes([0, 2, 3, 4, 5, 6, 200, 201]) * 100, "binary file"),
])
def test_binary_files_are_refused_with_what_they_are(run_cli, tmp_path, name, data, says):
    f = tmp_path / name
    f.write_bytes(data)
    code, out, err = run_cli("code", str(f))
    assert code == 2 and out == ""
    assert says in _one_error_line(err)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["story.txt", "batch.jsonl"])
def test_utf16_text_is_decoded(run_cli, tmp_path, encoding, name):
    f = tmp_path / name
    content = _record("u1") if name.endswith(".jsonl") else GOOD
    f.write_bytes(content.encode(encoding))
    code, out, err = run_cli("code", str(f), "--date", "2024-01-02")
    assert code == 0, err
    assert [json.loads(line)["cameo"] for line in out.splitlines()] == ["111"]


def test_python_api_decoding_matches_the_cli():
    from eventwire.errors import InputError
    from eventwire.reading import decode_bytes

    assert decode_bytes("Iran met Iraq.".encode("utf-16"), "x") == "Iran met Iraq."
    with pytest.raises(InputError, match="PNG image"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png")


# ---- batches: the bad record is reported with its line, the others are coded ----------------------

def test_jsonl_oversized_record_is_skipped_not_the_whole_batch(run_cli, tmp_path):
    from eventwire.settings import MAX_ARTICLE_CHARS

    f = tmp_path / "batch.jsonl"
    f.write_text(_record("a1") + _record("huge", "Iran met Iraq. " * (MAX_ARTICLE_CHARS // 15 + 10))
                 + _record("a3"), encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    assert code == 3
    assert "batch.jsonl:2: record text has" in _one_error_line(err)
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"a1", "a3"}


def test_jsonl_error_message_reads_well(run_cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(_record("a1") + '{"id": "a2", "text": "cut\n' + _record("a3"), encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    line = _one_error_line(err)
    assert code == 3 and "batch.jsonl:2: malformed JSON" in line and "at at" not in line
    assert len(out.splitlines()) == 2


def test_tsv_batch_is_read_by_its_header(run_cli, tmp_path):
    f = tmp_path / "batch.tsv"
    f.write_text(f"id\tdate\ttext\nt1\t2024-05-06\t{GOOD}\n", encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    assert code == 0, err
    event = json.loads(out)
    assert event["article_id"] == "t1" and event["date"] == "2024-05-06"


@pytest.mark.parametrize(("name", "header"), [("batch.tsv", "id\tbody\n"), ("batch.csv", "id,body\n")])
def test_batch_without_text_column_names_the_columns_found(run_cli, tmp_path, name, header):
    f = tmp_path / name
    f.write_text(header + "1\tx\n", encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    line = _one_error_line(err)
    assert code == 2 and "'text' column" in line and "found columns: 'id', 'body'" in line


def test_csv_row_with_surplus_fields_is_reported_not_half_read(run_cli, tmp_path):
    f = tmp_path / "batch.csv"
    f.write_text(f"id,date,text\nc1,2024-01-02,{GOOD}\nc2,2024-01-02,Iran met Iraq, then left.\n"
                 f"c3,2024-01-03,{GOOD}\n", encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    assert code == 3
    assert "batch.csv:3: row has 1 more field(s) than the header" in _one_error_line(err)
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"c1", "c3"}
