"""A role word used as an adjective is no actor: "all official contact", "an official visit".

Role words ("official", "military" ...) make a noun phrase an actor ("officials" → ---GOV). When the only role
word of a phrase is an adjective modifying a head noun that is no role itself, the phrase names a thing, not a
person or a body, and is not an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc



def adjective_only_role(doc: Doc, mods: list[int], head_i: int, role: str | None) -> bool:
    """The phrase's role word is only an adjective on a head that is no role ("all official contact"): the
    phrase names a thing, not a person."""
    if not role or " " in role:
        return False
    words = {doc[head_i].lower_, doc[head_i].lemma_.lower()}
    if role in words:
        return False
    return any(doc[m].pos_ == "ADJ" and doc[m].dep_ == "amod" and role in (doc[m].lower_, doc[m].lemma_.lower())
               for m in mods)
