"""Reading inputs: formats, decoding, per-record errors, and streaming with bounded memory."""

from __future__ import annotations

import itertools
import json
import tracemalloc

import pytest

from eventwire.errors import InputError, RecordError
from eventwire.model import Article
from eventwire.reading import decode_bytes, iter_path, iter_paths


def test_reading_jsonl_defaults_and_ids(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text('{"text": "A.", "source": "AFP"}\n\n{"text": "B.", "id": "x", "date": "20240102"}\n')
    a, b = list(iter_path(p, default_source="Reuters"))
    assert a.id == "b.jsonl:1" and a.source == "AFP" and a.date is None
    assert b.id == "x" and b.source == "Reuters" and str(b.date) == "2024-01-02"


@pytest.mark.parametrize(
    "line, message",
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"title": "no text"}', "no 'text'"),
        ('{"text": 5}', "'text' must be a string, not a number"),
        ('{"text": "ok", "date": "32/13/2020"}', "cannot understand the date"),
    ],
)
def test_reading_bad_records_become_record_errors(tmp_path, line, message):
    p = tmp_path / "b.jsonl"
    p.write_text('{"text": "first."}\n' + line + "\n")
    items = list(iter_path(p))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], RecordError) and message in str(items[1]) and items[1].line == 2


def test_reading_csv_without_text_column(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("title,date\nx,2024-01-01\n")
    with pytest.raises(InputError, match="'text' column"):
        list(iter_path(p))


def test_reading_decode_fallback_warns():
    with pytest.warns(UserWarning, match="not valid UTF-8"):
        assert decode_bytes("caf\u00e9".encode("cp1252"), "x.txt") == "caf\u00e9"
    assert decode_bytes("\ufeffhello".encode("utf-8"), "x.txt") == "hello"


def test_reading_folder_recursive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Turkey condemned Israel.")
    (tmp_path / "b.jsonl").write_text('{"text": "B."}\n')
    (tmp_path / "empty.txt").write_text("")
    items = list(iter_paths([tmp_path], recursive=True))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["a.txt", "b.jsonl:1"]
    assert any(isinstance(i, RecordError) and "empty" in str(i) for i in items)


def test_reading_large_jsonl_streams_with_bounded_memory(tmp_path):
    """A 50 MB batch: the first records arrive without reading the file into memory."""
    p = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Turkey condemned Israel. " * 40}) + "\n"
    with p.open("w") as fh:
        for _ in range(50 * 1024 * 1024 // len(line)):
            fh.write(line)
    tracemalloc.start()
    first = list(itertools.islice(iter_path(p), 100))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(first) == 100
    assert peak < 5 * 1024 * 1024
