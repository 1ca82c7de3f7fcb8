"""Sub-national regions → the country they lie in ("Rakhine" → MMR, "Somaliland" → SOM, "Northern Territory" → AUS).

Data: ``eventwire/data/actors/regions.tsv`` (name, country, kind, source), built by ``scripts/build_regions.py``
from pycountry's ISO 3166-2 subdivisions (names unique to one country) plus hand-written breakaway and conflict
regions. Used where the places gazetteer has no answer: one-phrase lookups and role nouns named after a region
("Tigray forces", "Rakhine rebels").
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Lower-cased region name → ISO3 country; validated when loaded (known country code, no clashing names)."""
    from .codes import _is_country

    text = (resources.files("eventwire") / "data" / "actors" / "regions.tsv").read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if header is None or header[:2] != ["name", "country"]:
        raise DictionaryError("eventwire/data/actors/regions.tsv:1: the header must start with name, country")
    out: dict[str, str] = {}
    for lineno, row in enumerate(rows, 2):
        if len(row) < 2 or not row[0].strip():
            continue
        name, country = " ".join(row[0].lower().split()), row[1].strip()
        if not _is_country(country):
            raise DictionaryError(f"eventwire/data/actors/regions.tsv:{lineno}: unknown country code {country!r}")
        if out.get(name, country) != country:
            raise DictionaryError(f"eventwire/data/actors/regions.tsv:{lineno}: {row[0]!r} is in two countries")
        out[name] = country
    return out


def region_country(name: str) -> str | None:
    """ISO3 country of a sub-national region name, or None ("the Donbas" → UKR)."""
    name = " ".join(name.replace("\u2019", "'").split()).lower()
    if name.startswith("the "):
        name = name[4:]
    return regions().get(name)
