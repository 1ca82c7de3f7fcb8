"""A fixed split of the never-tuned classification sets into a "tune" half and a "held" half, by document.

case2021-task2-acled-types and india-police-events are the project's only held-out evidence (the test splits of
the other sets are encrypted). Working on their errors would spend that evidence, so error analysis may look only
at the **tune** half; the **held** half is scored but its errors are never listed (``benchmarks/events_eval.py``
refuses ``--errors`` with ``--half held``). Its score before and after a change is the honest number.

The split is by document so that sentences of one article never land in both halves: the document key is
``doc_id`` for india-police-events (a Times of India article) and ``source_row_id`` (else ``id``) for case2021
(every snippet is its own source text). A document is in the held half when ``sha1(key)`` is odd, a rule fixed in
advance that does not depend on the text, the labels or the record order.
"""

from __future__ import annotations

from hashlib import sha1

from .gold import GoldRecord, GoldSet

HALVES = ("tune", "held")


def document_key(record: GoldRecord) -> str:
    """The source document of a record: ``doc_id`` (india-police-events), ``source_row_id`` (case2021) or ``id``."""
    raw = record.raw
    for key in ("doc_id", "source_row_id"):
        if raw.get(key) not in (None, ""):
            return f"{key}:{raw[key]}"
    return f"id:{record.id}"


def half_of(record: GoldRecord) -> str:
    """'tune' or 'held': the half of the record's document (sha1 of the document key, even = tune)."""
    return HALVES[int(sha1(document_key(record).encode("utf-8")).hexdigest(), 16) % 2]


def select_half(gold: GoldSet, half: str) -> GoldSet:
    """The records of one half (in file order)."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return GoldSet(gold.path, gold.format, tuple(r for r in gold.records if half_of(r) == half))
