"""The source of an agentless coercive or violent act: the country where it happened.

"Four soldiers were killed by an explosive device near the Somali town of Kismayo", "two journalists were arrested
in Bolivia": no actor is named as the doer, but the place is.
CAMEO/PLOVER human coders code such an act with the country where it took place as its source (an arrest is made by
that state's authorities; an unclaimed bombing by someone in that country); the PLOVER gold-standard records note
that "some primary codes were inferred from locations". The source is the country only (no sector), so it claims no
more than the place says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..actors.codes import is_state_country
from ..actors.resolver import Mentions
from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roots whose agentless acts take the place's country as their source: coerce (17, arrests, curfews),
# assault (18), fight (19), mass violence (20).
PLACE_SOURCE_ROOTS = {"17", "18", "19", "20"}
# Prepositions that name where an act happened ("in Bolivia", "near the town of X", "outside (of) X").
PLACE_PREPS = {"in", "near", "outside", "inside", "at", "around"}


def place_source(tok: Token, mentions: Mentions,
                 actors_at: Callable[[Token | None, Mentions], list[Actor]]) -> list[Actor]:
    """The country of the place phrase on a passive act without an actor as its agent ("were killed by a bomb in
    X"), as a country-only actor; [] when there is none or the place names several countries. Active clauses
    ("floods have killed six people in X": something not an actor did it) and participles modifying a noun
    ("fans detained in Lima were shown to reporters": background to the main event) are left alone."""
    if tok.pos_ != "VERB" or tok.dep_ in ("acl", "relcl", "amod") or not any(
            c.dep_ == "nsubjpass" for c in tok.children) or any(c.dep_ in ("nsubj", "csubj") for c in tok.children):
        return []
    holders = [tok, *(p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj")]
    found: list[Actor] = []
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in _place_objects(prep):
                found += [a for a in actors_at(pobj, mentions) if _country(a)]
    countries = {_country(a) for a in found}
    if len(countries) != 1:
        return []
    place = found[0]
    country = _country(place)
    return [Actor(country, place.text, country, None, place.name, place.start, place.end,
                  how="place of the act (no doer named)")]


def _place_objects(prep: Token) -> list[Token]:
    """The place names a place preposition governs, through "outside of X" and "the city of X"; a common noun
    ("killed in Ethiopian army shelling") is an event or a thing, not a place."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    objects += [p for c in prep.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]
    names = [o for o in objects if o.pos_ == "PROPN"]
    names += [p for o in objects if o.pos_ == "NOUN" for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    return names


def _country(actor: Actor) -> str | None:
    return actor.country if is_state_country(actor.country) else None
