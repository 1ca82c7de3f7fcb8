"""Place names of two countries: the article decides (data/actors/ambiguous_places.tsv).

"Tripoli" is Libya's capital and also a city in Lebanon; the actor dictionaries read it as Libya. When the article
names the other country ("..., the Lebanese army said") and not the dictionary's one anywhere else, the name is read as a
place in the other country: a country-level actor without the capital's GOV sector (it is not that country's
capital).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import DictionaryError
from .codes import split_code

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dictionary import Entry


@lru_cache(maxsize=1)
def ambiguous_places() -> dict[str, str]:
    """Lower-cased place name → the other country it may mean; validated, loaded once per process."""
    text = (resources.files("eventwire") / "data" / "actors" / "ambiguous_places.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    table: dict[str, str] = {}
    for lineno, row in enumerate(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        name, country = (row.get("name") or "").strip(), (row.get("country") or "").strip()
        if not name or len(country) != 3 or not country.isalpha() or not country.isupper():
            raise DictionaryError(f"eventwire/data/actors/ambiguous_places.tsv:{lineno}: needs a name and an ISO3 "
                                  "country")
        table[name.lower()] = country
    return table


def disambiguate(doc: Doc, spans: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """The dictionary spans, an ambiguous place name read as the other country's place when the article names
    that country and not the dictionary's one elsewhere."""
    table = ambiguous_places()
    ambiguous = {k for k, (s, e, entry) in enumerate(spans) if doc[s:e].text.lower() in table
                 and table[doc[s:e].text.lower()] != split_code(entry.code)[0]}
    if not ambiguous:
        return spans
    named = {split_code(entry.code)[0] for k, (_, _, entry) in enumerate(spans) if k not in ambiguous}
    out = list(spans)
    for k in ambiguous:
        s, e, entry = spans[k]
        other, own = table[doc[s:e].text.lower()], split_code(entry.code)[0]
        if other in named and own not in named:
            out[k] = (s, e, replace(entry, code=other, kind="country", name=f"{doc[s:e].text} ({other})",
                                    source=f"{entry.source}; read as {other}, the article's country"))
    return out
