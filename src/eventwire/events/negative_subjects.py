"""A clause whose subject is a negative pronoun reports that the act did not happen.

"Nobody was arrested", "no one fired at the crowd", "none of the protesters were detained": the verb carries no
``neg`` dependent, but the act is negated as surely as in "police did not arrest anyone". Such an event is
``negated`` (not an event for users filtering on asserted acts, and not scored).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATIVE_PRONOUNS = {"nobody", "none", "nothing", "noone", "neither"}


def negative_subject(tok: Token) -> bool:
    """tok's subject (active or passive) is "nobody", "no one", "none (of ...)", "nothing" or "neither"."""
    for c in tok.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in NEGATIVE_PRONOUNS:
            return True
        if c.lower_ == "one" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False
