"""Coding many articles: partitions of the input, coded by a local pool or Dask, written as shard files.

Start at ``runner.run_batch``. The pieces: ``partition`` (stream → numbered
partitions), ``worker`` (code one partition with the per-process coder),
``engines`` (local / process pool / Dask), ``shards`` (atomic shard files and
the manifest used to resume), ``prefilter`` (optional sentence prefilter).
"""

from __future__ import annotations

from .engines import ENGINES, DaskEngine, LocalEngine
from .partition import Partition, partitions
from .runner import BatchReport, read_shard_events, run_batch
from .worker import SHARD_FORMATS, CodeOptions, code_partition

__all__ = [
    "ENGINES",
    "SHARD_FORMATS",
    "BatchReport",
    "CodeOptions",
    "DaskEngine",
    "LocalEngine",
    "Partition",
    "code_partition",
    "partitions",
    "read_shard_events",
    "run_batch",
]
