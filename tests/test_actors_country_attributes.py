"""A country's language, or its border as the place of an event, is no actor (actors/country_attributes.py)."""

from __future__ import annotations

import pytest


def _codes(nlp, resolver, text: str) -> set[str]:
    doc = nlp(text)
    return {a.code for a in resolver.resolve(doc, None).by_head.values()}


@pytest.mark.parametrize("text, absent", [
    ("Estonia restricted the use of the Russian language in schools.", "RUS"),
    ("Rebels attacked a camp on the Thai border.", "THA"),
    ("Pirates seized a tanker off the Somali coast.", "SOM"),
])
def test_attribute_is_no_actor(nlp, resolver, text, absent):
    assert absent not in _codes(nlp, resolver, text)


@pytest.mark.parametrize("text, present", [
    ("Thai troops shelled the Cambodian border.", "KHM"),  # aimed at: the country on the other side
    ("Russian border guards detained two fishermen.", "RUSMIL"),  # "border" only modifies the head
])
def test_border_aimed_at_or_modifying_stays(nlp, resolver, text, present):
    assert present in _codes(nlp, resolver, text)
