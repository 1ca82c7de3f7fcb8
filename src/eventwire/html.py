"""Article text and metadata from HTML, via trafilatura."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True, slots=True)
class ExtractedHTML:
    text: str
    title: str | None
    date: dt.date | None
    url: str | None


def extract_html(html: str, name: str = "<html>") -> ExtractedHTML:
    """Main text, title, publication date and canonical URL of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{name}: no article text found in the HTML")
    date = None
    if doc.date:
        try:
            date = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            date = None
    return ExtractedHTML(text=doc.text, title=doc.title, date=date, url=doc.url)
