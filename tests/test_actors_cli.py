"""``eventwire actors lookup`` and ``eventwire dict validate``."""

from __future__ import annotations

import json

from eventwire.cli import app
from eventwire.cli.app import run_app


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_app(app, list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_jsonl_one_object_per_input_line_in_order(capsys, monkeypatch, nlp):
    code, out, _ = run(capsys, "actors", "lookup", "-", "--date", "2019-04-01", "--format", "jsonl",
                       stdin="Donald Trump\npuppies\nRussian troops\n", monkeypatch=monkeypatch)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["Donald Trump", "puppies", "Russian troops"]
    assert rows[0]["code"] == "USAGOV" and rows[0]["country"] == "USA" and rows[0]["sector"] == "GOV"
    assert rows[1]["code"] is None
    assert rows[2]["code"] == "RUSMIL"


def test_lookup_table_and_date_changes_code(capsys, nlp):
    code, out, _ = run(capsys, "actors", "lookup", "Donald Trump", "--date", "2022-06-01")
    assert code == 0 and "USAELI" in out and "United States" in out


def test_lookup_with_user_dictionary(capsys, tmp_path, nlp):
    f = tmp_path / "mine.tsv"
    f.write_text("code\talias\tvalid_from\tvalid_to\nFRAMIL\tZorglub Corps\t\t\n", encoding="utf-8")
    code, out, _ = run(capsys, "actors", "lookup", "Zorglub Corps", "--dictionary", str(f), "--format", "jsonl")
    assert code == 0 and json.loads(out)["code"] == "FRAMIL"


def test_lookup_bad_format_is_one_line_error(capsys):
    code, _, err = run(capsys, "actors", "lookup", "x", "--format", "xml")
    assert code != 0 and "unknown --format" in err and "Traceback" not in err


def test_dict_validate_reports_line_numbered_problems(capsys, tmp_path):
    f = tmp_path / "d.tsv"
    f.write_text("code\talias\tvalid_from\tvalid_to\n"
                 "USAGOV\tJohn Doe\t2020-01-01\t2022-01-01\n"
                 "USAELI\tJohn Doe\t2021-06-01\t\n"
                 "XXXGOV\tFoo\t\t\n"
                 "USAZZZ\tBar\t\t\n"
                 "USAGOV\tBaz\t\t\n"
                 "USAGOV\tbaz\t\t\n", encoding="utf-8")
    code, out, _ = run(capsys, "dict", "validate", str(f), "--warnings")
    assert code == 1
    assert f"{f}:3: warning: overlapping date ranges" in out
    assert f"{f}:4: unknown country 'XXX'" in out
    assert f"{f}:5: warning: code part 'ZZZ'" in out
    assert f"{f}:7: duplicate row" in out


def test_dict_validate_ok_on_shipped_hand_files(capsys):
    from importlib import resources

    for name in ("countries.tsv", "organisations.tsv", "people.tsv"):
        path = resources.files("eventwire") / "data" / "actors" / name
        code, out, err = run(capsys, "dict", "validate", str(path))
        assert code == 0, out
        assert "OK" in err
