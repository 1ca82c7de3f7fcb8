"""A country's language or a place on its border is not the country: "the Russian language", "on the Thai border".

A country adjective or name makes its noun phrase an actor of that country ("Russian troops" → RUSMIL, "the
Russian government" → RUSGOV). When the phrase's head noun names something the country has that is neither people
nor an institution, the phrase names that thing, and the country is not an actor through it:

- a language or a currency never acts and is never acted on ("restrictions on the Russian language");
- a border or coast said to be where something happened ("a stronghold on the Thai border", "off the Somali
  coast") only locates the event (places.py reads it as a place). Aimed across or at ("fired across the Lebanese
  border", "shelled the Cambodian border"), it still stands for the country on the other side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Things of a country that never act (lower-case, singular and plural).
THING_NOUNS = frozenset(("language", "languages", "dialect", "dialects", "tongue", "currency", "currencies"))
# Edges of a country: a place when a locative preposition governs them.
EDGE_NOUNS = frozenset((
    "border", "borders", "frontier", "frontiers", "borderland", "borderlands", "boundary", "boundaries",
    "coast", "coasts", "coastline", "shore", "shores",
))
LOCATIVE_PREPS = frozenset(("on", "along", "near", "at", "by", "off", "beside", "alongside", "astride"))


def names_an_attribute(head: Token) -> bool:
    """``head`` is the head noun of a country's thing ("language" in "the Russian language") or of its edge as the
    place of an event ("border" in "on the Thai border")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    word = head.lower_
    if word in THING_NOUNS:
        return True
    return word in EDGE_NOUNS and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
