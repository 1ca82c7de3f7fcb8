"""Checks for eventwire's data files (``eventwire dict validate FILE``), recognised by their header row.

Actor dictionaries (``code, alias, …``) are checked by :mod:`eventwire.actors.validation`; the other shipped
kinds (role words, regions, the event lexicon, the CAMEO → PLOVER crosswalk, threats, refusals, places, event
synonyms, the CAMEO → label crosswalk of the classification gold sets) by the column rules of :data:`KINDS`: required cells, CAMEO codes (2-4 digits), sector and country
codes, numbers, and one value per key (a key listed twice with different values is an error). The loaders check
the same things when eventwire reads the files; this gives line-numbered findings for a whole file at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .actors.codes import SECTORS
from .actors.validation import ERROR, WARNING, Problem, validate_text

Check = Callable[[str], "tuple[str, str] | None"]


def _cameo(value: str) -> tuple[str, str] | None:
    if value.isdigit() and 2 <= len(value) <= 4:
        return None
    return ERROR, f"{value!r} is not a CAMEO code (2-4 digits)"


def _cameo_or_none(value: str) -> tuple[str, str] | None:
    return None if value in ("", "---", "-") else _cameo(value)


def _sector(value: str) -> tuple[str, str] | None:
    if len(value) < 3 or len(value) % 3 or not value.isalpha() or not value.isupper():
        return ERROR, f"sector {value!r} must be 3-letter upper-case sector codes (GOV, MIL, GOVMED, …)"
    if value[:3] not in SECTORS:
        return WARNING, f"sector {value[:3]!r} is not one of eventwire's sectors (docs/actors.md)"
    return None


def _country(value: str) -> tuple[str, str] | None:
    from .actors.codes import _is_country

    return None if _is_country(value) else (ERROR, f"unknown country code {value!r} (ISO 3166 alpha-3)")


def _number(value: str) -> tuple[str, str] | None:
    try:
        float(value)
    except ValueError:
        return ERROR, f"{value!r} is not a number"
    return None


def _plover(value: str) -> tuple[str, str] | None:
    return None if value == "-" or (value.isalpha() and value.isupper()) else (
        ERROR, f"{value!r} is not a PLOVER type (upper-case name) or '-'")


def _filled(value: str) -> tuple[str, str] | None:
    return None if value else (ERROR, "empty cell")


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of data file: its header, the checks of its columns and the columns that form a unique key."""

    name: str
    header: tuple[str, ...]
    checks: dict[str, Check]
    key: tuple[str, ...] = ()
    value: tuple[str, ...] = ()  # a key listed again must repeat these cells


KINDS: tuple[Kind, ...] = (
    Kind("role words", ("word", "sector"), {"word": _filled, "sector": _sector}, ("word",), ("sector",)),
    Kind("regions", ("name", "country"), {"name": _filled, "country": _country}, ("name",), ("country",)),
    Kind("places", ("name", "aliases", "country", "lat", "lon"),
         {"name": _filled, "country": _country, "lat": _number, "lon": _number}, ("name",)),
    Kind("CAMEO codes", ("cameo", "name", "plover", "quad_class", "goldstein"),
         {"cameo": _cameo, "name": _filled, "quad_class": _number, "goldstein": _number}, ("cameo",)),
    Kind("crosswalk", ("cameo", "plover"), {"cameo": _cameo, "plover": _plover}, ("cameo",)),
    Kind("threats", ("cameo", "threat"), {"cameo": _cameo, "threat": _cameo}, ("cameo",), ("threat",)),
    Kind("refusals", ("cameo", "refusal"), {"cameo": _cameo, "refusal": _cameo}, ("cameo",), ("refusal",)),
    Kind("refinements", ("root", "keyword", "cameo"), {"root": _cameo, "keyword": _filled, "cameo": _cameo},
         ("root", "keyword"), ("cameo",)),
    Kind("label-set crosswalk", ("label_set", "cameo", "label", "source", "target"),
         {"label_set": _filled, "cameo": _cameo_or_none, "label": _filled, "source": _filled, "target": _filled}),
    Kind("synonym sets", ("synset", "lemma"), {"synset": _filled, "lemma": _filled}),
    Kind("verb patterns", ("lemma", "pos", "prep", "object"),
         {"lemma": _filled, "pos": lambda v: None if v in ("VERB", "NOUN") else (ERROR, f"pos {v!r}: VERB or NOUN"),
          "cameo": _cameo_or_none}),
)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the non-comment, non-blank lines."""
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def _event_synonyms(rows: list[tuple[int, list[str]]]) -> list[Problem]:
    """canonical<TAB>variants: each variant in one class only."""
    problems, owner = [], {}
    for n, cells in rows:
        if len(cells) != 2 or not cells[0].strip():
            problems.append(Problem(n, "needs two columns: canonical word, comma-separated variants"))
            continue
        for variant in {v.strip() for v in cells[1].split(",") if v.strip()} | {cells[0].strip()}:
            if owner.setdefault(variant, cells[0]) != cells[0]:
                problems.append(Problem(n, f"{variant!r} is in the classes {owner[variant]!r} and {cells[0]!r}"))
    return problems


def _check_kind(kind: Kind, header: list[str], rows: list[tuple[int, list[str]]]) -> list[Problem]:
    problems: list[Problem] = []
    index = {name: i for i, name in enumerate(header)}
    seen: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}
    for n, cells in rows:
        row = {name: (cells[i].strip() if i < len(cells) else "") for name, i in index.items()}
        for column, check in kind.checks.items():
            if (finding := check(row.get(column, ""))) is not None:
                problems.append(Problem(n, f"{column}: {finding[1]}", finding[0]))
        if kind.key:
            key, value = tuple(row[c].lower() for c in kind.key), tuple(row[c] for c in kind.value)
            first = seen.setdefault(key, (n, value))
            if first[0] != n and first[1] != value:
                problems.append(Problem(n, f"{'/'.join(key)!r} is {'/'.join(value)} here and "
                                           f"{'/'.join(first[1])} on line {first[0]}"))
    return problems


def kind_of(name: str, text: str) -> Kind | str | None:
    """The kind of a data file: 'actors' (an actor dictionary), 'event synonyms', a :class:`Kind`, or None."""
    rows = _rows(text)
    header = tuple(c.strip() for c in rows[0][1]) if rows else ()
    if header[:2] == ("code", "alias"):
        return "actors"
    if name == "event_synonyms.tsv":
        return "event synonyms"
    return next((k for k in KINDS if header[:len(k.header)] == k.header), None)


def validate_data_text(name: str, text: str) -> list[Problem]:
    """Findings of one data file's text (``name`` is the file name; the header row decides the kind)."""
    kind = kind_of(name, text)
    if kind == "actors":
        return validate_text(text)
    rows = _rows(text)
    if kind == "event synonyms":
        return _event_synonyms(rows)
    if not isinstance(kind, Kind):
        return [Problem(1, "unknown kind of data file: an actor dictionary needs the header code, alias, "
                           "valid_from, valid_to, name, kind, source (tab-separated)")]
    header = [c.strip() for c in rows[0][1]]
    return _check_kind(kind, header, rows[1:])

