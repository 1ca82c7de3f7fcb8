"""Alembic environment: runs on the connection ``Store.migrate()`` passes in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from eventwire.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through eventwire.store.Store(url).migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
