"""Where partitions are coded: in this process, in a local process pool, or on a Dask cluster.

Every engine runs the same ``worker.code_partition`` and yields one ``Outcome``
per partition, in completion order. Each keeps at most ``max_in_flight``
partitions submitted, so memory stays bounded however long the input is. A
partition that raises is retried up to ``retries`` more times, then reported
as failed; the others go on.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from ..errors import EventwireError
from .partition import Partition
from .worker import CodeOptions, PartitionResult, code_partition, warm_up

ENGINES = ("local", "dask")


@dataclass(slots=True)
class Outcome:
    partition: Partition
    result: PartitionResult | None
    error: str | None
    attempts: int


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class LocalEngine:
    """``workers == 1``: code in this process. ``workers > 1``: a pool of spawned processes."""

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise EventwireError("--workers must be at least 1")
        self.workers = workers

    def run(self, parts: Iterator[Partition], opts: CodeOptions, retries: int = 2) -> Iterator[Outcome]:
        if self.workers == 1:
            yield from self._run_inline(parts, opts, retries)
        else:
            yield from self._run_pool(parts, opts, retries)

    @staticmethod
    def _run_inline(parts: Iterator[Partition], opts: CodeOptions, retries: int) -> Iterator[Outcome]:
        for part in parts:
            for attempt in range(1, retries + 2):
                try:
                    yield Outcome(part, code_partition(part, opts), None, attempt)
                    break
                except Exception as exc:  # noqa: BLE001 - any failure of a partition is reported, not fatal
                    if attempt == retries + 1:
                        yield Outcome(part, None, _describe(exc), attempt)

    def _run_pool(self, parts: Iterator[Partition], opts: CodeOptions, retries: int) -> Iterator[Outcome]:
        ctx = multiprocessing.get_context("spawn")
        max_in_flight = 2 * self.workers
        pending: dict[Future, tuple[Partition, int]] = {}
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=warm_up,
                                 initargs=(opts.coding,)) as pool:
            it = iter(parts)
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < max_in_flight:
                    part = next(it, None)
                    if part is None:
                        exhausted = True
                    else:
                        pending[pool.submit(code_partition, part, opts)] = (part, 1)
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    part, attempt = pending.pop(fut)
                    exc = fut.exception()
                    if exc is None:
                        yield Outcome(part, fut.result(), None, attempt)
                    elif attempt <= retries:
                        pending[pool.submit(code_partition, part, opts)] = (part, attempt + 1)
                    else:
                        yield Outcome(part, None, _describe(exc), attempt)


class DaskEngine:
    """Dask distributed: a LocalCluster of ``workers`` processes, or an existing scheduler."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, partitions_per_worker: int = 2) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.partitions_per_worker = partitions_per_worker

    def _client(self) -> Any:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise EventwireError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from exc
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="30s"), None
            except OSError as exc:
                raise EventwireError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        return Client(cluster), cluster

    def run(self, parts: Iterator[Partition], opts: CodeOptions, retries: int = 2) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        client, cluster = self._client()
        try:
            client.run(warm_up, opts.coding)  # load model + dictionaries once in every worker process
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            max_in_flight = self.partitions_per_worker * n_workers
            it = iter(parts)
            queue = as_completed()
            info: dict[str, Partition] = {}

            def submit() -> bool:
                part = next(it, None)
                if part is None:
                    return False
                key = f"eventwire-{part.name}-{part.digest}"
                fut = client.submit(code_partition, part, opts, key=key, retries=retries, pure=False)
                info[fut.key] = part
                queue.add(fut)
                return True

            for _ in range(max_in_flight):
                if not submit():
                    break
            for fut in queue:
                part = info.pop(fut.key)
                if fut.status == "finished":
                    yield Outcome(part, fut.result(), None, 1)
                else:
                    exc = fut.exception()
                    yield Outcome(part, None, _describe(exc), retries + 1)
                fut.release()
                submit()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make_engine(name: str, workers: int = 1, scheduler: str | None = None) -> LocalEngine | DaskEngine:
    if name == "local":
        if scheduler:
            raise EventwireError("--scheduler is for --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(workers, scheduler)
    raise EventwireError(f"unknown --engine {name!r}; choose one of: {', '.join(ENGINES)}")
