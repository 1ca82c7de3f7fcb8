"""Bad input on every command: one clear `error:` line, the documented exit code, nothing lost silently.

Every input here is written by the test itself (tmp_path files); see docs/errors.md for the contract.
"""

from __future__ import annotations

import json
import re

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
    code, _out, err = run_cli("code", str(f))
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


# ---- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2025-02-30", "2024-13-01", "yesterday", "3 days ago", "121108"])
def test_impossible_or_relative_dates_are_refused(run_cli, tmp_path, value):
    f = tmp_path / "story.txt"
    f.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("code", str(f), "--date", value)
    assert code == 2 and out == ""
    assert "YYYY-MM-DD" in _one_error_line(err)


def test_month_and_day_are_never_swapped():
    import datetime as dt

    from eventwire.dates import parse_date
    from eventwire.errors import DateError

    assert parse_date("2024-12-01") == dt.date(2024, 12, 1)
    assert parse_date("8 November 2024") == dt.date(2024, 11, 8)
    with pytest.raises(DateError, match="impossible date"):
        parse_date("2024-13-01")


# ---- usage errors, databases, output paths ---------------------------------------------------------

@pytest.mark.parametrize("args", [("actors", "lookup"), ("code", "--no-such-option", "x.txt"), ("code",)])
def test_usage_errors_are_usage_errors_not_bugs(run_cli, args):
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert "Usage:" in err and "unexpected" not in err and "report this as a bug" not in err


@pytest.mark.parametrize("args", [("query",), ("export", "-f", "jsonl", "-o", "-"), ("positions",),
                                  ("clusters",)])
def test_a_file_that_is_not_a_database(run_cli, tmp_path, args):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    if args[0] in ("positions", "clusters"):
        story = tmp_path / "story.txt"
        story.write_text(GOOD, encoding="utf-8")
        args = (*args, str(story))
    code, _out, err = run_cli(*args, "--db", str(db))
    assert code == 1
    assert "is it an eventwire database?" in _one_error_line(err)
    assert db.read_text(encoding="utf-8").startswith("these are my notes")


def test_ingest_into_a_file_that_is_not_a_database_leaves_it_alone(run_cli, tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli("ingest", str(story), "--db", str(db))
    assert code == 1 and "is it an eventwire database?" in _one_error_line(err)
    assert db.read_text(encoding="utf-8").startswith("these are my notes")


def test_batch_out_that_cannot_be_a_folder(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli("batch", str(story), "--out", str(story))
    assert code == 2 and "is a file; give a folder" in _one_error_line(err)
    blocker = tmp_path / "plain"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run_cli("batch", str(story), "--out", str(blocker / "shards"))
    assert code == 2 and "cannot create the folder" in _one_error_line(err)


# ---- evaluate, clusters, positions -----------------------------------------------------------------

@pytest.mark.parametrize(("setup", "says"), [
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\xee" * 50), "PNG image"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(json.dumps({"id": "g", "text": "caf\xe9"}).encode("utf-16")), "save the gold file as UTF-8"),
    (lambda p: p.write_bytes(b'{"id": "g", "text": "caf\xe9 Iran met Iraq."}\n'), "save the gold file as UTF-8"),
])
def test_evaluate_bad_gold_files(run_cli, tmp_path, setup, says):
    gold = tmp_path / "gold.jsonl"
    setup(gold)
    code, _out, err = run_cli("evaluate", str(gold))
    assert code == 2 and says in _one_error_line(err)


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\xee\xee", b'{"some": "other json"}', b"[1, 2"])
def test_clusters_state_that_is_not_a_state_file_is_left_untouched(run_cli, tmp_path, content):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    state = tmp_path / "state.json"
    state.write_bytes(content)
    code, _, err = run_cli("clusters", str(story), "--state", str(state))
    assert code == 2 and "not a state file" in _one_error_line(err)
    assert state.read_bytes() == content


@pytest.mark.parametrize("command", ["clusters", "positions"])
def test_skipped_records_make_the_exit_code_3(run_cli, tmp_path, command):
    f = tmp_path / "batch.jsonl"
    f.write_text(_record("a1") + "{oops\n" + _record("a3", "Iran demanded a ceasefire from Israel."), encoding="utf-8")
    code, out, err = run_cli(command, str(f))
    assert code == 3
    assert "batch.jsonl:2: malformed JSON" in _one_error_line(err) and "1 record(s) skipped" in err
    assert out.strip()


# ---- HTTP API --------------------------------------------------------------------------------------

@pytest.fixture
def api(tmp_path):
    pytest.importorskip("fastapi")
    from test_web_support import TOKEN, filled_client

    from eventwire.web import WebSettings

    yield from filled_client(str(tmp_path / "api.db"), WebSettings(token=TOKEN))


@pytest.mark.parametrize(("query", "says"), [
    ("quad=4", "unknown query parameter(s): quad; this endpoint takes:"),
    ("text=ceasefire", "unknown query parameter(s): text"),
])
def test_api_unknown_query_parameters_are_refused_not_ignored(api, query, says):
    r = api.get("/api/events?" + query)
    assert r.status_code == 400 and says in r.json()["error"]
    assert "quad_class" in r.json()["error"] and " q," in r.json()["error"]


def test_api_known_query_parameters_still_work(api):
    everything = api.get("/api/events").json()["total"]
    r = api.get("/api/events?quad_class=4&limit=5&sort=-date")
    assert r.status_code == 200 and r.json()["total"] < everything


@pytest.mark.parametrize("body", [b'{"text": "caf\xe9 Iran met Iraq."}', b"\x89PNG\r\n\x1a\n\x00\x01"])
def test_api_undecodable_body_says_what_to_send(api, body):
    r = api.post("/api/code", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and "send UTF-8 JSON" in r.json()["error"]


def test_api_malformed_json_names_the_character(api):
    r = api.post("/api/code", content=b'{"text": "abc', headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"].startswith("invalid body: not valid JSON at character")


@pytest.mark.parametrize("value", ["2025-02-30", "yesterday", "121108"])
def test_api_bad_dates_say_the_format(api, value):
    r = api.get(f"/api/events?since={value}")
    assert r.status_code == 422 and r.json()["error"].endswith("use YYYY-MM-DD")


# ---- more commands: export, query, actors, dict, ingest --------------------------------------------

@pytest.fixture
def small_db(tmp_path):
    from test_web_support import fill

    from eventwire.store import Store

    path = str(tmp_path / "events.db")
    with Store(path) as store:
        fill(store)
    return path


@pytest.mark.parametrize(("target", "says"), [("folder", "is a directory"), ("missing/out.jsonl", "does not exist"),
                                              ("plain.txt/out.jsonl", "does not exist")])
def test_export_to_a_path_that_cannot_be_written(run_cli, tmp_path, small_db, target, says):
    (tmp_path / "folder").mkdir()
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    code, _, err = run_cli("export", "--db", small_db, "-f", "jsonl", "-o", str(tmp_path / target))
    assert code == 2 and says in _one_error_line(err)


def test_query_quad_out_of_range(run_cli, small_db):
    code, out, err = run_cli("query", "--db", small_db, "--quad", "9")
    assert code == 2 and out == "" and "--quad takes 1, 2, 3 or 4" in _one_error_line(err)


def test_actors_lookup_binary_stdin(run_cli):
    code, out, err = run_cli("actors", "lookup", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00")
    assert code == 2 and out == "" and "PNG image" in _one_error_line(err)


@pytest.mark.parametrize(("setup", "says"), [(lambda p: p.mkdir(), "is a directory"),
                                             (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary file")])
def test_dict_validate_folder_and_binary_are_not_ok(run_cli, tmp_path, setup, says):
    f = tmp_path / "actors.txt"
    setup(f)
    code, _, err = run_cli("dict", "validate", str(f))
    assert code == 1 and says in _one_error_line(err)


def test_lone_surrogate_escape_in_a_record_does_not_stop_ingest(run_cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(_record("a1") + '{"id": "a2", "text": "Iran met Iraq. \\ud800 x"}\n' + _record("a3"), encoding="utf-8")
    code, _, err = run_cli("ingest", str(f), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "3 article(s) coded and stored" in err


def test_python_api_bad_input():
    import eventwire
    from eventwire.errors import DateError, InputError

    assert eventwire.code("Iran met Iraq. \ud800", date="2024-01-02")  # lone surrogate: replaced, not a crash
    with pytest.raises(DateError):
        eventwire.code("Iran met Iraq.", date="yesterday")
    with pytest.raises(InputError, match="article 2 of code_many: record has no 'text'"):
        list(eventwire.code_many([{"id": "a", "text": GOOD}, {"id": "b"}], strict=True))


# ---- Python API: code_many reports an unusable article and codes the rest ---------------------------

def _huge_text() -> str:
    from eventwire.settings import MAX_ARTICLE_CHARS

    return "Iran met Iraq. " * (MAX_ARTICLE_CHARS // 15 + 10)


@pytest.mark.parametrize("kind", ["Article", "dict"])
def test_code_many_skips_an_oversized_article_with_a_warning(kind):
    import eventwire
    from eventwire.reading import SkippedArticleWarning

    rows = [{"id": "a", "text": GOOD}, {"id": "big", "text": _huge_text()}, {"id": "c", "text": GOOD}]
    items = [eventwire.Article(**r) for r in rows] if kind == "Article" else rows
    with pytest.warns(SkippedArticleWarning, match=r"article 2 of code_many skipped: .*1,000,1\d\d characters"):
        ids = [e.article_id for e in eventwire.code_many(items)]
    assert ids == ["a", "c"]


def test_code_many_strict_raises_on_an_oversized_article():
    import eventwire
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="article 1 of code_many: article 'big' text has"):
        list(eventwire.code_many([eventwire.Article(_huge_text(), id="big")], strict=True))


def test_code_many_names_each_skipped_article():
    import warnings

    import eventwire
    from eventwire.reading import SkippedArticleWarning

    items = [eventwire.Article(""), eventwire.Article(None), eventwire.Article(b"Iran met Iraq."),
             eventwire.Article(GOOD, date="yesterday"), eventwire.Article(GOOD, id="ok")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ids = [e.article_id for e in eventwire.code_many(items)]
    said = [str(w.message) for w in caught if issubclass(w.category, SkippedArticleWarning)]
    assert ids == ["ok"]
    assert [m.split(" skipped")[0] for m in said] == [f"article {i} of code_many" for i in (1, 2, 3, 4)]
    assert "must be a str, not bytes; decode it first" in said[2] and "yesterday" in said[3]


def test_article_with_a_lone_surrogate_is_cleaned_like_a_file_record(coder):
    import eventwire
    from eventwire.model import Article

    article = Article("Turkey condemned Israel. \ud800 Iran met Iraq.", title="Caf\udce9", date="2024-01-02")
    coded = coder.code(article)
    assert coded.article.title == "Caf\ufffd" and "\ud800" not in coded.text
    assert coded.article.key.startswith("sha1:")  # hashing the text no longer fails
    events = list(eventwire.code_many([article], coder=coder))
    assert [e.cameo for e in events] == ["111", "040"]
    for e in events:
        e.to_json().encode("utf-8")  # writable as UTF-8
    assert events[0].date == "2024-01-02"


@pytest.mark.parametrize(("call", "says"), [
    (lambda ew: list(ew.code_many("Turkey condemned Israel.")), "not a str; for one text use eventwire.code"),
    (lambda ew: list(ew.code_many({"text": GOOD})), "not a dict"),
    (lambda ew: list(ew.code_many(None)), "not a NoneType"),
    (lambda ew: list(ew.code_many([GOOD])), "article 1 of code_many is a str"),
    (lambda ew: ew.coding.default_coder().code(GOOD), "expected an eventwire.Article, got str"),
    (lambda ew: ew.code(b"Iran met Iraq."), "decode it first"),
    (lambda ew: ew.code(None), "text must be a str, not NoneType"),
    (lambda ew: ew.code(GOOD, date=[2024]), "use YYYY-MM-DD"),
])
def test_python_api_wrong_types_are_input_errors(call, says):
    import eventwire
    import eventwire.coding
    from eventwire.errors import InputError

    with pytest.raises(InputError, match=re.escape(says)):
        call(eventwire)


def test_python_api_accepts_dates_and_ids_a_user_would_pass():
    import datetime as dt

    import eventwire

    assert eventwire.code(GOOD, date=dt.datetime(2024, 1, 2, 9, 30), id=7)[0].article_id == "7"
    [event] = eventwire.code_many([eventwire.Article(GOOD, date=dt.datetime(2024, 1, 2, 9, 30), id="d")])
    assert event.date == "2024-01-02"


# ---- batch records: JSON values of the wrong kind -------------------------------------------------

def test_jsonl_values_of_the_wrong_kind_are_named_in_json_words(run_cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(_record("a1") + "[1, 2]\nnull\n" + json.dumps({"id": "t", "text": 5}) + "\n"
                 + json.dumps({"id": "s", "text": GOOD, "source": ["AFP"]}) + "\n"
                 + json.dumps({"id": "d", "text": GOOD, "date": True}) + "\n" + _record("a7"), encoding="utf-8")
    code, out, err = run_cli("code", str(f))
    assert code == 3 and "Traceback" not in err
    for says in ("batch.jsonl:2: expected a JSON object with a 'text' field, got a list",
                 "batch.jsonl:3: expected a JSON object with a 'text' field, got null",
                 "batch.jsonl:4: record 'text' must be a string, not a number",
                 "batch.jsonl:5: record 'source' must be a string, not a list",
                 "batch.jsonl:6: record 'date' must be a string, not true/false"):
        assert says in err
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"a1", "a7"}


@pytest.mark.parametrize("args", [("code", ""), ("quotes", ""), ("batch", "", "--out", "OUT")])
def test_an_empty_file_name_is_not_the_current_folder(run_cli, tmp_path, args):
    args = tuple(str(tmp_path / "out") if a == "OUT" else a for a in args)
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert "an empty file name" in _one_error_line(err)


def test_malformed_gold_line_says_file_line_and_the_whole_json_error(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": GOOD}) + '\n{"id": "g2", "text": "tab\there"}\n',
                    encoding="utf-8")
    code, _out, err = run_cli("evaluate", str(gold))
    line = _one_error_line(err)
    assert code == 2
    assert f"{gold}:2: not JSON (Invalid control character at column 26;" in line
    assert "must be written as \\t" in line and "one JSON object per line" in line


def test_gold_line_that_is_not_an_object_says_what_it_is(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("[1, 2]\n", encoding="utf-8")
    code, _out, err = run_cli("evaluate", str(gold))
    assert code == 2 and "gold.jsonl:1: a JSON list, not an object" in _one_error_line(err)


def test_ingest_folder_says_what_it_skipped(run_cli, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "story.txt").write_text(GOOD, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = run_cli("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "1 article(s) coded and stored" in err
    assert "1 file(s) of other types skipped (.pdf)" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli("ingest", str(empty), "--db", str(tmp_path / "x.db"))
    assert "no files in this folder" in err


def test_serve_binary_token_file(tmp_path):
    from eventwire.errors import InputError
    from eventwire.web.settings import read_token_file

    f = tmp_path / "token"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(InputError, match="not UTF-8 text"):
        read_token_file(f)


@pytest.mark.parametrize("option", [("--limit", "-1"), ("--limit", "0"), ("--errors", "-5")])
def test_evaluate_negative_counts_are_usage_errors(run_cli, tmp_path, option):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": GOOD}) + "\n", encoding="utf-8")
    code, _, err = run_cli("evaluate", str(gold), *option)
    assert code == 2 and "Invalid value" in err and "unexpected" not in err


def test_invalid_bytes_late_in_a_utf8_batch_are_reported_with_their_line(run_cli, tmp_path):
    f = tmp_path / "batch.jsonl"
    good = "".join(_record(f"r{i}") for i in range(300)).encode("utf-8")  # well past the 8 KiB sniffed head
    bad = '{"id": "late", "text": "Le pr\xe9sident: Turkey condemned Israel."}\n'.encode("latin-1")
    f.write_bytes(good + bad + _record("after").encode("utf-8"))
    code, out, err = run_cli("code", str(f))
    assert code == 0
    assert "warning: batch.jsonl:301: bytes that are not valid UTF-8" in err
    ids = {json.loads(line)["article_id"] for line in out.splitlines()}
    assert {"late", "after", "r0", "r299"} <= ids


@pytest.mark.parametrize("args", [("code", "STORY", "--date", ""), ("quotes", "STORY", "--date", " "),
                                  ("positions", "STORY", "--since", ""), ("actors", "lookup", "Putin", "--date", ""),
                                  ("batch", "STORY", "--out", "OUT", "--date", ""),
                                  ("clusters", "STORY", "--date", "")])
def test_an_empty_date_option_is_refused_not_ignored(run_cli, tmp_path, args):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    args = tuple({"STORY": str(story), "OUT": str(tmp_path / "out")}.get(a, a) for a in args)
    code, out, err = run_cli(*args)
    option = args[-2]
    assert code == 2 and out == ""
    assert f"{option} is empty; give a date as YYYY-MM-DD, or leave the option out" in _one_error_line(err)


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_query_empty_date_limits_are_refused(run_cli, small_db, option):
    code, out, err = run_cli("query", "--db", small_db, option, "")
    assert code == 2 and out == "" and f"{option} is empty" in _one_error_line(err)


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--plover", "ATACK", "unknown --plover 'ATACK'; choose from: ACCUSE, AGREE"),
    ("--modality", "maybe", "unknown --modality 'maybe'; choose from: asserted"),
])
def test_query_filter_values_no_event_can_have_are_refused(run_cli, small_db, option, value, says):
    code, out, err = run_cli("query", "--db", small_db, option, value)
    assert code == 2 and out == "" and says in _one_error_line(err)
    code, _, err = run_cli("query", "--db", small_db, option, {"--plover": "accuse", "--modality": "Asserted"}[option])
    assert code == 0, err  # known values, any case


def test_clusters_min_reports_below_one_is_a_usage_error(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli("clusters", str(story), "--min-reports", "-1")
    assert code == 2 and "Invalid value for '--min-reports'" in err


def test_explain_with_csv_is_refused_not_ignored(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("code", str(story), "--explain", "--format", "csv")
    assert code == 2 and out == "" and "--explain writes its reasons under each row" in _one_error_line(err)


def test_dict_validate_prose_txt_is_not_ok(run_cli, tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("Turkey condemned Israel.\nIran met Iraq.\n", encoding="utf-8")
    code, out, err = run_cli("dict", "validate", str(f))
    assert code == 1 and "OK" not in err
    assert "no actor entries with a code" in out and "1 problem(s)" in err


def test_to_dataframe_takes_coded_articles_and_refuses_other_things(coder):
    import eventwire
    from eventwire.errors import InputError

    article = eventwire.Article(GOOD, id="a")
    assert list(eventwire.to_dataframe(coder.code(article))["cameo"]) == ["111"]
    assert list(eventwire.to_dataframe(coder.code_many([article, article]))["cameo"]) == ["111", "111"]
    for wrong, says in ((None, "not a NoneType"), ([{"cameo": "111"}], "item 1 is a dict"), ("abc", "not a str")):
        with pytest.raises(InputError, match=says):
            eventwire.to_dataframe(wrong)


@pytest.mark.parametrize("args", [("code", "STORY"), ("quotes", "STORY"), ("positions", "STORY"), ("clusters", "STORY"),
                                  ("actors", "lookup", "Putin"), ("evaluate", "STORY"), ("query", "--db", "DB"),
                                  ("export", "--db", "DB", "-o", "-"), ("batch", "STORY", "--out", "OUT")])
def test_every_format_option_refuses_an_unknown_format_with_the_choices(run_cli, tmp_path, small_db, args):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    args = tuple({"STORY": str(story), "DB": small_db, "OUT": str(tmp_path / "out")}.get(a, a) for a in args)
    code, out, err = run_cli(*args, "--format", "xml")
    line = _one_error_line(err)
    assert code == 2 and out == "" and "'xml'" in line and ("choose" in line or "use" in line)
    assert not (tmp_path / "out").exists()  # refused before any work


@pytest.mark.parametrize("option", [("--engine", "spark"), ("--date", "2024-02-30")])
def test_batch_refuses_bad_options_before_creating_the_out_folder(run_cli, tmp_path, option):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli("batch", str(story), "--out", str(tmp_path / "out"), *option)
    assert code == 2 and option[1] in _one_error_line(err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("call", "says"), [
    (lambda ew: list(ew.code_many([{"text": GOOD}], batch_size=0)), "batch_size must be a whole number of at least 1"),
    (lambda ew: list(ew.code_many([{"text": GOOD}], batch_size="8")), "not '8'"),
    (lambda ew: ew.code(GOOD, coder="my coder"), "coder must be an eventwire.Coder, not a str"),
    (lambda ew: ew.Coder(nlp="en_core_web_sm"), "Coder(nlp=...) takes a loaded spaCy pipeline, not a str"),
    (lambda ew: ew.Coder(nlp=object(), dictionary="mine.tsv"), "Coder(nlp=...) takes a loaded spaCy pipeline"),
])
def test_python_api_bad_arguments_are_clear_errors(call, says):
    import eventwire
    from eventwire.errors import InputError

    with pytest.raises(InputError, match=re.escape(says)):
        call(eventwire)


def test_coder_dictionary_must_be_a_dictionary(nlp):
    import eventwire
    from eventwire.errors import InputError

    with pytest.raises(InputError, match=re.escape("takes an ActorDictionary, not a str: Coder(dictionary=")):
        eventwire.Coder(nlp, dictionary="mine.tsv")


def test_store_ingest_of_python_articles_checks_them_like_the_reader(coder, tmp_path):
    from eventwire.model import Article
    from eventwire.settings import MAX_ARTICLE_CHARS
    from eventwire.store import Store, ingest

    failures: list[str] = []
    items = [Article("Turkey condemned Israel. \ud800", title="Caf\udce9"), Article(GOOD, id="ok"),
             Article("x" * (MAX_ARTICLE_CHARS + 1), id="big")]
    with Store(str(tmp_path / "x.db")) as store:
        report = ingest(store, items, coder, on_failure=failures.append)
        ids = {e.article_id for e in store.events()}
    assert report.failed == 1 and failures[0].startswith("article 'big' text has 1,000,001 characters")
    assert "ok" in ids and len(ids) == 2  # the id-less article with a lone surrogate was hashed and stored


def test_batch_worker_checks_its_articles_like_the_reader():
    from eventwire.batch.partition import Partition
    from eventwire.batch.worker import CodeOptions, code_partition
    from eventwire.model import Article
    from eventwire.settings import MAX_ARTICLE_CHARS

    part = Partition(0, (Article("Turkey condemned Israel. \ud800"), Article("x" * (MAX_ARTICLE_CHARS + 1), id="big")),
                     "test")
    result = code_partition(part, CodeOptions())
    assert result.events == 1 and any("article 'big' text has" in e for e in result.article_errors)


def test_read_gold_names_the_line_that_is_not_utf8_and_the_fields_it_cannot_place(tmp_path):
    from eventwire.errors import InputError
    from eventwire.evaluation.gold import read_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(json.dumps({"id": "g1", "text": GOOD}).encode() + b'\n{"id": "g2", "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"gold.jsonl:2: not valid UTF-8 \(byte 25 of the line\); save the gold"):
        read_gold(gold)
    gold.write_text(json.dumps({"id": "g1", "text": GOOD, "label": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"its first record has: id, label, text\); known formats: .*--gold-format"):
        read_gold(gold)


def test_batch_db_that_is_not_a_database_is_refused_before_coding(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    code, _, err = run_cli("batch", str(story), "--out", str(tmp_path / "out"), "--db", str(db))
    assert code == 1 and "is it an eventwire database?" in _one_error_line(err)
    assert not (tmp_path / "out").exists()  # nothing was coded
    assert db.read_text(encoding="utf-8").startswith("these are my notes")


def test_stdin_jsonl_whose_first_line_is_bad_is_still_a_batch(run_cli):
    data = ("[1, 2]\n" + _record("a1") + _record("a2")).encode("utf-8")
    code, out, err = run_cli("code", "-", stdin=data)
    assert code == 3 and "<stdin>:1: expected a JSON object with a 'text' field, got a list" in _one_error_line(err)
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"a1", "a2"}
    code, out, _ = run_cli("code", "-", "--date", "2024-01-02", stdin=b"Turkey condemned Israel.\n{not json}\n")
    assert code == 0 and json.loads(out.splitlines()[0])["article_id"] == "stdin"  # prose stays one article


@pytest.mark.parametrize("content", ["Turkey condemned Israel.\n", "code\talias\tvalid_from\tvalid_to\tname\tkind\tsource\n"])
def test_a_dictionary_without_entries_is_refused_not_silently_unused(run_cli, tmp_path, content):
    f = tmp_path / ("notes.txt" if content.startswith("Turkey") else "mine.tsv")
    f.write_text(content, encoding="utf-8")
    code, out, err = run_cli("actors", "lookup", "Putin", "--dictionary", str(f))
    assert code == 1 and out == "" and "no actor entries with a code" in _one_error_line(err)


# ---- keys of texts with lone surrogates --------------------------------------------------------------------

def test_article_key_of_a_text_with_a_lone_surrogate_is_the_key_of_the_cleaned_text():
    from eventwire.model import Article
    from eventwire.reading import checked_article

    raw = Article("Turkey condemned Israel. \ud800 \udce9")
    assert raw.key == Article("Turkey condemned Israel. \ufffd \ufffd").key == checked_article(raw).key
    assert raw.key != Article("Turkey condemned Israel.").key


def test_article_keys_of_normal_text_are_unchanged():
    import hashlib

    from eventwire.model import Article

    # Stored articles are keyed by these: the values were computed by the code before keys were made robust.
    assert Article("Turkey condemned Israel.").key == "sha1:9a02ad4e33827767"
    assert Article("Le président a dit: « non » 😀").key == (
        "sha1:" + hashlib.sha1("Le président a dit: « non » 😀".encode()).hexdigest()[:16])
    assert Article("Turkey condemned Israel.", id="wire/7").key == "wire/7"


def test_event_id_of_a_sentence_with_a_lone_surrogate():
    from eventwire.model import Actor, Event

    def event(sentence: str, trigger: str) -> Event:
        actor = Actor(code="TUR", text=sentence.split()[0], country="TUR", sector=None, name="Turkey")
        return Event(article_id="a", sentence_index=0, sentence=sentence, source=actor, target=None, cameo="111",
                     trigger=trigger)

    assert event("Turkey condemned \ud800.", "condemned\ud800").id == event("Turkey condemned \ufffd.",
                                                                          "condemned\ufffd").id
    assert event("Turkey condemned Israel.", "condemned").id == "ev_cff5cb13d1f869930d3e"  # as before the change


@pytest.mark.parametrize("phrases", [[""], ["  "], ["Putin", "\t"]])
def test_actors_lookup_refuses_an_empty_name(run_cli, phrases):
    code, out, err = run_cli("actors", "lookup", *phrases)
    assert code == 2 and out == ""
    assert "an empty actor name" in _one_error_line(err)


def test_actors_lookup_stdin_skips_blank_lines_but_not_all_of_them(run_cli):
    code, out, err = run_cli("actors", "lookup", "-", "--format", "jsonl", stdin=b"Putin\n\n  \nNATO\n")
    assert code == 0, err
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["Putin", "NATO"]
    code, out, err = run_cli("actors", "lookup", "-", stdin=b"\n \n")
    assert code == 2 and out == "" and "no actor names on stdin" in _one_error_line(err)
