"""Article facts (WHEN / WHERE) and the story stage's year rule: two events of one kind, years apart."""

from __future__ import annotations

import pytest
from test_store_support import store, store_url  # noqa: F401

from eventwire.stories.facts import Facts, article_facts, fact_terms, marker
from eventwire.stories.linker import Document, EventLinker, Mention

pytestmark = pytest.mark.slow

QUAKE_2019 = ("Quake shakes Valdoria coast\n"
              "A strong earthquake struck the Valdoria coast near Port Emmet on Tuesday, March 5, 2019, officials said. "
              "The 2019 quake was the strongest since 1998. Engineers from Marlow University checked the bridges.")
QUAKE_2019_B = ("Port Emmet counts damage\n"
                "Residents of Port Emmet on the Valdoria coast cleaned up on Wednesday after the earthquake of March 2019. "
                "Marlow University engineers said the bridges held.")
QUAKE_2024 = ("Quake shakes Valdoria coast again\n"
              "A strong earthquake struck the Valdoria coast near Port Emmet on Friday, June 7, 2024, officials said. "
              "The 2024 quake was felt in Marlow. Engineers from Marlow University checked the bridges.")


def _doc(doc_id: str, text: str) -> Document:
    start = text.index("earthquake")
    m = Mention(id=doc_id + ":quake", doc_id=doc_id, start=start, end=start + len("earthquake"),
                trigger="earthquake", sentence_index=1)
    return Document(id=doc_id, text=text, mentions=(m,))


def test_main_year_is_the_most_named_date_year_later_on_ties(nlp):
    facts = article_facts(nlp(QUAKE_2019))
    assert facts.year == "2019"  # named twice; 1998 is background
    assert article_facts(nlp("The 1,998 residents left in 2007 and came back in 2011.")).year == "2011"
    assert article_facts(nlp("Police arrested 2010 protesters.")).year is None  # a count, not a year
    assert article_facts(nlp("Nothing happened here.")) == Facts()
    assert article_facts(nlp("Filed 03/14/2016 at noon. The storm of 1999 was worse.")).year == "2016"


def test_main_place_is_the_most_named_place_first_on_ties(nlp):
    facts = article_facts(nlp("Flooding hit Bavaria on Monday. Rescuers from Austria helped in Bavaria and Saxony."))
    assert facts.place == "bavaria"


def test_fact_terms_only_for_the_kinds_asked_and_present():
    facts = Facts(year="2013", place=None)
    assert fact_terms(facts, ("year", "place")) == {"year": "year:2013"}
    assert fact_terms(facts, ("place",)) == {}
    assert marker("year") == "has:year"


def test_same_kind_of_event_years_apart_starts_a_new_story(nlp):
    def stories(**kw):
        linker = EventLinker(nlp, **kw)
        for i, text in enumerate((QUAKE_2019, QUAKE_2019_B, QUAKE_2024)):
            linker.add(_doc(f"d{i}", text))
        return [linker.story_of(f"d{i}") for i in range(3)]

    same, same_b, _ = stories()  # the default rule never splits articles of one year
    assert same == same_b
    same, same_b, other = stories(fact_conflict=1.0)  # a year conflict outweighs any name overlap
    assert same == same_b != other
    merged = stories(facts=(), fact_conflict=0.0)  # without it the two quakes share names and places: one story
    assert len(set(merged)) == 1


def test_unknown_fact_kind_is_refused(nlp):
    with pytest.raises(ValueError, match="unknown fact kinds"):
        EventLinker(nlp, facts=("weekday",))


def test_state_keeps_the_fact_settings_and_an_old_state_links_without_them(nlp):
    linker = EventLinker(nlp)
    linker.add(_doc("d0", QUAKE_2019))
    state = linker.state()
    assert state["settings"]["facts"] == ["year"]
    assert EventLinker.from_state(nlp, state).facts == ("year",)
    old = dict(state, settings={k: v for k, v in state["settings"].items()
                                if k not in ("facts", "fact_weight", "fact_conflict")})
    assert EventLinker.from_state(nlp, old).facts == ()


def test_table_index_applies_the_year_rule_like_the_memory_index(store, nlp):
    from eventwire.store.linker_index import TableIndex

    docs = [_doc(f"d{i}", text) for i, text in enumerate((QUAKE_2019, QUAKE_2019_B, QUAKE_2024))]
    memory = EventLinker(nlp, fact_conflict=1.0)
    for d in docs:
        memory.add(d)
    index = TableIndex(store.engine)
    linker = EventLinker(nlp, index=index, fact_conflict=1.0)
    for d in docs:
        with index.reading() as writes:
            linker.add(d, nlp(d.text))
        with store.engine.begin() as conn:
            writes.apply(conn)
    with index.reading():
        in_tables = [linker.story_of(d.id) for d in docs]
    assert in_tables == [memory.story_of(d.id) for d in docs]
    assert in_tables[0] == in_tables[1] != in_tables[2]  # the marker and year terms live in the story tables
