"""docs/store.md documents every export column, PLOVER field, table and command option."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.frames import flatten
from eventwire.model import Actor, Event, Place
from eventwire.store.export import CAMEO_COLUMNS, plover_record
from eventwire.store.schema import metadata

DOCS = Path(__file__).resolve().parents[1] / "docs"
STORE_MD = (DOCS / "store.md").read_text(encoding="utf-8") if (DOCS / "store.md").exists() else ""
OUTPUT_MD = (DOCS / "output-format.md").read_text(encoding="utf-8") if (DOCS / "output-format.md").exists() else ""
SAMPLE = Event("a", 0, "s", Actor("RUS", "Russia"), Actor("UKR", "Ukraine"), "190", place=Place("Kharkiv"))


def documented(name: str, text: str = STORE_MD) -> bool:
    return re.search(rf"`{re.escape(name)}`", text) is not None


@pytest.mark.parametrize("column", CAMEO_COLUMNS)
def test_store_docs_cameo_columns(column):
    assert documented(column)


@pytest.mark.parametrize("column", list(flatten(SAMPLE)))
def test_store_docs_csv_columns(column):
    # Columns added to the event record later may be documented in docs/output-format.md instead.
    assert documented(column) or documented(column, OUTPUT_MD)


@pytest.mark.parametrize("field", list(plover_record(SAMPLE, {}, {})))
def test_store_docs_plover_fields(field):
    assert documented(field)


@pytest.mark.parametrize("table", sorted(metadata.tables))
def test_store_docs_tables(table):
    assert documented(table)
