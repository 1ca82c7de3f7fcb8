"""Every shipped data file passes `eventwire dict validate` with no errors, and phoenix.tsv is what
scripts/build_phoenix.py builds (its corrections applied: ISO 3166 country codes, no repeated or ambiguous rows)."""

import csv
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors.validation import errors, validate_file
from eventwire.datafiles import kind_of

ROOT = Path(__file__).resolve().parents[1]
DATA = resources.files("eventwire") / "data"
SHIPPED = sorted(str(p.relative_to(Path(str(DATA)))) for p in Path(str(DATA)).glob("*/*.tsv"))


def test_the_shipped_data_files_are_found():
    assert {"actors/phoenix.tsv", "actors/agents.tsv", "lexicon/verbs.tsv", "lexicon/threats.tsv",
            "lexicon/refusals.tsv", "places/overrides.tsv"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_data_file_validates_without_errors(name):
    path = Path(str(DATA)) / name
    assert kind_of(path.name, path.read_text(encoding="utf-8")) is not None, (
        f"{name}: kind not recognised; add its header and column checks to eventwire.datafiles.KINDS")
    problems = errors(validate_file(path))
    assert problems == [], "\n".join(f"{name}:{p.line}: {p.message}" for p in problems[:20])


def test_hand_written_actor_files_have_no_warnings_either():
    for name in ("countries.tsv", "organisations.tsv", "people.tsv", "regions.tsv", "sectors.tsv"):
        assert validate_file(Path(str(DATA)) / "actors" / name) == [], name


def _phoenix_codes() -> list[str]:
    text = (DATA / "actors" / "phoenix.tsv").read_text(encoding="utf-8")
    return [row[0] for row in csv.reader(text.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_phoenix_corrections_are_applied():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_phoenix import LEGACY_COUNTRIES, correct_code
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from eventwire.actors.importer import NON_ISO

    countries = {code[:3] for code in _phoenix_codes()}
    legacy = set(LEGACY_COUNTRIES) | set(NON_ISO) | {"KSV"}
    assert not countries & legacy, f"old Phoenix country codes left: {sorted(countries & legacy)}"
    # the mapping itself: Phoenix country codes, parent + territory, and the importer's own corrections
    assert correct_code("USRGOV") == "SUNGOV" and correct_code("GBRVGBGOV") == "VGBGOV"
    assert correct_code("USAPRI") == "PRI" and correct_code("TMPGOV") == "TLSGOV" and correct_code("USAGOV") == "USAGOV"
    assert correct_code("USAMUS") == "USAMUS"  # MUS is a sector (Muslim), though also Mauritius's ISO code
    assert correct_code("UNWFP") == "UN" and correct_code("UNASAHLH") == "UNHLH" and correct_code("EURREB") == "EURREB"
    assert correct_code("AUSGOV") == "AUSGOV" and correct_code("UNHLHWHO") == "UNHLHWHO"


def test_build_phoenix_corrections_drop_repeats_and_ties():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_phoenix import correct
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    rows = [["AAAGOV", "Someone", "", "", "x", "person", "s"],  # unknown country: dropped
            ["FRAGOV", "Jean Dupont", "2001-01-01", "2003-12-31", "x", "person", "s"],
            ["FRAGOV", "Jean Dupont", "2001-01-01", "2003-12-31", "x", "person", "s"],  # listed twice
            ["FRAGOVBUS", "Jean Dupont", "2001-01-01", "2002-06-30", "x", "person", "s"],  # never wins the tie
            ["FRAGOVEDU", "Jean Dupont", "2001-01-01", "2005-12-31", "x", "person", "s"]]  # starts after the tie
    out, dropped = correct(rows)
    assert [r[0] for r in out] == ["FRAGOV", "FRAGOVEDU"] and out[1][2] == "2004-01-01"
    assert dropped == {"unknown country AAA": 1, "listed twice": 1, "tie that never wins": 1}


def test_shipped_phoenix_files_are_what_the_build_script_makes(shared_eval):
    dicts = shared_eval / "petrarch2-gsr-afp" / "dictionaries"
    if not (dicts / "Phoenix.Countries.actors.txt").is_file():
        pytest.skip("the Phoenix source dictionaries are not in ../shared/eval")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_phoenix.py"), str(dicts), "--check"],
                          check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr + "\nrebuild them: python scripts/build_phoenix.py "
                                  "(role words in sectors.tsv also decide which Phoenix aliases are kept)")



def test_the_corrections_step_leaves_the_shipped_file_as_it_is():
    """`build_phoenix.py --correct-shipped` (for machines without the Phoenix source) is a no-op on what we ship."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_phoenix import actors_tsv, correct, read_shipped_rows
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    rows, dropped = correct(read_shipped_rows())
    assert not dropped and actors_tsv(rows) == (DATA / "actors" / "phoenix.tsv").read_text(encoding="utf-8")
