"""PETRARCH's per-record coder options, as the PETRARCH suites set them (``config_overrides`` of a record).

PETRARCH reads its options from ``PETR_config.ini``; the validation files change some of them between records
(``<Config>`` lines, accumulated through the file and written to each record's ``config_overrides``). The one
that decides which events exist is ``require_dyad`` (default True): with it, an event whose source or target is
missing is not written; without it, such an event is written with ``---`` in the empty slot. eventwire codes
events with one actor (a statement, "crowds burned down the embassy"), so scoring a suite by PETRARCH's
conventions means applying that option per record (``apply_require_dyad``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Event


def _flag(value: Any, default: bool) -> bool:
    """A PETRARCH config truth value ('True', 'FALSE', 'false', '1', ...)."""
    if value is None:
        return default
    return str(value).strip().lower() not in ("false", "0", "no", "off", "")


def require_dyad(raw: Mapping[str, Any]) -> bool:
    """The record's ``require_dyad`` option (PETRARCH's default: True)."""
    overrides = raw.get("config_overrides") or {}
    return _flag(overrides.get("require_dyad"), True)


def has_dyad(event: Event) -> bool:
    """Both actors of the event are known (PETRARCH writes ``---`` for a missing one)."""
    return bool(event.source and event.source.code and event.target and event.target.code)


def apply_require_dyad(raw: Mapping[str, Any], events: list[Event]) -> list[Event]:
    """The events PETRARCH would write for a record with these options: with ``require_dyad`` on, only those
    with both a source and a target."""
    if not require_dyad(raw):
        return events
    return [e for e in events if has_dyad(e)]
