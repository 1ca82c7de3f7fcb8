"""A progress display for long batches: stderr only, shown only on a terminal and past a threshold."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from ..settings import PROGRESS_THRESHOLD

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None, unit: str = "articles") -> Iterator[T]:
    """Yield items; after PROGRESS_THRESHOLD of them, show a live counter on stderr if it is a TTY."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = None
    task = None
    try:
        for n, item in enumerate(items, 1):
            if bar is None and n > PROGRESS_THRESHOLD:
                bar = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
                               TextColumn(unit), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
                bar.start()
                task = bar.add_task(label, total=total, completed=n - 1)
            yield item
            if bar is not None and task is not None:
                bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()
