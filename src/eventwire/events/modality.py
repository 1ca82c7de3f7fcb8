"""Modality rules that need more than the parse: historical events (a past event mentioned as background).

The parse-level modalities (negated, hypothetical, demanded, intended, reported, asserted) are set by
``EventExtractor.modality_of``. Once the event date is resolved, an asserted or reported event whose own
date lies well before the publication date ("the two leaders met in 2018 in Helsinki") is ``historical``.
"""

from __future__ import annotations

import datetime as dt

# An event this many days or more before publication is background, not news.
HISTORICAL_DAYS = 60


def with_history(modality: str, event_date: str | None, published: dt.date | None,
                 basis: str | None = None) -> str:
    """``historical`` for an asserted/reported event explicitly dated long before publication, else ``modality``."""
    if modality not in ("asserted", "reported") or not event_date or published is None:
        return modality
    if basis in ("publication", None):
        return modality  # the date defaulted to the publication date: nothing says it is old
    try:
        when = dt.date.fromisoformat(event_date[:10]) if len(event_date) >= 10 else dt.date(int(event_date[:4]), 12, 31)
    except ValueError:
        return modality
    return "historical" if (published - when).days >= HISTORICAL_DAYS else modality
