"""Statements without an addressee (code_statements, as coder-rounds counts them): speakers the actor stage does
not know, trailing attributions, and which statements are political news (events/statements.py, relevance.py)."""

import datetime as dt

import pytest

from eventwire.coding import Coder
from eventwire.events.extractor import EventExtractor
from eventwire.model import Article


@pytest.fixture(scope="module")
def statements(nlp):
    coder = Coder(nlp, extractor=EventExtractor(code_statements=True))

    def run(text: str):
        events = coder.code(Article(text=text, date=dt.date(2024, 11, 8), id="t")).events
        return [e for e in events if e.cameo.startswith("01")]
    return run


def test_unknown_speaker_of_political_news(statements) -> None:
    events = statements("Three soldiers and a dozen insurgents were killed in clashes, sources said on Monday.")
    assert [e.source.text for e in events] == ["sources"]
    assert events[0].source.code is not None and events[0].cameo == "010"


def test_unknown_speaker_is_off_by_default(code_text) -> None:
    events = code_text("Three soldiers and a dozen insurgents were killed in clashes, sources said on Monday.")
    assert not [e for e in events if e.cameo.startswith("01")]


def test_pronoun_is_no_unknown_speaker(statements) -> None:
    assert not statements("The rebels are close to the city, he said.")


def test_trailing_attribution_without_subject_in_the_parse(statements) -> None:
    # the small parser attaches this final "said" to "left" (conj) with no subject
    events = statements("Water shortages that have for over three weeks hit many villages in Idlib, the largest town in "
                        "northwestern Syria, could soon cause a serious health crisis, the Free Syrian Army, or FSA, "
                        "said on Monday.")
    assert [e.source.text for e in events] == ["Free Syrian Army"]


def test_police_statement_on_crime_news_is_not_political(statements) -> None:
    assert not statements("A driver arrested for drunk driving was found asleep at the wheel, police said.")
    assert not statements("Three cyclists were injured when a bus left the road, authorities said.")


def test_officials_statement_on_an_attack_is_kept(statements) -> None:
    events = statements("A suicide bomber killed five people in an attack on an army convoy, officials said.")
    assert [e.source.text for e in events] == ["officials"]


def test_named_state_speaker_is_political(statements) -> None:
    events = statements("Japan said on Monday that the typhoon season had ended early.")
    assert events and events[0].source.code == "JPN"


def test_news_agency_quoting_an_official_is_a_statement(statements) -> None:
    events = statements("Yonhap quoted a source in the defence ministry as saying that the missiles had landed "
                        "outside South Korean waters.")
    assert [(e.source.text, e.cameo) for e in events] == [("Yonhap", "010")]


def test_admitting_is_a_statement(statements) -> None:
    events = statements("Norway has admitted that its navy sank a Russian trawler in 1999.")
    assert [(e.source.code, e.cameo) for e in events] == [("NOR", "015")]


def test_saying_after_another_act_is_its_manner(statements) -> None:
    events = statements("The Kenyan opposition leader ridiculed the government's budget, saying it would ruin farmers.")
    assert not [e for e in events if e.trigger == "saying"]


def test_addressee_of_a_message(statements) -> None:
    events = statements("Iran said in a letter to the United Nations that the inspectors were welcome.")
    assert [(e.source.code, e.cameo, e.target.code) for e in events] == [("IRN", "010", "UN")]


def test_addressee_of_a_message_is_found_without_statement_coding(code_text) -> None:
    events = code_text("Iran said in a letter to the United Nations that the inspectors were welcome.")
    assert [(e.source.code, e.cameo, e.target.code) for e in events if e.cameo.startswith("01")] == [
        ("IRN", "010", "UN")]


def test_coordinated_speakers_are_not_each_others_addressees(statements) -> None:
    events = statements("France and Germany said on Monday that the talks had failed.")
    assert sorted(e.source.code for e in events) == ["DEU", "FRA"]
    assert all(e.target is None or e.target.code not in ("DEU", "FRA") or e.target.code == e.source.code
               for e in events)


def test_speaking_at_a_news_conference_is_a_statement(statements) -> None:
    events = statements("Egypt's foreign minister speaks during a news briefing in Cairo on Tuesday.")
    assert [(e.source.code, e.cameo) for e in events] == [("EGYGOV", "010")]


def test_speaking_at_a_news_conference_needs_statement_coding(code_text) -> None:
    events = code_text("Egypt's foreign minister speaks during a news briefing in Cairo on Tuesday.")
    assert not [e for e in events if e.cameo.startswith("01")]


def test_specific_statement_is_about_its_complement_subject(code_text) -> None:
    events = code_text("Trump expressed surprise that The New York Times printed a friendly article.")
    assert [(e.cameo, e.target.code) for e in events if e.cameo.startswith("01")] == [("012", "USAMED")]


def test_specific_statement_with_a_pronoun_topic_keeps_its_default(code_text) -> None:
    events = code_text("Japan expressed hope that it would win the bid.")
    assert [(e.cameo, e.target.code) for e in events if e.cameo.startswith("01")] == [("013", "JPN")]


@pytest.mark.parametrize("text, code", [
    ("The State Department said on Monday it is skeptical about Iran's motives.", "012"),
    ("France said it was confident that the talks would succeed.", "013"),
    ("Germany and Italy said they hoped the proposal could prevent a trade war with China.", "013"),
])
def test_said_with_the_speakers_own_attitude_is_a_specific_statement(code_text, text, code) -> None:
    assert {e.cameo for e in code_text(text) if e.cameo.startswith("01")} == {code}


def test_said_with_someone_elses_attitude_stays_a_bare_statement(statements) -> None:
    events = statements("France said Iran was confident that the talks would succeed.")
    assert {e.cameo for e in events} <= {"010", "100"}
