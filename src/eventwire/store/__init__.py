"""The event database: SQLite (embedded default) or PostgreSQL, behind one ``Store``.

    from eventwire.store import Store, ingest, EventFilter
    with Store("events.db") as store:
        report = ingest(store, articles)
        russia = list(store.events(EventFilter(actor=["RUS"]).clauses()))

See docs/store.md for the schema, the commands and every export column.
"""

from __future__ import annotations

from .export import WRITERS, export, export_clusters
from .ingest import IngestReport, coder_versions, ingest
from .query import CLUSTER_COLUMNS, EventFilter, cluster_rows, count_by
from .store import Store, StoreError
from .urls import DEFAULT_DB, mask_url, resolve_url

__all__ = ["CLUSTER_COLUMNS", "DEFAULT_DB", "EventFilter", "IngestReport", "Store", "StoreError", "WRITERS", "cluster_rows", "coder_versions",
           "count_by", "export", "export_clusters", "ingest", "mask_url", "resolve_url"]
