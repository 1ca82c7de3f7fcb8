"""A modifier's actor gives way to its phrase's: "an attack by Russian soldiers" is by RUSMIL, not RUS.

The actor stage lets a country modifier answer for itself ("Ukraine's call" → Ukraine), so a search for the nearest
actor in a clause can land on the modifier ("Russian") before the phrase's head ("soldiers"). When the head has an
actor of the same country, the head's actor is the fuller description of the same party and is the one to code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions
    from ..model import Actor

MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


def phrase_actor(tok: Token, actor: Actor, mentions: Mentions) -> tuple[Token, Actor]:
    """(token, actor) of the phrase head when ``tok`` only modifies a head with an actor of the same country,
    else ``tok`` and ``actor`` unchanged."""
    if tok.dep_ not in MODIFIER_DEPS or tok.head.i == tok.i:
        return tok, actor
    head_actor = mentions.by_head.get(tok.head.i)
    if head_actor is None or not actor.country or head_actor.country != actor.country:
        return tok, actor
    return tok.head, head_actor


def coordinated_members(modifier: Token, modifiers: list[Token]) -> list[Token]:
    """The members of a coordination of modifiers that ``modifier`` starts, itself included: it and its conjuncts,
    or, when the parse left its "and" dangling ("UK and EU negotiators": "UK" ← cc "and", "EU" a sibling compound),
    it and the modifiers of the same head after it; [] when it starts none."""
    if modifier.conjuncts:
        return [modifier, *modifier.conjuncts]
    if not any(c.dep_ == "cc" and c.i > modifier.i for c in modifier.children):
        return []
    later = [m for m in modifiers if m.i > modifier.i and m.head.i == modifier.head.i]
    return [modifier, *later] if later else []
