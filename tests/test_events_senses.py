"""Senses that depend on the source (events/senses.py) and the lexicon rows that fix PETRARCH senses coders do not
share ("announced measures", "call for action", "appeared in court")."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding import Coder
from eventwire.events.extractor import EventExtractor
from eventwire.model import Article


@pytest.fixture(scope="module")
def span_coder(nlp):
    coder = Coder(nlp, extractor=EventExtractor(code_statements=True, unknown_targets=True))

    def run(text: str):
        return list(coder.code(Article(text=text, date=dt.date(2024, 11, 8), id="t")).events)
    return run


def _codes(events):
    return sorted((e.source.code if e.source else None, e.cameo) for e in events)


def test_state_boycott_is_an_embargo(code_text) -> None:
    assert ("USA", "163") in _codes(code_text("The United States boycotted Iranian oil."))


def test_group_boycott_is_a_protest(code_text) -> None:
    codes = _codes(code_text("Lawyers in Pakistan boycotted the courts on Monday."))
    assert codes and all(code.startswith("14") for _, code in codes)


def test_suicide_bomber_attack_is_a_suicide_bombing(code_text) -> None:
    events = code_text("A suicide bomber wounded ten soldiers in an attack in Kabul.")
    assert events and all(e.cameo.startswith("183") for e in events)


def test_ordinary_attack_keeps_its_code(code_text) -> None:
    events = code_text("Rebels wounded ten soldiers in an attack in Kabul.")
    assert events and not any(e.cameo.startswith("183") for e in events)


def test_announced_measures_are_a_statement(span_coder) -> None:
    events = span_coder("Chinese authorities on Thursday announced detailed measures to reform the value-added tax.")
    assert [(e.source.code, e.cameo) for e in events] == [("CHNGOV", "010")]


def test_call_for_action_against_x_is_a_demand_on_x(span_coder) -> None:
    events = span_coder("Human rights groups called for action against the police after the killings.")
    assert [(e.cameo, e.target.text) for e in events] == [("100", "police")]


def test_defendant_appearing_in_court_is_no_arrest_by_the_defendant(code_text) -> None:
    events = code_text("The former president appeared in court in Paris on Monday.")
    assert not [e for e in events if e.cameo.startswith("17")]


def test_journalist_talking_with_someone_is_an_interview(code_text) -> None:
    assert not code_text("CNN's Jake Tapper talks with the Iranian foreign minister about the nuclear talks.")
    assert not code_text("Iran's foreign minister spoke with the BBC about the nuclear talks.")


def test_leaders_talking_is_still_a_consultation(code_text) -> None:
    assert [e.cameo[:2] for e in code_text("Putin talked with Erdogan on Monday.")][:1] == ["04"]


def test_agreeing_that_something_is_so_is_an_opinion(code_text) -> None:
    assert not code_text("French experts agree that the European Union's rules leave the public in the dark.")


def test_agreeing_that_something_should_be_done_is_an_agreement(code_text) -> None:
    events = code_text("Chile and Spain agree that trade disputes should be settled by negotiation.")
    assert sorted(e.source.code for e in events if e.cameo.startswith("03")) == ["CHL", "ESP"]


def test_government_travelling_to_its_own_capital_is_no_visit(code_text) -> None:
    assert not [e for e in code_text("Cyril Ramaphosa arrived in Pretoria's largest football stadium on Sunday.")
                if e.cameo.startswith("04")]


def test_visit_abroad_is_a_visit(code_text) -> None:
    assert [e.cameo for e in code_text("Cyril Ramaphosa arrived in Moscow on Sunday.")][:1] == ["042"]


def test_permission_to_act_is_not_the_act(code_text) -> None:
    events = [e for e in code_text("The law allows the police to arrest anyone without a warrant.")
              if e.cameo.startswith("17")]
    assert events and all(e.modality == "hypothetical" for e in events)


def test_a_measure_targeting_someone_is_no_attack(code_text) -> None:
    events = code_text("The European Union imposed new sanctions targeting five Russian ministers.")
    assert [e.cameo for e in events] == ["163"]
    assert [e.cameo[:2] for e in code_text("Russian missiles targeted Ukrainian power stations.")] == ["19"]
