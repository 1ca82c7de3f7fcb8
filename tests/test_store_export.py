"""Export writers: JSONL, CSV, Parquet, PLOVER JSON and the Phoenix-style CAMEO TSV."""

from __future__ import annotations

import csv
import json

import pytest
from test_store_support import actor, coded, event, store, store_url  # noqa: F401

from eventwire.errors import InputError
from eventwire.frames import flatten
from eventwire.model import Place
from eventwire.store import WRITERS, export
from eventwire.store.export import CAMEO_COLUMNS

EVENTS = [
    event("a1", "Russian forces attacked\tUkraine.\nAgain.", actor("RUSMIL", "Russian forces"), actor("UKR", "Ukraine"),
          "190", plover="ASSAULT", quad=4, goldstein=-10.0),
    event("a1", "Ukraine asked for aid.", actor("UKR", "Ukraine"), None, "1011", index=1, date="2024-03-05",
          modality="demanded"),
]


@pytest.fixture
def filled(store):
    evs = [EVENTS[0].__class__(**{**{f: getattr(EVENTS[0], f) for f in EVENTS[0].__dataclass_fields__},
                                  "place": Place("Kharkiv", "UKR", 49.99, 36.23, "city"), "id": ""}), EVENTS[1]]
    store.save(coded("a1", evs, url="https://example.org/a1"), store.start_run({}))
    return store, evs


def test_store_export_jsonl_is_the_public_record(filled, tmp_path):
    store, evs = filled
    assert export(store, "jsonl", tmp_path / "e.jsonl") == 2
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert lines == [e.to_dict() for e in evs]


def test_store_export_csv_has_the_flat_columns(filled, tmp_path):
    store, evs = filled
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(flatten(evs[0]))
    assert rows[0]["sentence"] == evs[0].sentence and rows[1]["cameo"] == "1011"


def test_store_export_parquet(filled, tmp_path):
    import pandas as pd

    store, evs = filled
    export(store, "parquet", tmp_path / "e.parquet")
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert list(frame.columns) == list(flatten(evs[0]))
    assert frame["cameo"].tolist() == ["190", "1011"] and frame["place_lat"].iloc[0] == pytest.approx(49.99)


def test_store_export_plover_json(filled, tmp_path):
    store, _ = filled
    export(store, "plover", tmp_path / "e.json")
    records = json.loads((tmp_path / "e.json").read_text())
    first = records[0]
    assert {"id", "date", "event", "mode", "context", "actor", "recipient", "location", "text", "event_text",
            "cite_info"} <= set(first)
    assert first["event"] == "ASSAULT" and first["event_text"] == "x" and first["text"] == EVENTS[0].sentence
    assert [a["code"] for a in first["actor"]] == ["RUSMIL"] and [a["code"] for a in first["recipient"]] == ["UKR"]
    assert first["actor"][0]["text_info"] == {"start": 0, "end": len("Russian forces")}
    assert first["location"]["name"] == "Kharkiv" and first["cite_info"]["url"] == "https://example.org/a1"
    assert records[1]["mode"] == "demanded" and records[1]["recipient"] == []


def test_store_export_cameo_tsv(filled, tmp_path):
    store, _ = filled
    export(store, "cameo", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text().splitlines()
    assert len(lines) == 3
    header, first = lines[0].split("\t"), dict(zip(CAMEO_COLUMNS, lines[1].split("\t")))
    assert header == list(CAMEO_COLUMNS) and len(lines[1].split("\t")) == len(CAMEO_COLUMNS)
    assert (first["Date"], first["Year"], first["Month"], first["Day"]) == ("20240304", "2024", "03", "04")
    assert (first["SourceActorFull"], first["SourceActorEntity"], first["SourceActorRole"]) == ("RUSMIL", "RUS", "MIL")
    assert (first["EventCode"], first["EventRootCode"], first["QuadClass"], first["GoldsteinScore"]) == \
        ("190", "19", "4", "-10.0")
    assert (first["LocationName"], first["CountryCode"], first["Lat"]) == ("Kharkiv", "UKR", "49.99")
    assert first["SentenceID"] == "a1-0" and first["URLs"] == "https://example.org/a1"


def test_store_export_empty_database_and_unknown_format(store, tmp_path):
    for fmt in WRITERS:
        assert export(store, fmt, tmp_path / f"e.{fmt}") == 0
        assert (tmp_path / f"e.{fmt}").exists()
    with pytest.raises(InputError, match="unknown export format"):
        export(store, "xml", tmp_path / "e.xml")
    assert not list(tmp_path.glob(".*.partial"))


def test_store_export_to_a_stream_with_a_filter(filled):
    import io

    from eventwire.store import EventFilter

    store, evs = filled
    out = io.StringIO()
    assert export(store, "jsonl", out, EventFilter(cameo=["19"])) == 1
    assert json.loads(out.getvalue())["id"] == evs[0].id
