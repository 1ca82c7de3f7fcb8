"""Convert the MIT-licensed Phoenix (PETRARCH-2) actor and agent dictionaries into eventwire data files.

Run: python scripts/build_phoenix.py [DICTIONARY_DIR] [--check]
(default DICTIONARY_DIR: ../shared/eval/petrarch2-gsr-afp/dictionaries, the Phoenix.*.txt files). Writes
src/eventwire/data/actors/phoenix.tsv (dated actors) and src/eventwire/data/actors/agents.tsv (role words → sector).
``--check`` writes nothing: it exits 1 when the shipped files differ from what the script builds.

Without the Phoenix source files: ``python scripts/build_phoenix.py --correct-shipped`` applies the corrections
step (below) to the shipped phoenix.tsv in place (a no-op on a file this script built).

Steps: the importer (``eventwire.actors.importer``) reads the .txt files (dates, IGO codes, Kosovo KSV → XKX,
TMP → TLS, ANG → AGO); then :func:`correct` makes every row one that ``eventwire dict validate`` accepts:

1. codes: Phoenix's own country codes → ISO 3166 alpha-3 (current or ISO 3166-3 former, :data:`LEGACY_COUNTRIES`);
   a dependent territory or constituent part written parent + part (``GBRVGB``, ``USAPRI``, ``YUGHRV``) → the
   part's own ISO code (``VGB``, ``PRI``, ``HRV``); an organisation followed by a CAMEO sub-organisation code
   keeps the organisation and its sectors (``UNWFP`` → ``UN``); rows whose country part is still unknown are dropped
   (``KNT`` is TABARI's made-up test country Kinakuta; the script prints what it drops);
2. rows: an alias listed twice with the same code and dates is kept once; of two codes of one alias that the
   lookup cannot tell apart (both undated, or both dated from the same day) the first listed is the one the
   lookup has always returned, so a later one is dropped when it is never valid without the first (it could
   never win), or else starts the day after the first ends (from then on it was the lookup's answer).

Agent words (agents.tsv) are Phoenix's, less :data:`DROPPED_AGENTS` (a word whose Phoenix sector is wrong in
international news: "deputy" → COP).

The Phoenix dictionaries are Copyright (c) 2014-2016 Open Event Data Alliance, MIT License; see
src/eventwire/data/actors/NOTICE.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections import Counter
from pathlib import Path

from eventwire.actors.codes import CAMEO_REGIONS, ORGANISATIONS, SECTORS
from eventwire.actors.dictionary import ActorDictionary, sector_words
from eventwire.actors.importer import read_actor_file, read_agent_file
from eventwire.actors.validation import PHOENIX_PREFIXES, code_problem

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventwire/data/actors"
FILES = (("Phoenix.Countries.actors.txt", "actor"), ("Phoenix.International.actors.txt", "actor"),
         ("Phoenix.MilNonState.actors.txt", "armed-group"))
HEADER = ["code", "alias", "valid_from", "valid_to", "name", "kind", "source"]

# Phoenix/CAMEO country codes that are not ISO 3166 → the ISO 3166 alpha-3 code (ISO 3166-3 for former states),
# or the country a breakaway entity lies in under international law (as regions.tsv codes them).
LEGACY_COUNTRIES = {
    "USR": "SUN",  # Soviet Union (ISO 3166-3 SUN)
    "FRY": "YUG",  # Federal Republic of Yugoslavia (ISO 3166 YUG until 2003)
    "FRN": "FRA",  # France (FRNWLF, Wallis and Futuna)
    "SRP": "BIH",  # Republika Srpska, an entity of Bosnia and Herzegovina
    "KRJ": "HRV",  # Republic of Serbian Krajina, in Croatia
    "INT": "IMG",  # Phoenix's international armed groups (INTREB) = eventwire's international militant groups
}
Row = list[str]


def _iso_countries() -> frozenset[str]:
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries})


def correct_code(code: str) -> str:
    """A Phoenix code with its country part in ISO 3166 (see the module docstring, step 1)."""
    from eventwire.actors.importer import NON_ISO

    if code[:3] in LEGACY_COUNTRIES:
        code = LEGACY_COUNTRIES[code[:3]] + code[3:]
    iso = _iso_countries()
    if code[:3] in iso and _territory(code[3:6], iso) and not _territory(code[6:9], iso):  # parent + territory
        code = code[3:]  # → the territory; not ETHERIAUT (Eritrea, autonomous within Ethiopia: AUT is no country)
    code = NON_ISO.get(code[:3], code[:3]) + code[3:]
    return _organisation_sectors(code, iso)


def _territory(part: str, iso: frozenset[str]) -> bool:
    return part in iso and part not in SECTORS


def _organisation_sectors(code: str, iso: frozenset[str]) -> str:
    """An eventwire organisation followed by a CAMEO sub-organisation code keeps the organisation and its sectors
    (``UNWFP``, the World Food Programme → ``UN``; ``UNASAHLH`` → ``UNHLH``): ``split_code`` reads an organisation
    only when a sector or nothing follows it."""
    org = next((o for o in sorted(ORGANISATIONS, key=len, reverse=True) if code.startswith(o)), None)
    if org is None or org in PHOENIX_PREFIXES or code[:3] in iso or code[:3] in CAMEO_REGIONS:
        return code
    parts = [code[i:i + 3] for i in range(len(org), len(code), 3)]
    if not parts or parts[0] in SECTORS:
        return code
    return org + "".join(p for p in parts if p in SECTORS)


def _dates(row: Row) -> tuple[dt.date | None, dt.date | None]:
    return (dt.date.fromisoformat(row[2]) if row[2] else None, dt.date.fromisoformat(row[3]) if row[3] else None)


def _never_wins(row: Row, first: Row) -> bool:
    """True when ``first`` (listed earlier, another code, same start) is valid whenever ``row`` is."""
    (start, end), (fstart, fend) = _dates(row), _dates(first)
    if (start is None and end is None) != (fstart is None and fend is None) or start != fstart:
        return False
    return fend is None or (end is not None and end <= fend)


def _after_ties(row: Row, earlier: list[Row]) -> Row:
    """``row`` starting the day after an earlier tie (another code, same start, earlier end) ends, as the lookup
    read it."""
    for first in earlier:
        (start, end), (fstart, fend) = _dates(row), _dates(first)
        if first[0] != row[0] and start is not None and start == fstart and fend is not None and (
                end is None or end > fend):
            row = [*row[:2], (fend + dt.timedelta(days=1)).isoformat(), *row[3:]]
    return row


def correct(rows: list[Row]) -> tuple[list[Row], Counter[str]]:
    """Rows with corrected codes, without unknown countries, repeated rows and ties that never win; what was dropped."""
    dropped: Counter[str] = Counter()
    out: list[Row] = []
    kept: dict[str, list[Row]] = {}
    for row in rows:
        row = [correct_code(row[0]), *row[1:]]
        if code_problem(row[0]):
            dropped[f"unknown country {row[0][:3]}"] += 1
            continue
        same_alias = kept.setdefault(ActorDictionary.key(row[1]), [])
        if any(r[0] == row[0] and r[2:4] == row[2:4] for r in same_alias):
            dropped["listed twice"] += 1
            continue
        row = _after_ties(row, same_alias)
        if any(r[0] != row[0] and _never_wins(row, r) for r in same_alias):
            dropped["tie that never wins"] += 1
            continue
        same_alias.append(row)
        out.append(row)
    return out, dropped


def build_rows(src: Path) -> list[Row]:
    """The actor rows of the Phoenix files in ``src``, as the importer reads them (before :func:`correct`)."""
    rows = []
    role_words = set(sector_words())
    for fname, kind in FILES:
        for e in read_actor_file(src / fname, kind=kind, source="phoenix:" + fname.split(".")[1]):
            if e.valid_from and e.valid_to and e.valid_from > e.valid_to:
                continue
            if e.alias.lower() in role_words:
                continue  # a bare role noun ("Senate", "Army") names no country; the resolver gives it a sector
            rows.append([e.code, e.alias, e.valid_from.isoformat() if e.valid_from else "",
                         e.valid_to.isoformat() if e.valid_to else "", e.name, e.kind, e.source])
    return rows


def actors_tsv(rows: list[Row]) -> str:
    fh = io.StringIO()
    w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    w.writerow(HEADER)
    w.writerows(rows)
    return fh.getvalue()


# Agent words left out of agents.tsv, with the reason: Phoenix gives them a sector they do not have in
# international news. The longer phrases that contain them stay ("sheriff deputy" COP, "chamber of deputies" LEG).
DROPPED_AGENTS = {
    "deputy": "Phoenix's COP is the US sheriff's deputy; in world news 'deputy' is a rank whose sector is the role "
              "it modifies ('the deputy speaker', 'deputy chairperson') or, in many parliaments, a legislator",
}


def agents_tsv(src: Path) -> str:
    fh = io.StringIO()
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    w.writerow(["word", "sector", "source"])
    for word, code in sorted(read_agent_file(src / "Phoenix.agents.txt").items()):
        if word not in DROPPED_AGENTS:
            w.writerow([word, code, "phoenix:agents"])
    return fh.getvalue()


def read_shipped_rows() -> list[Row]:
    text = (OUT / "phoenix.tsv").read_text(encoding="utf-8")
    return [r for r in csv.reader(text.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")]


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if "--correct-shipped" in argv:
        rows, dropped = correct(read_shipped_rows())
        (OUT / "phoenix.tsv").write_text(actors_tsv(rows), encoding="utf-8")
        print(f"corrected the shipped phoenix.tsv: {len(rows)} rows; dropped {dict(dropped)}")
        return 0
    src = Path(args[0]) if args else ROOT.parent / "shared/eval/petrarch2-gsr-afp/dictionaries"
    rows, dropped = correct(build_rows(src))
    files = {"phoenix.tsv": actors_tsv(rows), "agents.tsv": agents_tsv(src)}
    if "--check" in argv:
        stale = [name for name, text in files.items() if (OUT / name).read_text(encoding="utf-8") != text]
        print(f"differ from the build: {', '.join(stale)}" if stale else "shipped files are what the script builds")
        return 1 if stale else 0
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} actor rows and {files['agents.tsv'].count(chr(10)) - 1} agent words to {OUT}; "
          f"dropped {dict(dropped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
