"""The toll of an attack is the same attack: "shelled the town, killing five people", "bombed a market, wounding
dozens".

A violent act (CAMEO roots 18-20) in a participle clause attached to another violent act of the sentence, with no
subject or marker of its own ("killing at least five people"), reports what that act did, not a second attack:
CAMEO codes one event per act. The participle's trigger is skipped; the main act keeps its own target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

VIOLENT_ROOTS = ("18", "19", "20")


def _violent(pattern: Pattern | None) -> bool:
    return pattern is not None and not pattern.blocking and pattern.cameo[:2] in VIOLENT_ROOTS


def toll_of_attack(tok: Token, pattern: Pattern, found: dict[int, Pattern | None]) -> bool:
    """``tok`` is a participle ("killing") that gives the toll of the violent act it hangs on ("shelled ...")."""
    if not _violent(pattern) or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") or tok.head.i == tok.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in tok.children):
        return False  # a clause of its own ("after rebels killing ...", "while troops were killing ...")
    return _violent(found.get(tok.head.i))
