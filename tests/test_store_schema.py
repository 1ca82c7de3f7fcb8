"""Schema, migrations, read-only mode and URL handling (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from test_store_support import PG_SKIP, PG_URL, coded, store, store_url  # noqa: F401

from eventwire.store import Store, StoreError, mask_url, resolve_url
from eventwire.store.schema import metadata


def test_store_migrations_build_exactly_the_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []
    assert store.revision() == Store.head_revision()


def test_store_migrate_twice_is_a_no_op(store_url):
    with Store(store_url) as s:
        s.save(coded("a1", []), s.start_run({}))
        before = s.counts()
        s.migrate()
        s.migrate()
        assert s.counts() == before and s.revision() == Store.head_revision()
    with Store(store_url) as again:
        assert again.counts() == before


def test_store_tables(store):
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"articles", "sentences", "actors", "events", "quotes", "runs", "failures"} <= names
    cols = {c["name"] for c in sa.inspect(store.engine).get_columns("articles")}
    assert "text_hash" in cols


def test_store_read_only_rejects_writes_in_the_database(store_url):
    Store(store_url).close()
    with Store(store_url, read_only=True) as ro:
        with pytest.raises(StoreError, match="read-only"):
            ro.save(coded("a1", []), 1)
        with pytest.raises(sa.exc.DBAPIError), ro.engine.begin() as conn:  # bypassing the Python guard
            conn.execute(sa.text("DELETE FROM runs"))
        assert ro.counts()["articles"] == 0


def test_store_read_only_needs_an_eventwire_database(tmp_path, store_url):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", read_only=True)
    engine = sa.create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE unrelated (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not an eventwire database"):
        Store(store_url, read_only=True)


def test_store_urls(tmp_path):
    assert resolve_url(str(tmp_path / "e.db")).render_as_string() == f"sqlite:///{tmp_path / 'e.db'}"
    assert resolve_url("postgresql://u:pw@h/db").drivername == "postgresql+psycopg"
    assert mask_url("postgresql://u:s3cret@h/db") == "postgresql://u:***@h/db"
    with pytest.raises(Exception, match="not supported"):
        resolve_url("mysql://u:pw@h/db")


def test_store_repr_and_errors_never_show_the_password(tmp_path):
    s = Store(tmp_path / "e.db")
    assert "sqlite:///" in repr(s)
    s.close()
    with pytest.raises(StoreError) as info:
        Store("postgresql://eventwire:Sup3rSecret@127.0.0.1:1/nowhere")
    assert "Sup3rSecret" not in str(info.value) and "***" in str(info.value)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason=PG_SKIP)
def test_store_wrong_password_message_is_masked():
    url = resolve_url(PG_URL).set(password="Wr0ngPassw0rd")
    with pytest.raises(StoreError) as info:
        Store(url)
    assert "Wr0ngPassw0rd" not in str(info.value)
