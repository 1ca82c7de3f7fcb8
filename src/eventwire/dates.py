"""Dates: parsing user-given publication dates and resolving event dates in text.

``parse_date`` reads the publication date a user gives (ISO, compact, or written
out). ``resolve_event_date`` finds the temporal expression that governs an event
in its sentence and resolves it against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import DateError

_COMPACT = re.compile(r"^\d{8}$")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Parse a publication date: '2025-01-10', '20250110', '2025-01-10T08:00Z', 'Jan 10, 2025'."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        if _COMPACT.match(text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]})
    if parsed is None:
        raise DateError(f"cannot understand the date {text!r}; use YYYY-MM-DD, e.g. 2025-01-10")
    return parsed.date()


@dataclass(frozen=True, slots=True)
class DateResolution:
    """An event date and how it was found."""

    date: str | None
    date_end: str | None = None
    precision: str = "reported"  # day, week, month, year, range, reported
    basis: str = "publication"  # explicit, relative, publication, none
    text: str | None = None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def publication_default(pub: dt.date | None) -> DateResolution:
    if pub is None:
        return DateResolution(date=None, precision="unknown", basis="none")
    return DateResolution(date=pub.isoformat())


def resolve_expression(text: str, pub: dt.date | None) -> DateResolution | None:
    """Resolve one temporal expression (a spaCy DATE span's text) against the publication date."""
    low = text.lower().strip()
    if pub is not None:
        for i, name in enumerate(WEEKDAYS):
            if re.search(rf"\b{name}\b", low) and not re.search(r"\b(next|coming)\b", low):
                delta = (pub.weekday() - i) % 7
                if "last" in low and delta == 0:
                    delta = 7
                return DateResolution((pub - dt.timedelta(days=delta)).isoformat(), None, "day", "relative", text)
        if low in ("yesterday",):
            return DateResolution((pub - dt.timedelta(days=1)).isoformat(), None, "day", "relative", text)
        if low in ("today", "this morning", "tonight", "this evening", "this afternoon"):
            return DateResolution(pub.isoformat(), None, "day", "relative", text)
    year = re.fullmatch(r"(?:in |during |since )?((?:19|20)\d\d)", low)
    if year:
        y = int(year.group(1))
        return DateResolution(f"{y}-01-01", f"{y}-12-31", "year", "explicit", text)
    return None


def resolve_event_date(date_texts: list[str], pub: dt.date | None) -> DateResolution:
    """The date of an event given the DATE expressions attached to it (nearest first)."""
    for text in date_texts:
        resolved = resolve_expression(text, pub)
        if resolved is not None:
            return resolved
    return publication_default(pub)
