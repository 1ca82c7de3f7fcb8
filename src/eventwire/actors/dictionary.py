"""Actor dictionaries: data files of (code, alias, valid_from, valid_to, name, kind, source).

The shipped files live in ``eventwire/data/actors/*.tsv``; users add their own
files in the same format (see docs/data-formats.md). Files are validated when
loaded and loaded once per process (``default_dictionary()`` is cached).
"""

from __future__ import annotations

import csv
import re
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DictionaryError
from .codes import ORGANISATIONS, split_code

COLUMNS = ("code", "alias", "valid_from", "valid_to", "name", "kind", "source")
# Later layers win: converted Phoenix dictionaries (to ~2015), then eventwire's hand-curated files.
SHIPPED_LAYERS: tuple[tuple[str, ...], ...] = (("phoenix.tsv",), ("countries.tsv", "organisations.tsv", "people.tsv"))
_ORGANISATION_CODES = frozenset(ORGANISATIONS)
SHIPPED_FILES = tuple(f for layer in SHIPPED_LAYERS for f in layer)


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
    layer: int = 0  # dictionaries added later (user files) have higher layers and win lookups
    inferred: bool = False  # made up by out_of_office() for a date outside the person's dated roles

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


def read_entries(path: Path | str, text: str | None = None, layer: int = 0) -> list[Entry]:
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
                      source or name, layer)
        if entry.valid_from and entry.valid_to and entry.valid_from > entry.valid_to:
            raise DictionaryError(f"{where}: valid_from {start} is after valid_to {end}")
        entries.append(entry)
    return entries


_HYPHENATED_ARTICLE = re.compile(r"(?<![\w-])(al|el)-(?=\w)")


class ActorDictionary:
    """Aliases → dated entries. Lookups are case-insensitive except for short all-caps aliases ('US')."""

    def __init__(self, entries: list[Entry], version: str = "custom") -> None:
        self.version = version
        self._by_alias: dict[str, list[Entry]] = defaultdict(list)
        self._surnames: dict[str, list[Entry]] | None = None
        for e in entries:
            self._by_alias[self.key(e.alias)].append(e)

    @staticmethod
    def key(alias: str) -> str:
        """Lookup key: lower case, one space, and the Arabic article unhyphenated ("al-Thani" = "Al Thani")."""
        return _HYPHENATED_ARTICLE.sub(r"\1 ", " ".join(alias.lower().replace("\u2019", "'").split()))

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
        # Higher layers (user, then hand-curated) win; then dated entries beat undated ones; then the latest start.
        return max(valid, key=lambda e: (e.layer, e.valid_from is not None or e.valid_to is not None,
                                         e.valid_from or dt.date.min))

    def out_of_office(self, alias: str, date: dt.date | None) -> Entry | None:
        """A known person on a date outside every dated role of theirs: after the last role → a former office
        holder (country + ELI; an organisation's former head → the organisation); before the first → the country
        alone. None when ``alias`` is not one person's, or the date is inside a role."""
        candidates = self._by_alias.get(self.key(alias), [])
        if date is None or not candidates or any(e.kind != "person" or e.valid_on(date) for e in candidates):
            return None
        if len({e.name for e in candidates}) != 1:
            return None
        from dataclasses import replace

        past = [e for e in candidates if e.valid_to is not None and e.valid_to < date]
        if past:
            last = max(past, key=lambda e: e.valid_to or dt.date.min)
            owner = last.country
            code = owner if owner in _ORGANISATION_CODES else owner + "ELI"
            return replace(last, code=code, valid_from=None, valid_to=None, source=last.source + " (former)",
                           inferred=True)
        first = min(candidates, key=lambda e: e.valid_from or dt.date.min)
        return replace(first, code=first.country, valid_from=None, valid_to=None,
                       source=first.source + " (before the role)", inferred=True)

    def by_surname(self, surname: str, date: dt.date | None = None) -> Entry | None:
        """The one person whose name ends in ``surname`` and who has an entry valid on ``date``
        (None when there are none or several: "Museveni" resolves, "Smith" does not)."""
        if self._surnames is None:
            index: dict[str, list[Entry]] = defaultdict(list)
            for es in self._by_alias.values():
                for e in es:
                    if (e.kind == "person" and " " in e.name and e.alias == e.name
                            and not e.code.startswith(("IGO", "NGO", "MNC"))):
                        index[self.key(e.name.split()[-1])].append(e)
            self._surnames = index
        found = [e for e in self._surnames.get(self.key(surname), []) if e.valid_on(date)]
        if len({e.name for e in found}) != 1:
            return None
        return self.lookup(found[0].name, date)

    def candidates(self, alias: str) -> list[Entry]:
        """Every entry of ``alias`` regardless of date."""
        return list(self._by_alias.get(self.key(alias), []))

    @property
    def top_layer(self) -> int:
        return max((e.layer for es in self._by_alias.values() for e in es), default=0)

    def extended(self, other: ActorDictionary | list[Entry], name: str = "custom") -> ActorDictionary:
        """A new dictionary with ``other``'s entries added on top (they win lookups over this one's)."""
        from dataclasses import replace

        extra = other.entries() if isinstance(other, ActorDictionary) else other
        layer = self.top_layer + 1
        return ActorDictionary(self.entries() + [replace(e, layer=layer) for e in extra],
                               version=f"{self.version}+{name}")


def shipped_version() -> str:
    return (resources.files("eventwire") / "data" / "actors" / "VERSION").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The shipped actor dictionaries, loaded once per process."""
    base = resources.files("eventwire") / "data" / "actors"
    entries: list[Entry] = []
    for layer, files in enumerate(SHIPPED_LAYERS):
        for fname in files:
            f = base / fname
            entries.extend(read_entries(f"eventwire/data/actors/{fname}", f.read_text(encoding="utf-8"), layer))
    return ActorDictionary(entries, version=shipped_version())


def load_dictionary(paths: list[Path | str] | tuple[Path | str, ...] = (), *, replace_shipped: bool = False,
                    ) -> ActorDictionary:
    """The shipped dictionaries plus user files on top (TSV, or CAMEO/PETRARCH ``.txt`` actor files).

    With ``replace_shipped`` the user files are used alone.
    """
    from .importer import read_actor_file

    extra: list[Entry] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise DictionaryError(f"{p}: dictionary file not found; check the path given to --dictionary "
                                  "or EVENTWIRE_DICTIONARY")
        entries = read_actor_file(p) if p.suffix.lower() == ".txt" else read_entries(p)
        if not entries:  # the wrong file (prose, an agents file): using it would change nothing, silently
            raise DictionaryError(f"{p}: no actor entries with a code; a dictionary has rows 'code<TAB>alias<TAB>...' "
                                  f"(TSV) or lines such as 'VLADIMIR_PUTIN [RUSGOV]' (CAMEO/PETRARCH .txt)")
        extra.extend(entries)
    if replace_shipped:
        return ActorDictionary(extra, version="custom")
    return default_dictionary().extended(extra) if extra else default_dictionary()


def dictionary_from_env() -> ActorDictionary:
    """Dictionaries named by EVENTWIRE_DICTIONARY (paths separated by os.pathsep) on top of the shipped ones;
    EVENTWIRE_DICTIONARY_ONLY=1 uses them instead of the shipped ones."""
    import os

    raw = os.environ.get("EVENTWIRE_DICTIONARY", "").strip()
    if not raw:
        return default_dictionary()
    only = os.environ.get("EVENTWIRE_DICTIONARY_ONLY", "").strip().lower() in ("1", "true", "yes")
    return load_dictionary([p for p in raw.split(os.pathsep) if p.strip()], replace_shipped=only)


@lru_cache(maxsize=1)
def sector_words() -> dict[str, str]:
    """Role and sector nouns → sector code ("spokesman" → GOV, "troops" → MIL).

    eventwire's hand-written sectors.tsv wins over the converted Phoenix agents.tsv.
    """
    out: dict[str, str] = {}
    for fname in ("agents.tsv", "sectors.tsv"):
        text = (resources.files("eventwire") / "data" / "actors" / fname).read_text(encoding="utf-8")
        rows = list(csv.reader(text.splitlines(), delimiter="\t"))
        for r in rows[1:]:
            if len(r) >= 2 and r[0].strip() and not r[0].startswith("#"):
                out[r[0].strip().lower()] = r[1].strip()[:3]
    return out
