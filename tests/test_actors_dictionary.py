"""Actor dictionaries: file format, layering, PETRARCH importer, shipped data checks."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.dictionary import (
    ActorDictionary,
    default_dictionary,
    load_dictionary,
    read_entries,
)
from eventwire.actors.importer import parse_code, read_actor_file, read_agent_file
from eventwire.errors import DictionaryError

PETR = """# a comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSGOV 000507-080507]
\t[RUSELI]
NATO_
+NORTH_ATLANTIC_TREATY_ORGANIZATION_
\t[IGOWSTNAT]
AFGHANISTAN_  [AFG]
+AFGHAN_
U.S._ [USA]
"""


def test_petrarch_actor_file_is_imported_with_dates_and_codes(tmp_path):
    f = tmp_path / "mini.actors.txt"
    f.write_text(PETR, encoding="utf-8")
    d = ActorDictionary(read_actor_file(f))
    assert d.lookup("President Putin", dt.date(2004, 1, 1)).code == "RUSGOV"
    assert d.lookup("Putin", dt.date(2010, 1, 1)).code == "RUSELI"
    assert d.lookup("North Atlantic Treaty Organization").code == "NATO"
    assert d.lookup("Afghan").kind == "country"
    assert d.lookup("U.S.").alias == "U.S."  # acronyms stay upper case


def test_petrarch_dates_and_restrictions():
    assert parse_code("RUSGOV 000507-080507") == ("RUSGOV", dt.date(2000, 5, 7), dt.date(2008, 5, 7))
    assert parse_code("USAGOV >19970101") == ("USAGOV", dt.date(1997, 1, 1), None)
    assert parse_code("USAGOV <650101") == ("USAGOV", None, dt.date(1965, 1, 1))
    with pytest.raises(ValueError):
        parse_code("USAGOV 2004017-20061201")


def test_agent_file_with_macros(tmp_path):
    f = tmp_path / "agents.txt"
    f.write_text("!PERSON! = MAN, WOMAN\nFARMER [~AGR]\nCATTLE!PERSON! [~AGR]\nARMS_INDUSTRY [~BUSMIL]\n")
    agents = read_agent_file(f)
    assert agents == {"farmer": "AGR", "cattleman": "AGR", "cattlewoman": "AGR", "arms industry": "BUSMIL"}


def test_user_tsv_on_top_of_shipped(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("code\talias\tvalid_from\tvalid_to\nUKRGOV\tDonald Trump\t2030-01-01\t\nFRAMIL\tZorglub Corps\t\t\n")
    d = load_dictionary([f])
    assert d.lookup("Zorglub Corps").code == "FRAMIL"
    assert d.lookup("Donald Trump", dt.date(2030, 6, 1)).code == "UKRGOV"  # user layer wins
    assert d.lookup("Donald Trump", dt.date(2019, 6, 1)).code == "USAGOV"
    only = load_dictionary([f], replace_shipped=True)
    assert only.lookup("Vladimir Putin", dt.date(2020, 1, 1)) is None


def test_missing_or_bad_user_dictionary_says_how_to_fix(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_dictionary([tmp_path / "nope.tsv"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("code\talias\tvalid_from\nUSAGOV\tX\t2020-13-01\n")
    with pytest.raises(DictionaryError, match=r"bad.tsv:2: bad date"):
        read_entries(bad)


def test_shipped_dictionary_codes_are_known():
    import pycountry

    from eventwire.actors.codes import ORGANISATIONS, SECTORS, split_code

    isos = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    hand = [e for e in default_dictionary().entries() if e.layer >= 1]
    assert len(hand) > 1000
    for e in hand:
        country, sector = split_code(e.code)
        assert country in isos or country in ORGANISATIONS, e
        assert sector is None or sector in SECTORS, e


def test_every_g20_country_has_dated_leaders():
    d = default_dictionary()
    people = {e.country for e in d.entries() if e.kind == "person" and e.layer >= 1 and e.valid_from}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
           "ZAF", "TUR", "GBR", "USA", "UKR", "ISR", "IRN"}
    assert g20 <= people


def test_env_var_selects_user_dictionary(tmp_path, monkeypatch):
    from eventwire.actors.dictionary import dictionary_from_env

    f = tmp_path / "mine.tsv"
    f.write_text("code\talias\nFRAMIL\tZorglub Corps\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_DICTIONARY", str(f))
    assert dictionary_from_env().lookup("Zorglub Corps").code == "FRAMIL"
    monkeypatch.setenv("EVENTWIRE_DICTIONARY_ONLY", "1")
    assert dictionary_from_env().lookup("NATO") is None
    monkeypatch.delenv("EVENTWIRE_DICTIONARY")
    assert dictionary_from_env() is default_dictionary()


def test_coder_takes_a_dictionary(tmp_path, nlp):
    from eventwire.coding import Coder

    f = tmp_path / "mine.tsv"
    f.write_text("code\talias\nFRAMIL\tZorglub Corps\n", encoding="utf-8")
    coder = Coder(nlp, dictionary=load_dictionary([f]))
    doc = nlp("The Zorglub Corps shelled the town.")
    actors = [a.code for a in coder.actors.resolve(doc, None).by_head.values()]
    assert "FRAMIL" in actors


def test_every_code_has_a_readable_name():
    from eventwire.actors.codes import describe

    assert describe("USAGOV") == "United States: government"
    assert describe("---MIL") == "unknown country: military"
    assert describe("NATO") == "North Atlantic Treaty Organization"
    assert describe("XKXGOV") == "Kosovo: government"
    assert describe(None) == "unknown actor"


def test_control_characters_in_an_alias_are_reported_and_not_imported(tmp_path):
    from eventwire.actors.importer import read_actor_file
    from eventwire.actors.validation import validate_text

    problems = validate_text("code\talias\nDZAGOV\tLiamine Z\x1aroual\n")
    assert len(problems) == 1 and "control character" in str(problems[0]) and problems[0].line == 2
    path = tmp_path / "old.actors"
    path.write_bytes(b"LIAMINE_Z\x1aROUAL_ [DZAGOV]\nABDELAZIZ_BOUTEFLIKA_ [DZAGOV]\n")
    assert [e.alias for e in read_actor_file(path)] == ["Abdelaziz Bouteflika"]
