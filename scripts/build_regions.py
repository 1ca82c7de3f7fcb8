"""Build src/eventwire/data/actors/regions.tsv: sub-national region names → the country they lie in.

Run: python scripts/build_regions.py. Sources: pycountry's ISO 3166-2 subdivisions (names that are unique to one
country, not a country/capital alias of the actor dictionaries, and not a generic word such as "Central" or
"Plateau") and the hand-written scripts/region_extras.tsv (breakaway and conflict regions, common alternative
names), which wins.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ROOT / "scripts/region_extras.tsv"
OUT = ROOT / "src/eventwire/data/actors/regions.tsv"
HEADER = ["name", "country", "kind", "source"]
# Words that make a one-word subdivision name too generic to read as a place in news text.
GENERIC = {
    "capital", "central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "upper", "lower", "middle", "coast", "coastal", "islands", "island", "lakes", "lake", "rivers", "river",
    "delta", "plateau", "plateaux", "mountain", "mountains", "valley", "savanes", "lagoons", "unity", "sea", "grand",
    "city", "district", "province", "region", "state", "border", "highlands", "lowlands", "interior", "littoral",
    "national", "federal", "victoria", "union", "liberty", "independence", "progress", "peace", "hope", "saint",
    "north-west", "south-west", "north-east", "south-east", "northwest", "southwest", "northeast", "southeast",
    "far north", "adamawa", "oriental", "occidental", "est", "ouest", "nord", "sud", "centre-est", "centre-ouest",
}


def ascii_fold(name: str) -> str:
    """'Badakhshān' → 'Badakhshan' (news text mostly drops the diacritics)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def dictionary_aliases() -> set[str]:
    """Lower-cased country, adjective and capital aliases of the shipped actor dictionaries (they win)."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.actors.dictionary import default_dictionary

    return {e.alias.lower() for e in default_dictionary().entries() if e.kind in ("country", "adjective", "capital")}


def main() -> None:
    import pycountry

    taken = dictionary_aliases()
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        base = sub.name.split(" (")[0]
        for name in {sub.name, base, ascii_fold(base)}:
            name = " ".join(name.split())
            names[name].add(country.alpha_3)
            kinds[name] = sub.type.lower()
    rows = {}
    for name, countries in names.items():
        low = name.lower()
        if len(countries) != 1 or len(name) < 5 or low in taken or low in GENERIC:
            continue
        if any(c.isdigit() for c in name) or not name[:1].isupper():
            continue
        rows[low] = [name, next(iter(countries)), kinds[name], "pycountry:iso3166-2"]
    with EXTRAS.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "name" or row[1] == "---":
                continue
            rows[row[0].lower()] = row[:4]
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(HEADER)
        w.writerows(sorted(rows.values(), key=lambda r: (r[1], r[0])))
    print(f"wrote {len(rows)} regions to {OUT}")


if __name__ == "__main__":
    main()
