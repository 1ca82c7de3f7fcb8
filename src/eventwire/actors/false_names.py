"""Phrases that contain an actor's name but do not denote that actor.

- An event named after its place: "the Tokyo Olympics", "the Helsinki summit". The place locates the event;
  the event is not the place's government, and nobody can be its host, target or partner. The head noun of such a
  phrase (``EVENT_NOUNS``) gets no actor, so neither does the place modifier through it.
- A common-noun phrase that happens to spell a group's name: "fighting for an Islamic state", "a new Islamic state" (a
  state governed by Islamic law) is not the Islamic State group. A proper name takes no indefinite article, so a
  dictionary match for an organisation whose phrase head carries "a"/"an" is not that organisation ("a Hamas
  commander" is untouched: the article belongs to "commander", which is not part of the name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Head nouns of named events (sport, culture, diplomacy): a place modifier only says where they happen.
EVENT_NOUNS = frozenset((
    "olympics", "olympiad", "paralympics", "games", "championship", "championships", "tournament", "marathon",
    "festival", "expo", "exhibition", "summit", "conference", "forum",
))
# Dictionary entry kinds that can name the place of an event: countries, their adjectives and capitals, and a
# capital read as its government ("Tokyo" → JPNGOV, a metonym).
PLACE_KINDS = frozenset(("country", "adjective", "capital", "metonym"))
INDEFINITE = frozenset(("a", "an"))
# Dictionary entry kinds that are names of one organisation or person (countries, adjectives and capitals are
# words of the language too: "an American soldier" is American).
NAMED_KINDS = frozenset(("igo", "armed-group", "actor", "metonym", "person"))


def names_an_event(head: Token) -> bool:
    """``head`` is the head noun of a named event ("Olympics" in "the Tokyo Olympics")."""
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ in EVENT_NOUNS


def common_noun_use(span: Span, kind: str) -> bool:
    """The dictionary match ``span`` (an entry of ``kind``) is a common-noun phrase with an indefinite article
    ("a new Islamic state"), not the organisation's name."""
    if kind not in NAMED_KINDS:
        return False
    root = span.root
    if root.i != span.end - 1:
        return False  # the name modifies a head outside it ("a Hamas commander"): the article is the head's
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in root.children)
