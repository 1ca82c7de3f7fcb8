"""Prepositional phrases of attack verbs the parse leaves ambiguous.

- Passive attacks without an agent whose origin names the attacker: "a mortar bomb was fired at Israel from the
  Gaza Strip", "rockets were launched from Lebanon". For a projectile verb (fire, launch, shoot, lob) in the
  passive, the actor named by its "from" phrase is the source; other passives without an agent have no source.
- Dates are not a pattern's preposition: "fired ... on Tuesday" is not "fire on" (a phrase whose object is a
  DATE or TIME entity is left out when patterns are matched).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions
    from ..model import Actor

PROJECTILE_VERBS = {"fire", "launch", "shoot", "lob"}


def launched_from(tok: "Token", mentions: "Mentions", actors_at: Callable[[Any, "Mentions"], list["Actor"]]
                  ) -> list["Actor"]:
    """The actors of the "from X" phrase of a passive projectile verb (empty when there is none)."""
    if tok.lemma_.lower() not in PROJECTILE_VERBS or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            found = actors_at(next((p for p in c.children if p.dep_ == "pobj"), None), mentions)
            if any(a.country for a in found):
                return found
    return []


def temporal(prep: "Token") -> bool:
    """A prepositional phrase that is a date or time ("on Tuesday", "in March 2020"), not an argument."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)
