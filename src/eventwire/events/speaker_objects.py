"""An object pronoun in reported speech that refers to the speaker: "Chad said a rocket was fired at it from Sudan",
"the rebels said troops had attacked them".

The speaker of a statement about an act done to "it"/"them" is, unless another actor is named for it, the one it
was done to: the pronoun is the speaker (the object-side twin of the rule for pronoun subjects, "X said it
would ..."). Only the direct object or the object of "at/on/against/to" of the reported act counts, and only when
the pronoun is not already resolved as an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions

OBJECT_PRONOUNS = frozenset(("it", "them", "us"))
TARGET_PREPS = frozenset(("at", "on", "against", "to", "upon"))


def pronoun_object(tok: Token, mentions: Mentions) -> Token | None:
    """The unresolved object pronoun of ``tok`` ("fired [at it]", "attacked [them]"), if any."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.lower_ in OBJECT_PRONOUNS and mentions.get(c) is None:
            return c
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in OBJECT_PRONOUNS and mentions.get(pobj) is None:
                return pobj
    return None
