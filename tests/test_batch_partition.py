"""Batch runner pieces that need no model: partitions, the manifest, atomic shards, the prefilter."""

from __future__ import annotations

import json

import pytest

from eventwire.batch.partition import digest_of, partitions
from eventwire.batch.prefilter import Prefilter
from eventwire.batch.shards import Entry, Manifest, write_atomic
from eventwire.errors import InputError, RecordError
from eventwire.model import Article


def _arts(n: int) -> list[Article]:
    return [Article(text=f"Text {i}.", id=f"a{i}") for i in range(n)]


def test_partitions_sizes_order_and_errors():
    errors = []
    items = [*_arts(3), RecordError("bad", line=4), *[Article(text="x", id=f"b{i}") for i in range(4)]]
    parts = list(partitions(items, 3, errors.append))
    assert [len(p.articles) for p in parts] == [3, 3, 1]
    assert [p.index for p in parts] == [0, 1, 2]
    assert [a.id for a in parts[1].articles] == ["b0", "b1", "b2"]
    assert len(errors) == 1 and errors[0].line == 4
    assert parts[0].name == "part-000000"


def test_digest_depends_on_article_keys():
    a = _arts(3)
    assert digest_of(a) == digest_of(list(a))
    assert digest_of(a) != digest_of(a[:2])
    assert digest_of(a) != digest_of([a[0], a[2], a[1]])


def test_partitions_is_lazy():
    def endless():
        i = 0
        while True:
            yield Article(text="x", id=str(i))
            i += 1

    first = next(partitions(endless(), 5))
    assert len(first.articles) == 5


def test_write_atomic_replaces_whole_file(tmp_path):
    p = tmp_path / "s.jsonl"
    write_atomic(p, b"old\n")
    write_atomic(p, b"new\n")
    assert p.read_bytes() == b"new\n"
    assert [x.name for x in tmp_path.iterdir()] == ["s.jsonl"]  # no temporary left behind


def test_manifest_resume_torn_line_and_missing_shard(tmp_path):
    m = Manifest(tmp_path, "jsonl", 10)
    m.start_run({"engine": "local"})
    (tmp_path / "part-000000.jsonl").write_text("")
    m.record(Entry(0, "d0", "done", "part-000000.jsonl", 10, 4, 1))
    m.record(Entry(1, "d1", "failed", None, 10, 0, 3, "boom"))
    m.record(Entry(2, "d2", "done", "part-000002.jsonl", 10, 4, 1))  # its shard was deleted
    with (tmp_path / "manifest.jsonl").open("a") as fh:
        fh.write('{"index": 3, "dig')  # a crash mid-line
    again = Manifest(tmp_path, "jsonl", 10)
    assert again.is_done(0, "d0")
    assert not again.is_done(0, "other-articles")
    assert not again.is_done(1, "d1")
    assert not again.is_done(2, "d2")
    assert not again.is_done(3, "d3")


def test_manifest_refuses_other_settings(tmp_path):
    Manifest(tmp_path, "jsonl", 10).start_run({})
    with pytest.raises(InputError, match="partition-size"):
        Manifest(tmp_path, "jsonl", 20)
    with pytest.raises(InputError, match="format"):
        Manifest(tmp_path, "parquet", 10)


def test_prefilter_blanks_only_unrelated_sentences_and_keeps_offsets():
    pf = Prefilter(event_words={"met", "accused"}, actor_words={"minister"}, names={"Ruritania"})
    text = "Ruritania accused its neighbour. Oil prices rose 3 percent.\nThe minister spoke. Rain fell."
    out = pf.apply(Article(text=text, id="x")).text
    assert len(out) == len(text)
    assert out.index("minister") == text.index("minister")
    assert "Oil" not in out and "Rain" not in out
    assert "Ruritania accused its neighbour." in out and "The minister spoke." in out
    assert json.dumps(out).count("\\n") == 1


def test_digest_changes_when_a_text_is_edited_under_the_same_id():
    a = _arts(2)
    edited = [a[0], Article(text="Edited.", id=a[1].id)]
    assert digest_of(a) != digest_of(edited)
