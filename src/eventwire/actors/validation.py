"""Checks for actor dictionary files (``eventwire dict validate FILE``).

Every finding carries its line number and a level:

- **errors** (the file should be fixed; ``dict validate`` exits 1): bad or reversed dates, rows without code or
  alias, control characters in an alias, malformed codes, codes whose country part is neither ISO 3166 alpha-3
  (current or ISO 3166-3 former, e.g. ``SUN`` for the USSR), a CAMEO region, an organisation code nor a sector,
  a row listed twice (same alias, code and dates), and **ambiguous** entries: one alias with two codes that the
  lookup cannot tell apart on some day (both undated, or both dated from the same day);
- **warnings** (legitimate in CAMEO/Phoenix data, worth a look in a hand-written file): a 3-letter code part that
  is not an eventwire sector (CAMEO secondary codes such as ``UNR`` or ``WBK``: the code is kept, eventwire reads
  no sector from that part), and dated ranges of one alias with two codes that overlap by more than the handover
  day (the lookup takes the later start, e.g. a minister's new post that began before the old one ended).

Not findings: an undated entry beside dated ones (the undated one is the default when no dated entry is valid),
two dated entries that share only their handover day (the later start wins that day), and the same code listed
for overlapping periods (the answer is the same). See docs/actors.md ("Dictionaries").
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from .codes import CAMEO_REGIONS, ORGANISATIONS, SECTORS
from .dictionary import COLUMNS, ActorDictionary

ERROR = "error"
WARNING = "warning"
PHOENIX_PREFIXES = ("IGO", "NGO", "MNC", "IMG")  # their region/organisation parts are free-form (IGOLAMOAS)


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding in a dictionary file (``level`` is ``"error"`` or ``"warning"``)."""

    line: int
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.level == WARNING else ""
        return f"line {self.line}: {prefix}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """The error-level findings of ``problems``."""
    return [p for p in problems if p.level == ERROR]


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country parts a code may start with: ISO 3166 alpha-3 (current and former), Kosovo, CAMEO regions."""
    import pycountry

    current = {c.alpha_3 for c in pycountry.countries}
    former = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(current | former | set(CAMEO_REGIONS) | {"XKX", "---"})


def _base(code: str) -> str | None:
    """The country/organisation part ``code`` starts with, or None when it starts with neither."""
    org = next((o for o in sorted(ORGANISATIONS, key=len, reverse=True) if code.startswith(o)), None)
    if org and (len(code) == len(org) or code[len(org):len(org) + 3] in SECTORS):
        return org  # read as codes.split_code reads it: an organisation is followed by a sector or nothing
    if code[:3] in _countries() or code[:3] in SECTORS:  # a bare sector: Phoenix "MED" = media, no country
        return code[:3]
    return None


def code_findings(code: str) -> list[tuple[str, str]]:
    """(level, message) findings of an actor code; empty when eventwire reads it fully."""
    if "/" in code:  # a TABARI compound code (one event per member)
        return [f for member in code.split("/") for f in code_findings(member)]
    if not code.isascii() or not (code.replace("-", "").isalpha() and code.upper() == code):
        return [(ERROR, f"code {code!r} must be upper-case letters (country or organisation + sectors, e.g. USAGOV)")]
    if code.startswith(PHOENIX_PREFIXES):
        return []
    base = _base(code)
    if base is None:
        return [(ERROR, (f"unknown country {code[:3]!r} in code {code!r}; use an ISO 3166 alpha-3 code, a CAMEO "
                         "region or an organisation code"))]
    rest = code[len(base):]
    if len(rest) % 3:
        return [(ERROR, (f"code {code!r}: after {base!r} come 3-letter sector codes; {rest!r} is not a multiple "
                         "of 3 letters"))]
    return [(WARNING, (f"code part {rest[i:i + 3]!r} in {code!r} is not an eventwire sector (a CAMEO secondary "
                       "code?); the code is kept, no sector is read from that part"))
            for i in range(0, len(rest), 3) if rest[i:i + 3] not in SECTORS and rest[i:i + 3] not in _countries()]


def code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid actor code (its first error), or None when it is."""
    return next((msg for level, msg in code_findings(code) if level == ERROR), None)


def _date(value: str) -> tuple[dt.date | None, str | None]:
    value = value.strip()
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, f"bad date {value!r}; use YYYY-MM-DD or leave empty"


@dataclass(frozen=True, slots=True)
class _Row:
    """What the overlap checks need of one dictionary row."""

    line: int
    code: str
    start: dt.date | None
    end: dt.date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def overlap(self, other: _Row) -> tuple[dt.date, dt.date] | None:
        lo = max(self.start or dt.date.min, other.start or dt.date.min)
        hi = min(self.end or dt.date.max, other.end or dt.date.max)
        return (lo, hi) if lo <= hi else None


def overlap_finding(row: _Row, other: _Row, alias: str) -> Problem | None:
    """The finding for two rows of one alias (``other`` listed first), or None when the lookup reads them fine."""
    span = row.overlap(other)
    if span is None:
        return None
    same_dates = (row.start, row.end) == (other.start, other.end)
    if row.code == other.code:
        return Problem(row.line, f"duplicate row: alias {alias!r} with code {row.code} and the same dates is "
                                 f"already on line {other.line}") if same_dates else None
    if row.dated != other.dated:
        return None  # the undated entry is the default outside the dated one
    if not row.dated or row.start == other.start:
        return Problem(row.line, f"ambiguous alias {alias!r}: {row.code} here and {other.code} on line {other.line} "
                                 f"are valid on the same days with the same start, and the lookup cannot choose; "
                                 "give one of them valid_from/valid_to")
    if span[0] == span[1]:
        return None  # one day shared: a handover written as end = next start (Phoenix); the later start wins
    return Problem(row.line, f"overlapping date ranges: alias {alias!r} is {row.code} here and {other.code} on line "
                             f"{other.line} from {span[0]} to {span[1]}; the later start wins", WARNING)


def validate_text(text: str) -> list[Problem]:
    """Findings of a TSV actor dictionary (header row first), errors and warnings in line order."""
    problems: list[Problem] = []
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if not header or [h.strip() for h in header[:2]] != ["code", "alias"]:
        return [Problem(1, "the first row must be the header: " + " | ".join(COLUMNS) + " (tab-separated)")]
    seen: dict[str, list[_Row]] = {}
    for lineno, row in enumerate(rows, 2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        row = (row + [""] * len(COLUMNS))[: len(COLUMNS)]
        code, alias, start, end = (c.strip() for c in row[:4])
        if not code or not alias:
            problems.append(Problem(lineno, "every row needs a code and an alias"))
            continue
        if not alias.isprintable():
            problems.append(Problem(lineno, f"alias {alias!r} has a control character (a byte lost in another "
                                            f"encoding?); save the file as UTF-8"))
        problems.extend(Problem(lineno, msg, level) for level, msg in code_findings(code))
        (d0, e0), (d1, e1) = _date(start), _date(end)
        problems.extend(Problem(lineno, e) for e in (e0, e1) if e)
        if d0 and d1 and d0 > d1:
            problems.append(Problem(lineno, f"valid_from {start} is after valid_to {end}"))
            continue
        this = _Row(lineno, code, d0, d1)
        earlier = seen.setdefault(ActorDictionary.key(alias), [])
        problems.extend(p for other in earlier if (p := overlap_finding(this, other, alias)))
        earlier.append(this)
    return problems


def validate_file(path: Path | str) -> list[Problem]:
    """Findings of a shipped-format data file: an actor dictionary TSV, another eventwire data file recognised by
    its header (``eventwire.datafiles``), or a CAMEO/PETRARCH ``.txt`` file (imported and its codes checked)."""
    p = Path(path)
    if not p.is_file():
        raise DictionaryError(f"{p}: no such dictionary file")
    if p.suffix.lower() == ".txt":
        from .importer import read_actor_file

        entries = read_actor_file(p)
        if not entries:  # prose, or a PETRARCH agents/discards file: nothing was checked, so it is not "OK"
            return [Problem(0, "no actor entries with a code; a CAMEO/PETRARCH .actors file has lines such as "
                               "'VLADIMIR_PUTIN [RUSGOV]' (agents and discards files are not checked here)")]
        return [Problem(0, f"{e.alias!r}: {msg}", level) for e in entries for level, msg in code_findings(e.code)]
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{p}: cannot read the dictionary ({exc}); save it as UTF-8 text") from exc
    from ..datafiles import validate_data_text

    return validate_data_text(p.name, text)
