"""The actor code scheme: country (ISO 3166 alpha-3) or organisation code + sector codes.

"USAGOV" = United States government; "RUSMIL" = Russian military; "NATO" = NATO.
"""

from __future__ import annotations

from functools import lru_cache

SECTORS: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "REB": "rebels / armed group",
    "OPP": "political opposition",
    "BUS": "business",
    "MED": "media",
    "EDU": "education",
    "CVL": "civilians",
    "ELI": "elites",
    "SPY": "intelligence",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "PTY": "political party",
    "HLH": "health",
    "REL": "religious",
    "LAB": "labour",
    "REF": "refugees",
    "CRM": "criminals",
    "AGR": "agriculture",
    "ENV": "environment",
    "UAF": "unaffiliated armed forces",
    "INS": "insurgents",
    # further CAMEO/Phoenix agent codes (Phoenix.agents.txt, PETR.Internal.Coding.Ontology.txt)
    "DEV": "development",
    "HRI": "human rights",
    "MNC": "multinational corporation",
    "SOC": "civil society / social",
    "PPL": "people",
    "RAD": "radicals",
    "MOD": "moderates",
    "MUS": "Muslim",
    "CHR": "Christian",
    "JEW": "Jewish",
    "BUD": "Buddhist",
    "HIN": "Hindu",
    "SPC": "state intelligence / special forces",
    "UNK": "unknown",
    "PRE": "pre-state / de facto state",
    "PRM": "paramilitary",
    "SET": "settlers",
}

ORGANISATIONS: dict[str, str] = {
    "NATO": "North Atlantic Treaty Organization",
    "UN": "United Nations",
    "EU": "European Union",
    "AU": "African Union",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "IAEA": "International Atomic Energy Agency",
    "IMF": "International Monetary Fund",
    "IMG": "international militant group",
    "IGO": "other intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "MNC": "multinational corporation",
}

# CAMEO's region codes (CAMEO manual, actor codes), used by Phoenix where an actor belongs to a region, not a country
CAMEO_REGIONS: dict[str, str] = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CRB": "Caribbean", "CAU": "Caucasus",
    "CFR": "Central Africa", "CAS": "Central Asia", "CEU": "Central Europe", "EIN": "East Indies",
    "EAF": "Eastern Africa", "EEU": "Eastern Europe", "EUR": "Europe", "LAM": "Latin America",
    "MEA": "Middle East", "MDT": "Mediterranean", "NAF": "North Africa", "NMR": "North America",
    "PGS": "Persian Gulf", "SCN": "Scandinavia", "SAM": "South America", "SAS": "South Asia",
    "SEA": "Southeast Asia", "SAF": "Southern Africa", "WAF": "West Africa", "WEU": "Western Europe",
    "WST": "the West",
}


def is_state_country(country: str | None) -> bool:
    """A country part that names a state (ISO3 or CAMEO region), not an organisation or an unknown ("---")."""
    return bool(country) and len(country or "") == 3 and country not in ORGANISATIONS and country != "---"


@lru_cache(maxsize=65536)
def split_code(code: str) -> tuple[str, str | None]:
    """'USAGOV' → ('USA', 'GOV'); 'NATO' → ('NATO', None); 'RUSGOVMIL' → ('RUS', 'GOV').

    'IGOLAMOAS' (an organisation eventwire has no code for) → ('IGO', None): region/organisation
    parts after IGO/NGO/MNC are skipped until a sector code. A compound code of an imported TABARI dictionary
    ('FRO/BIL/SAM', one event per member) is kept whole, without a sector.
    """
    if "/" in code:
        return code, None
    for prefix in ("IGO", "NGO", "MNC"):
        if code.startswith(prefix):
            rest = code[3:]
            if prefix in ("NGO", "MNC") and len(rest) >= 3 and _is_country(rest[:3]):
                # Phoenix: MNCUSA = a US multinational (business), NGOGBR = a British NGO
                return rest[:3], ("BUS" if prefix == "MNC" else "NGO")
            for i in range(0, len(rest) - 2, 3):
                if rest[i:i + 3] in SECTORS and rest[i:i + 3] not in ("IGO", "NGO", "MNC"):
                    return prefix, rest[i:i + 3]
            return prefix, None
    for org in sorted(ORGANISATIONS, key=len, reverse=True):
        if code.startswith(org) and (len(code) == len(org) or code[len(org):len(org) + 3] in SECTORS):
            rest = code[len(org):]
            return org, rest[:3] or None
    if code[:3] in SECTORS and not _is_country(code[:3]):
        return "---", code[:3]  # a bare sector code (Phoenix "MED" for international media): no country
    return code[:3], code[3:6] or None


def describe(code: str | None) -> str:
    """Readable name of a code: 'USAGOV' → 'United States: government'."""
    if not code:
        return "unknown actor"
    import pycountry

    country, sector = split_code(code)
    if country == "---":
        base = "unknown country"
    elif country == "XKX":
        base = "Kosovo"
    elif country in ORGANISATIONS:
        base = ORGANISATIONS[country]
    elif country in CAMEO_REGIONS:
        base = CAMEO_REGIONS[country]
    else:
        rec = pycountry.countries.get(alpha_3=country) or pycountry.historic_countries.get(alpha_3=country)
        base = (getattr(rec, "common_name", None) or rec.name) if rec else country
    return f"{base}: {SECTORS.get(sector, sector)}" if sector else base


def _is_country(code: str) -> bool:
    import pycountry

    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None
