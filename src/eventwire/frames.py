"""Events as a pandas DataFrame (one row per event, actor fields flattened)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import CodedArticle, Event

if TYPE_CHECKING:
    import pandas as pd

FLAT_ACTOR_FIELDS = ("code", "country", "sector", "text")


def flatten(event: Event) -> dict[str, Any]:
    """One flat dict per event: source_code, source_country, ..., place_name, ..."""
    d = event.to_dict()
    row: dict[str, Any] = {}
    for key, value in d.items():
        if key in ("source", "target", "attributed_to"):
            for f in FLAT_ACTOR_FIELDS:
                row[f"{key}_{f}"] = value.get(f) if value else None
        elif key == "place":
            for f in ("name", "country", "lat", "lon"):
                row[f"place_{f}"] = value.get(f) if value else None
        elif key == "evidence":
            row["evidence"] = "; ".join(f"{k}={v}" for k, v in value.items())
        else:
            row[key] = value
    return row


def to_dataframe(events: Iterable[Event] | CodedArticle | Iterable[CodedArticle]) -> "pd.DataFrame":
    """Events → pandas DataFrame, one row per event. CodedArticles (``Coder.code``/``Coder.code_many``) give
    their events; anything else raises InputError."""
    import pandas as pd

    if isinstance(events, CodedArticle):
        events = events.events
    if isinstance(events, (str, bytes, dict)) or not isinstance(events, Iterable):
        raise InputError(f"to_dataframe takes events (eventwire.code, eventwire.code_many), not a "
                         f"{type(events).__name__}")
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(events):
        if isinstance(item, CodedArticle):
            rows += [flatten(e) for e in item.events]
        elif isinstance(item, Event):
            rows.append(flatten(item))
        else:
            raise InputError(f"to_dataframe: item {i + 1} is a {type(item).__name__}, not an eventwire.Event")
    return pd.DataFrame(rows)
