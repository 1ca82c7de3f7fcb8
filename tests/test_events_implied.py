"""Participants an act implies (events/implied.py) and negative subjects (events/negative_subjects.py).

The implied doer is an extractor option (``implied_agents``), off by default: it is on only for gold sets that
label acts whose doer is unnamed. Self-written sentences only."""

import pytest

from eventwire.coding import Coder
from eventwire.events.extractor import EventExtractor
from eventwire.model import Article


@pytest.fixture(scope="module")
def implied_coder(nlp):
    return Coder(nlp, extractor=EventExtractor(unknown_targets=True, implied_agents=True))


def _events(coder, text):
    return [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coder.code(Article(text=text, date=None, id="t")).events if not e.negated]


@pytest.mark.parametrize("text", [
    "forty people were arrested in the town on friday.",
    "about thirty workers were taken into custody from the park.",
    "so far more than two hundred arrests have been made in the district.",
])
def test_an_agentless_arrest_is_made_by_police(implied_coder, text):
    assert [e[:2] for e in _events(implied_coder, text)] == [("---COP", "173")]


def test_the_place_gives_the_police_their_country(implied_coder):
    assert [e[:2] for e in _events(implied_coder, "Forty people were arrested in Lagos on Friday.")] == [("NGACOP", "173")]


@pytest.mark.parametrize("text", [
    "nobody was arrested as it was a peaceful march.",          # negative subject
    "preventive arrests can be made under the new law.",        # modal: not done
    "the arrested men were produced in court.",                 # a participle modifying a noun
    "six people were killed in the town.",                      # the doer of a killing is not implied
])
def test_no_doer_is_implied_where_the_act_is_not_reported_done_or_not_fixed(implied_coder, text):
    assert _events(implied_coder, text) == []


def test_an_unnamed_protest_is_by_unnamed_people(implied_coder):
    assert _events(implied_coder, "Rallies were held in several cities against the new law.") == [("---", "141", None)]


def test_the_option_is_off_by_default(code_text):
    assert [e for e in code_text("forty people were arrested in the town on friday.")] == []


@pytest.mark.parametrize("text, expected", [
    ("twelve firearms were seized over the weekend.", [("---COP", "1711")]),
    ("a roadside bomb exploded near the convoy on the highway.", [("---", "183")]),
    ("mortar shells were fired at the base overnight.", [("---", "194")]),
])
def test_seized_weapons_and_bombs_that_went_off_imply_their_doers(implied_coder, text, expected):
    assert [e[:2] for e in _events(implied_coder, text)] == expected
