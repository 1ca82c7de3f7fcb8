"""Prepositional phrases of attack verbs the parse leaves ambiguous.

- Passive attacks without an agent whose origin names the attacker: "missiles were fired at Kharkiv from
  Belgorod", "rockets were launched from Lebanon". For a projectile verb (fire, launch, shoot, lob) in the
  passive, the actor named by its "from" phrase is the source; other passives without an agent have no source.
- Dates are not a pattern's preposition: "fired ... on Tuesday" is not "fire on" (a phrase whose object is a
  DATE or TIME entity is left out when patterns are matched).
- A reduced passive relative misparsed as the main verb ("The journalists detained in X were freed by Y",
  read as "journalists detained ..." and "were freed"): the first verb has no source, and its subject is the
  passive subject (target) of the conjunct.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions
    from ..model import Actor

PROJECTILE_VERBS = {"fire", "launch", "shoot", "lob"}


def launched_from(tok: Token, mentions: Mentions, actors_at: Callable[[Any, Mentions], list[Actor]]
                  ) -> list[Actor]:
    """The actors of the "from X" phrase of a passive projectile verb (empty when there is none)."""
    if tok.lemma_.lower() not in PROJECTILE_VERBS or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            found = actors_at(next((p for p in c.children if p.dep_ == "pobj"), None), mentions)
            if any(a.country for a in found):
                return found
    return []


def temporal(prep: Token) -> bool:
    """A prepositional phrase that is a date or time ("on Tuesday", "in March 2020"), not an argument."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _subjectless_passive_conj(tok: Token) -> Token | None:
    """tok's coordinated passive clause with no subject of its own ("... were released by Putin")."""
    for c in tok.children:
        if c.dep_ == "conj" and c.i > tok.i and any(k.dep_ == "auxpass" for k in c.children) \
                and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            return c
    return None


def reduced_relative(tok: Token) -> bool:
    """The misparse of a reduced passive relative as the main verb: "The journalists detained in Cairo were freed
    by Egypt" read as "journalists detained ..." + "and were freed". A past-tense verb
    with a subject but no object, followed by a subjectless passive conjunct, is the relative: its subject is
    its patient, not its agent."""
    if tok.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("dobj", "dative", "aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" for c in tok.children) and _subjectless_passive_conj(tok) is not None


def shared_passive_subject(tok: Token) -> Token | None:
    """For the passive conjunct of a misparsed reduced relative ("... were freed"), the noun it is said of."""
    head = tok.head
    if tok.dep_ != "conj" or head.i == tok.i or not reduced_relative(head):
        return None
    conj = _subjectless_passive_conj(head)
    if conj is None or conj.i != tok.i:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)
