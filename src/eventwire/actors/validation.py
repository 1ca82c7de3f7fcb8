"""Checks for actor dictionary files (``eventwire dict validate FILE``).

Every problem carries its line number: bad or reversed dates, rows without code or alias,
unknown codes (country not ISO 3166 alpha-3 nor an organisation code, or an unknown sector),
duplicate aliases (the same alias listed twice for the same period) and overlapping date
ranges (one alias with two different codes on the same day).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from .codes import ORGANISATIONS, SECTORS
from .dictionary import COLUMNS, ActorDictionary


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a dictionary file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "---", "IGO", "NGO", "MNC", "IMG"}


def code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid actor code, or None when it is."""
    if not code.isascii() or not (code.replace("-", "").isalpha() and code.upper() == code):
        return f"code {code!r} must be upper-case letters (country or organisation + sectors, e.g. USAGOV)"
    if code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return None  # Phoenix organisation codes carry free-form region/organisation parts (IGOLAMOAS)
    base = next((o for o in sorted(ORGANISATIONS, key=len, reverse=True) if code.startswith(o) and (
        len(code) == len(o) or code[len(o):len(o) + 3] in SECTORS)), None)
    if base is None:
        base = code[:3]
        if base not in _countries():
            return f"unknown country {base!r} in code {code!r}; use an ISO 3166 alpha-3 code or an organisation code"
    rest = code[len(base):]
    if len(rest) % 3:
        return f"code {code!r}: after {base!r} come 3-letter sector codes; {rest!r} is not a multiple of 3 letters"
    for i in range(0, len(rest), 3):
        if rest[i:i + 3] not in SECTORS:
            return f"unknown sector {rest[i:i + 3]!r} in code {code!r}; see docs/actors.md for the sector list"
    return None


def _date(value: str) -> tuple[dt.date | None, str | None]:
    value = value.strip()
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, f"bad date {value!r}; use YYYY-MM-DD or leave empty"


def validate_text(text: str) -> list[Problem]:
    """Problems of a TSV dictionary (header row first)."""
    problems: list[Problem] = []
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if not header or [h.strip() for h in header[:2]] != ["code", "alias"]:
        return [Problem(1, "the first row must be the header: " + " | ".join(COLUMNS) + " (tab-separated)")]
    seen: dict[str, list[tuple[int, str, dt.date, dt.date]]] = {}
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
        why = code_problem(code)
        if why:
            problems.append(Problem(lineno, why))
        d0, e0 = _date(start)
        d1, e1 = _date(end)
        for e in (e0, e1):
            if e:
                problems.append(Problem(lineno, e))
        if d0 and d1 and d0 > d1:
            problems.append(Problem(lineno, f"valid_from {start} is after valid_to {end}"))
            continue
        lo, hi = d0 or dt.date.min, d1 or dt.date.max
        key = ActorDictionary.key(alias)
        for other_line, other_code, olo, ohi in seen.get(key, []):
            if lo <= ohi and olo <= hi:
                if other_code == code:
                    problems.append(Problem(lineno, f"duplicate alias {alias!r} (same code {code}, "
                                                    f"overlapping dates) already on line {other_line}"))
                else:
                    problems.append(Problem(lineno, f"overlapping date ranges: alias {alias!r} is {code} here and "
                                                    f"{other_code} on line {other_line} for the same days; "
                                                    "give one of them valid_from/valid_to"))
        seen.setdefault(key, []).append((lineno, code, lo, hi))
    return problems


def validate_file(path: Path | str) -> list[Problem]:
    """Problems of a TSV dictionary file; CAMEO/PETRARCH ``.txt`` files are imported and their codes checked."""
    p = Path(path)
    if not p.is_file():
        raise DictionaryError(f"{p}: no such dictionary file")
    if p.suffix.lower() == ".txt":
        from .importer import read_actor_file

        return [Problem(0, f"{e.alias!r}: {why}") for e in read_actor_file(p) if (why := code_problem(e.code))]
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{p}: cannot read the dictionary ({exc}); save it as UTF-8 text") from exc
    return validate_text(text)
