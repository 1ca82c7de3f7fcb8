"""Plural descriptions referring back to two earlier actors: "the two leaders", "both countries", "both sides"
(issue #3). ``Mentions.group(token)`` gives the two actors; ``Mentions.get(token)`` keeps its one-actor reading."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date(2024, 11, 8)


def groups(resolver, nlp, text):
    doc = nlp(text)
    m = resolver.resolve(doc, D)
    return doc, m, {doc[i].text: [a.code for a in g] for i, g in m.groups.items()}


def test_the_two_leaders_are_the_two_people_last_named(resolver, nlp):
    doc, m, got = groups(resolver, nlp, "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Friday. "
                                        "The two leaders discussed Syria.")
    assert got == {"leaders": ["RUSGOV", "TURGOV"]}
    leaders = next(t for t in doc if t.text == "leaders")
    group = m.group(leaders)
    assert [a.name for a in group] == ["Vladimir Putin", "Recep Tayyip Erdogan"]
    assert all(a.text == "The two leaders" and a.how == "plural-description" for a in group)
    assert m.get(leaders) is not None  # the one-actor reading stays for existing callers


def test_both_countries_and_both_sides(resolver, nlp):
    _, _, got = groups(resolver, nlp, "Armenia and Azerbaijan traded blame on Monday. Both countries said talks "
                                      "had failed, and both sides accused each other of shelling.")
    assert got == {"countries": ["ARM", "AZE"], "sides": ["ARM", "AZE"]}


def test_sides_can_be_a_country_and_an_armed_group(resolver, nlp):
    _, _, got = groups(resolver, nlp, "Israel and Hamas agreed to a truce, and the two sides exchanged hostages.")
    assert got == {"sides": ["ISR", "PSEREB"]}


def test_the_most_recent_distinct_people_win(resolver, nlp):
    _, _, got = groups(resolver, nlp, "Joe Biden called Olaf Scholz. Later Emmanuel Macron met Keir Starmer, and "
                                      "Macron thanked Starmer. The two leaders agreed on aid.")
    assert got == {"leaders": ["FRAGOV", "GBRGOV"]}


@pytest.mark.parametrize("text", [
    "Vladimir Putin spoke to reporters. The two men then left.",  # one person only
    "The two leaders met on Friday.",  # nobody before
    "Putin met Erdogan. Two leaders of the opposition were arrested.",  # indefinite: not a reference back
])
def test_no_group_without_two_earlier_actors(resolver, nlp, text):
    _, _, got = groups(resolver, nlp, text)
    assert got == {}


def test_places_are_not_sides(resolver, nlp):
    _, _, got = groups(resolver, nlp, "Erdogan spoke in Sochi. Both sides were pleased.")
    assert got == {}
