"""Actor dictionaries: data files of (code, alias, valid_from, valid_to, name, kind, source).

The shipped files live in ``eventwire/data/actors/*.tsv``; users add their own
files in the same format (see docs/data-formats.md). Files are validated when
loaded and loaded once per process (``default_dictionary()`` is cached).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DictionaryError
from .codes import split_code

COLUMNS = ("code", "alias", "valid_from", "valid_to", "name", "kind", "source")
SHIPPED_FILES = ("countries.tsv", "organisations.tsv", "people.tsv")


@dataclass(frozen=True, slots=True)
class Entry:
    """One alias of one actor, valid between two dates (inclusive; None = open)."""

    code: str
    alias: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    name: str
    kind: str
    source: str

    def valid_on(self, date: dt.date | None) -> bool:
        if date is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date <= self.valid_to)

    @property
    def country(self) -> str:
        return split_code(self.code)[0]

    @property
    def sector(self) -> str | None:
        return split_code(self.code)[1]


def _date(value: str, where: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {value!r}; use YYYY-MM-DD or leave empty") from exc


def read_entries(path: Path | str, text: str | None = None) -> list[Entry]:
    """Read and validate one dictionary TSV (header row required)."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"{name}: cannot read the dictionary ({exc})") from exc
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if not header or [h.strip() for h in header[:2]] != ["code", "alias"]:
        raise DictionaryError(f"{name}:1: the first row must be the header: {chr(9).join(COLUMNS)}")
    entries = []
    for lineno, row in enumerate(rows, 2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        row = (row + [""] * len(COLUMNS))[: len(COLUMNS)]
        code, alias, start, end, full_name, kind, source = (c.strip() for c in row)
        where = f"{name}:{lineno}"
        if not code or not alias:
            raise DictionaryError(f"{where}: every row needs a code and an alias")
        entry = Entry(code, alias, _date(start, where), _date(end, where), full_name or alias, kind or "actor",
                      source or name)
        if entry.valid_from and entry.valid_to and entry.valid_from > entry.valid_to:
            raise DictionaryError(f"{where}: valid_from {start} is after valid_to {end}")
        entries.append(entry)
    return entries


class ActorDictionary:
    """Aliases → dated entries. Lookups are case-insensitive except for short all-caps aliases ('US')."""

    def __init__(self, entries: list[Entry], version: str = "custom") -> None:
        self.version = version
        self._by_alias: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            self._by_alias[self.key(e.alias)].append(e)

    @staticmethod
    def key(alias: str) -> str:
        return " ".join(alias.lower().replace("\u2019", "'").split())

    @property
    def aliases(self) -> list[str]:
        return sorted({e.alias for entries in self._by_alias.values() for e in entries})

    def entries(self) -> list[Entry]:
        return [e for es in self._by_alias.values() for e in es]

    def lookup(self, alias: str, date: dt.date | None = None) -> Entry | None:
        """The entry for ``alias`` valid on ``date`` (latest open-ended entry when date is None)."""
        candidates = self._by_alias.get(self.key(alias), [])
        if not candidates:
            return None
        valid = [e for e in candidates if e.valid_on(date)]
        if not valid and date is None:
            valid = candidates
        if not valid:
            return None
        # Dated entries beat undated ones; among them, the most recent start wins.
        return max(valid, key=lambda e: (e.valid_from is not None, e.valid_from or dt.date.min))

    def extended(self, other: "ActorDictionary | list[Entry]") -> "ActorDictionary":
        extra = other.entries() if isinstance(other, ActorDictionary) else other
        return ActorDictionary(self.entries() + list(extra), version=f"{self.version}+custom")


def shipped_version() -> str:
    return (resources.files("eventwire") / "data" / "actors" / "VERSION").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The shipped actor dictionaries, loaded once per process."""
    base = resources.files("eventwire") / "data" / "actors"
    entries: list[Entry] = []
    for fname in SHIPPED_FILES:
        f = base / fname
        entries.extend(read_entries(f"eventwire/data/actors/{fname}", f.read_text(encoding="utf-8")))
    return ActorDictionary(entries, version=shipped_version())


@lru_cache(maxsize=1)
def sector_words() -> dict[str, str]:
    """Role and sector nouns → sector code ("spokesman" → GOV, "troops" → MIL)."""
    text = (resources.files("eventwire") / "data" / "actors" / "sectors.tsv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    return {r[0].strip().lower(): r[1].strip() for r in rows[1:] if len(r) >= 2 and r[0].strip()}
