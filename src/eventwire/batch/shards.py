"""Shard files and the manifest that lets a re-run skip finished partitions.

Layout of ``--out DIR``::

    DIR/part-000000.jsonl      # events of partition 0 (or .parquet)
    DIR/part-000001.jsonl
    DIR/manifest.jsonl         # one line per finished (or failed) partition, appended
    DIR/summary.json           # the last run: counts, failures, record errors, timings

Only the driver writes here (workers send shard bytes back), so there is a single
writer. A shard is written to a temporary file, fsynced and renamed into place,
then its manifest line is appended: a partition listed as ``done`` always has a
complete shard. A torn last manifest line (a crash mid-write) is ignored.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

MANIFEST = "manifest.jsonl"
SUMMARY = "summary.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see either the old file or the whole new one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Entry:
    """A manifest line."""

    index: int
    digest: str
    status: str  # "done" | "failed"
    shard: str | None
    articles: int
    events: int
    attempts: int
    error: str | None = None


class Manifest:
    """The append-only record of which partitions of an output folder are done."""

    def __init__(self, out: Path, fmt: str, partition_size: int) -> None:
        self.out = out
        self.fmt = fmt
        self.partition_size = partition_size
        self.path = out / MANIFEST
        self.entries: dict[int, Entry] = {}
        self.loaded: dict[tuple[int, str], str] = {}  # (partition, database) → digest loaded
        # coding options of the last run (those differing from the defaults); None: no run recorded them
        self.coding_options: dict[str, bool] | None = None
        self._read()

    def _read(self) -> None:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a torn last line from an interrupted run
                if rec.get("kind") == "run":
                    self._check_compatible(rec)
                    self.coding_options = rec.get("coding_options", {})  # older runs: the defaults
                    continue
                if rec.get("kind") == "loaded":
                    self.loaded[(rec["index"], rec["db"])] = rec["digest"]
                    continue
                entry = Entry(**{k: rec.get(k) for k in Entry.__slots__})  # type: ignore[attr-defined]
                self.entries[entry.index] = entry

    def _check_compatible(self, rec: dict[str, Any]) -> None:
        if rec.get("partition_size") != self.partition_size or rec.get("format") != self.fmt:
            raise InputError(
                f"{self.out}: was written with --partition-size {rec.get('partition_size')} and --format "
                f"{rec.get('format')}; use the same settings to resume, or another --out folder (or --redo)")

    def is_done(self, index: int, digest: str, with_articles: bool = False) -> bool:
        """True when the partition was coded from the same articles and its shard is still there
        (and, with_articles, its articles sidecar too)."""
        e = self.entries.get(index)
        return (e is not None and e.status == "done" and e.digest == digest and e.shard is not None
                and (self.out / e.shard).exists()
                and (not with_articles or (self.out / f"part-{index:06d}.articles.jsonl").exists()))

    def is_loaded(self, index: int, db: str) -> bool:
        """True when the partition, as it is now, was loaded into database ``db``."""
        e = self.entries.get(index)
        return e is not None and self.loaded.get((index, db)) == e.digest

    def record_loaded(self, index: int, digest: str, db: str) -> None:
        self.loaded[(index, db)] = digest
        self._append({"kind": "loaded", "index": index, "digest": digest, "db": db})

    def start_run(self, info: dict[str, Any]) -> None:
        self._append({"kind": "run", "partition_size": self.partition_size, "format": self.fmt, **info})

    def record(self, entry: Entry) -> None:
        self.entries[entry.index] = entry
        rec = {k: getattr(entry, k) for k in Entry.__slots__}  # type: ignore[attr-defined]
        self._append(rec)

    def _append(self, rec: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def shard_paths(self) -> list[Path]:
        """The shard files of every done partition, in partition order."""
        return [self.out / e.shard for _, e in sorted(self.entries.items()) if e.status == "done" and e.shard]

    def reset(self) -> None:
        """Forget every partition (``--redo``): old shards are left in place but will be overwritten."""
        self.path.unlink(missing_ok=True)
        self.entries.clear()
        self.loaded.clear()
        self.coding_options = None
