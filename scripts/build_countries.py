"""Build src/eventwire/data/actors/countries.tsv from pycountry plus scripts/country_extras.tsv.

Run: python scripts/build_countries.py. pycountry (LGPL-2.1 data from Debian's iso-codes, used here only
to generate a data file) gives every ISO 3166 country name; the extras file adds short forms,
adjectives/demonyms, capitals and seats of power (hand-written for eventwire).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventwire/data/actors/countries.tsv"
EXTRAS = ROOT / "scripts/country_extras.tsv"
HEADER = ["code", "alias", "valid_from", "valid_to", "name", "kind", "source"]


def main() -> None:
    rows: dict[tuple[str, str], list[str]] = {}
    names: dict[str, str] = {}

    def add(code: str, alias: str, name: str, kind: str, source: str) -> None:
        alias = alias.strip()
        if alias and (code, alias.lower()) not in rows:
            rows[(code, alias.lower())] = [code, alias, "", "", name, kind, source]

    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        names[c.alpha_3] = name
        for alias in {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")}:
            if alias:
                add(c.alpha_3, alias, name, "country", "pycountry")
    for line in EXTRAS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, shorts, adjectives, capitals, metonyms = (line.split("\t") + [""] * 5)[:5]
        name = names.get(iso3, shorts.split(";")[0])
        for a in shorts.split(";"):
            add(iso3, a, name, "country", "eventwire")
        for a in adjectives.split(";"):
            add(iso3, a, name, "adjective", "eventwire")
        for a in capitals.split(";"):
            if a not in metonyms.split(";"):
                add(iso3, a, name, "capital", "eventwire")
        for a in metonyms.split(";"):
            add(iso3 + "GOV", a, f"{name} government", "metonym", "eventwire")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(sorted(rows.values(), key=lambda r: (r[0], r[1])))
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
