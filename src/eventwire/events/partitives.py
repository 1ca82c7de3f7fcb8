"""Partitive objects: "suspended part of its aid program" suspends aid.

A verb pattern's object word ("suspend [aid]" 162) is looked for among the verb's direct objects. When the direct
object is a partitive ("part", "most", "half" ...), the noun of its "of" phrase is what is acted on, so it fills the
direct-object slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


# Nouns that stand for a part of their "of" object: "suspended part of its aid program" suspends aid.
PARTITIVES = frozenset(("part", "portion", "some", "most", "all", "half", "bulk", "much", "rest", "share", "section",
                        "remainder", "majority", "none", "any"))


def partitive_of(pobj: Token) -> bool:
    """``pobj`` is the object of a partitive's "of" ("part of [the program]"): for a verb pattern it fills the
    partitive's own slot (a direct object stays direct)."""
    prep = pobj.head
    return prep.lower_ == "of" and prep.head.i != prep.i and prep.head.lemma_.lower() in PARTITIVES \
        and prep.head.dep_ in ("dobj", "nsubjpass", "pobj")
