"""Cutting a stream of articles into numbered partitions.

Partitions are numbered by their position in the input stream, and each carries a
digest of its article keys, so a re-run over the same input recognises the
partitions it has already coded (and does not trust a partition whose articles
changed, even under the same ids). Only ``size`` articles are held at a time: the stream is never read whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import RecordError
from ..model import Article


@dataclass(frozen=True, slots=True)
class Partition:
    """``size`` consecutive articles of the input; ``index`` is its position (0, 1, ...)."""

    index: int
    articles: tuple[Article, ...]
    digest: str

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}"


def digest_of(articles: Iterable[Article]) -> str:
    """A short hash of the articles of a partition: ids, dates and texts (an edited article changes it)."""
    h = hashlib.sha1()
    for a in articles:
        for part in (a.key, a.date.isoformat() if a.date else "", a.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def partitions(items: Iterable[Article | RecordError], size: int,
               on_error: Callable[[RecordError], None] | None = None) -> Iterator[Partition]:
    """Group a stream of articles into partitions of ``size``; RecordErrors go to ``on_error``."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    buf: list[Article] = []
    index = 0
    for item in items:
        if isinstance(item, RecordError):
            if on_error is not None:
                on_error(item)
            continue
        buf.append(item)
        if len(buf) == size:
            yield Partition(index, tuple(buf), digest_of(buf))
            index += 1
            buf = []
    if buf:
        yield Partition(index, tuple(buf), digest_of(buf))
