"""Patients no dictionary knows, kept as actors of unknown country when asked (EventExtractor(unknown_targets=True),
the evaluation's setting for gold sets whose actors are text spans; events/unknown.py)."""

import datetime as dt

import pytest

from eventwire.coding import Coder
from eventwire.events.extractor import EventExtractor
from eventwire.model import Article


@pytest.fixture(scope="module")
def spans(nlp):
    coder = Coder(nlp, extractor=EventExtractor(unknown_targets=True))

    def run(text: str):
        return list(coder.code(Article(text=text, date=dt.date(2024, 11, 8), id="t")).events)
    return run


def test_object_no_dictionary_knows_is_the_target(spans) -> None:
    events = [e for e in spans("Kenyan police detained several suspects on Monday.") if e.cameo.startswith("17")]
    assert [e.target.text for e in events] == ["several suspects"]
    assert events[0].evidence["target_rule"].startswith("object (unknown actor)")


def test_off_by_default(code_text) -> None:
    events = [e for e in code_text("Kenyan police detained several suspects on Monday.") if e.cameo.startswith("17")]
    assert all(e.target is None or e.target.text != "several suspects" for e in events)


def test_quantity_takes_its_of_phrase(spans) -> None:
    events = [e for e in spans("The Nigerian army rescued 40 of the kidnapped schoolgirls on Friday.")
              if e.cameo.startswith("07")]
    assert events and "schoolgirls" in events[0].target.text


def test_pattern_object_word_is_not_the_patient(spans) -> None:
    events = [e for e in spans("Kenyan soldiers launched an attack on a remote farm.") if e.cameo.startswith("19")]
    assert events and events[0].target.text == "remote farm"


def test_patient_without_country_is_not_replaced_by_a_place(spans, code_text) -> None:
    text = "A Catholic priest who was accused of fraud in Nairobi was arrested by Kenyan police on Monday."
    events = [e for e in spans(text) if e.cameo.startswith("17")]
    assert events and "priest" in events[0].target.text
