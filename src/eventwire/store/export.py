"""Export writers: JSONL, CSV, Parquet, PLOVER JSON and a Phoenix-style CAMEO TSV.

Each writer takes (Event, article metadata) pairs and a path, and returns how many
events it wrote. They are registered by name in ``WRITERS``; docs/store.md lists
every column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..frames import flatten
from ..model import Actor, Event
from .records import event_from_record
from .store import Store

Rows = Iterable[tuple[Event, dict[str, Any]]]
Writer = Callable[[Rows, IO[str] | IO[bytes], dict[str, str]], int]

#: Phoenix / ICEWS-style columns of ``--format cameo`` (tab-separated, one header row).
CAMEO_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)


def write_jsonl(rows: Rows, out: Any, provenance: dict[str, str]) -> int:
    n = 0
    for event, _meta in rows:
        out.write(event.to_json() + "\n")
        n += 1
    return n


def write_csv(rows: Rows, out: Any, provenance: dict[str, str]) -> int:
    writer, n = None, 0
    for event, _meta in rows:
        row = flatten(event)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def write_parquet(rows: Rows, out: Any, provenance: dict[str, str], batch: int = 10_000) -> int:
    """Parquet via pyarrow, the CSV columns, written in row groups of ``batch`` so memory stays bounded."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: Any = None
    buffer: list[dict[str, Any]] = []
    n = 0

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pandas(pd.DataFrame(buffer), preserve_index=False)
        if writer is None:
            writer = pq.ParquetWriter(out, table.schema)
        writer.write_table(table.cast(writer.schema))
        buffer.clear()

    for event, _meta in rows:
        buffer.append(_parquet_row(event))
        n += 1
        if len(buffer) >= batch:
            flush()
    if buffer:
        flush()
    if writer is None:  # no events: a valid file with the columns and no rows
        columns = list(_parquet_row(Event("", 0, "", None, None, "010")))
        pq.write_table(pa.table({c: pa.array([], pa.string()) for c in columns}), out)
    else:
        writer.close()
    return n


def _parquet_row(event: Event) -> dict[str, Any]:
    """flatten(event) with stable column types across row groups."""
    row = flatten(event)
    for key in ("goldstein", "confidence", "place_lat", "place_lon"):
        if key in row:
            row[key] = float(row[key]) if row[key] is not None else None
    return row


def _plover_entity(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name or actor.text, "text": actor.text, "code": actor.code, "country": actor.country,
            "sector": actor.sector, "identifier_id": actor.entity_id,
            "text_info": {"start": actor.start, "end": actor.end}}


def plover_record(event: Event, meta: dict[str, Any], provenance: dict[str, str]) -> dict[str, Any]:
    """One event laid out with PLOVER's data-field names (event, mode, context, actor, recipient, ...)."""
    place = event.place
    return {
        "id": event.id,
        "date": event.date,
        "event": event.plover,
        "mode": "" if event.modality == "asserted" else event.modality,
        "context": [],
        "actor": [_plover_entity(event.source)] if event.source else [],  # lists: PLOVER allows compound actors
        "recipient": [_plover_entity(event.target)] if event.target else [],
        "location": None if place is None else {
            "name": place.name, "country": place.country, "lat": place.lat, "long": place.lon,
            "feature": place.feature},
        "event_text": event.trigger,
        "text": event.sentence,
        "text_info": {"sentence_index": event.sentence_index},
        "language": "en",
        "cite_info": {
            "url": meta.get("url"), "publication": meta.get("publication"), "headline": meta.get("title"),
            "story_date": meta.get("story_date"), "story_id": event.article_id,
            "coder": "eventwire " + provenance.get("eventwire", "?"), "codebook": "PLOVER",
            "version": provenance.get("eventwire", "?")},
        "cameo": {"code": event.cameo, "root": event.cameo[:2], "quad_class": event.quad_class,
                  "goldstein": event.goldstein},
        "attribution": _plover_entity(event.attributed_to),
        "date_info": {"end": event.date_end, "precision": event.date_precision, "basis": event.date_basis,
                      "text": event.date_text},
        "confidence": event.confidence,
    }


def write_plover(rows: Rows, out: Any, provenance: dict[str, str]) -> int:
    """A JSON array of PLOVER records, streamed (never held in memory whole)."""
    n = 0
    out.write("[")
    for event, meta in rows:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(plover_record(event, meta, provenance), ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


def _actor_parts(actor: Actor | None) -> tuple[str, str, str, str]:
    """(full code, entity = country/organisation, role = primary sector, attribute = further sectors)."""
    if actor is None or not actor.code:
        return "", "", "", ""
    code = actor.code
    entity = actor.country or code[:3]
    rest = code[len(entity):] if code.startswith(entity) else code[3:]
    role = actor.sector or rest[:3]
    attribute = rest[len(role):] if rest.startswith(role) else rest[3:]
    return code, entity, role, attribute


def cameo_row(event: Event, meta: dict[str, Any]) -> list[Any]:
    date = (event.date or "").replace("-", "")
    place = event.place
    return [
        event.id, date, date[:4], date[4:6], date[6:8],
        *_actor_parts(event.source), *_actor_parts(event.target),
        event.cameo, event.cameo[:2], "" if event.quad_class is None else event.quad_class,
        "" if event.goldstein is None else event.goldstein, "",
        "" if place is None or place.lat is None else place.lat,
        "" if place is None or place.lon is None else place.lon,
        place.name if place else "", "", (place.country or "") if place else "",
        f"{event.article_id}-{event.sentence_index}", meta.get("url") or "", meta.get("publication") or "",
    ]


def write_cameo(rows: Rows, out: Any, provenance: dict[str, str]) -> int:
    """Phoenix-style TSV: tabs and newlines inside values are replaced by spaces, so every row is one line."""
    out.write("\t".join(CAMEO_COLUMNS) + "\n")
    n = 0
    for event, meta in rows:
        cells = ("" if v is None else str(v) for v in cameo_row(event, meta))
        out.write("\t".join(c.replace("\t", " ").replace("\r", " ").replace("\n", " ") for c in cells) + "\n")
        n += 1
    return n


WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "plover": write_plover, "cameo": write_cameo,
}
BINARY = {"parquet"}


def export(store: Store, fmt: str, path: str | Path | IO[str], where: Any = ()) -> int:
    """Write every stored event (or those matching ``where``: an EventFilter or clauses) in ``fmt``.

    ``path`` is a file name or an open text stream (not for Parquet). A file is written under a
    temporary name and renamed when complete, so a failed export never leaves a truncated file
    under the requested name. Returns the number of events written.
    """
    if fmt not in WRITERS:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(WRITERS)}")
    from .. import __version__

    runs = store.runs()
    provenance = {"eventwire": runs[-1]["eventwire_version"] if runs else __version__}
    if hasattr(where, "clauses"):
        where = where.clauses()
    if not isinstance(path, (str, Path)):
        return WRITERS[fmt](_rows(store, list(where)), path, provenance)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    rows = _rows(store, list(where))
    try:
        if fmt in BINARY:
            with tmp.open("wb") as fb:
                n = WRITERS[fmt](rows, fb, provenance)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as ft:
                n = WRITERS[fmt](rows, ft, provenance)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return n


CLUSTER_FORMATS = ("jsonl", "csv")


def export_clusters(store: Store, fmt: str, path: str | Path | IO[str], where: Any = ()) -> int:
    """Write one row per real event (``query.CLUSTER_COLUMNS``) as JSON lines or CSV; returns the row count."""
    from .query import CLUSTER_COLUMNS, cluster_rows

    if fmt not in CLUSTER_FORMATS:
        raise InputError(f"--clusters exports {' or '.join(CLUSTER_FORMATS)}, not {fmt!r}")
    rows = cluster_rows(store, where)

    def write(out: Any) -> None:
        if fmt == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            w = csv.DictWriter(out, fieldnames=list(CLUSTER_COLUMNS), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)

    if not isinstance(path, (str, Path)):
        write(path)
        return len(rows)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as ft:
            write(ft)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


def _rows(store: Store, where: list[Any]) -> Iterator[tuple[Event, dict[str, Any]]]:
    for record, meta in store.event_rows(where, with_article=True):
        yield event_from_record(record), meta
