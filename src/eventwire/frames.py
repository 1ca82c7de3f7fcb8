"""Events as a pandas DataFrame (one row per event, actor fields flattened)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .model import Event

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


def to_dataframe(events: Iterable[Event]) -> "pd.DataFrame":
    """Events → pandas DataFrame, one row per event."""
    import pandas as pd

    rows = [flatten(e) for e in events]
    return pd.DataFrame(rows)
