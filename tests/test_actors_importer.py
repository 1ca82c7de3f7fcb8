"""PETRARCH actor-file importer: date restrictions written with spaces, several names per entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.importer import parse_code, read_actor_file

DATA = Path(__file__).parent / "data" / "petrarch"


def test_restrictions_with_spaces_inside_the_brackets() -> None:
    assert parse_code("HOBGOV 19950601 - 19990815") == ("HOBGOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15))
    assert parse_code("HOB < 950601") == ("HOB", None, dt.date(1995, 6, 1))
    assert parse_code("HOBREB > 990816") == ("HOBREB", dt.date(1999, 8, 16), None)


def test_dated_codes_of_an_entry_are_its_own_not_the_previous_entrys() -> None:
    d = ActorDictionary(read_actor_file(DATA / "tiny.actors.txt"))
    assert d.lookup("Foss", dt.date(1985, 5, 1)).code == "ZRB"
    assert d.lookup("The old mayor", dt.date(1995, 5, 1)).code == "ZRBGOV"
    assert d.lookup("Quimby Foss", dt.date(2005, 5, 1)).code == "ZRBOPP"
    assert d.lookup("Zorblandia").code == "ZRB"
    assert d.lookup("Marlo Venn").code == "VNN"


def test_discard_file_sentence_and_story_phrases() -> None:
    from eventwire.actors.importer import read_discard_file

    d = read_discard_file(DATA / "tiny.discards.txt")
    assert d.sentence == ("CRICKET MATCH", "WEEKS LATER") and d.story == ("HAILSTORM",)
    assert d.match("Zorbland hosted a Cricket  match against Quellia.") == "Cricket  match"
    assert d.match("A hailstorm hit the capital.") == "hailstorm"
    assert d.match("Zorbland met Quellia weeks before.") is None
    assert d.match("The hailstorms were predicted.") is None  # whole words only


def test_agent_file_irregular_plurals_in_braces() -> None:
    from eventwire.actors.importer import read_agent_file

    agents = read_agent_file(DATA / "tiny.agents.txt")
    assert agents["sheep goose"] == agents["sheep geese"] == "SGS"
    assert agents["tollman"] == agents["tollmen"] == "TOL"
    assert agents["grand river council"] == "GRC"


def test_compound_codes_keep_their_members() -> None:
    """TABARI's ``[A/B/C]``: one phrase naming several actors; kept (members converted), not dropped."""
    from eventwire.actors.importer import convert_code

    entries = read_actor_file("x.actors.txt", text="THE_TWIN_CITIES [ZRB/QLL]\nQUELLIA [QLL]\n")
    assert {e.alias: e.code for e in entries}["The Twin Cities"] == "ZRB/QLL"
    assert convert_code("IGOAFR/ZRB") == "AU/ZRB"
    assert convert_code("ZRB/12") is None  # a malformed member drops the code


def test_compound_code_has_no_sector() -> None:
    """Kept whole: no country/sector split would make 'ZRB' + '/QL' of it (a junk code on a coordinated actor)."""
    from eventwire.actors.codes import split_code

    assert split_code("ZRB/QLL") == ("ZRB/QLL", None)
    assert split_code("USAGOV") == ("USA", "GOV")


def test_phoenix_non_iso_country_codes_become_iso():
    from eventwire.actors.importer import convert_code

    assert convert_code("TMPGOV") == "TLSGOV" and convert_code("ANGREB") == "AGOREB"  # East Timor, Angola
