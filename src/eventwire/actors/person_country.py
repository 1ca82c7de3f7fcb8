"""A person's own "of <country>" beats the dictionary's country for that name.

"Sheikh Abdullah of Kuwait", "President Ali of Somalia": the text names the person's country. A dictionary
person found by a short or shared name (the dictionary's "Abdullah" is a Saudi king) is then the wrong one;
the mention keeps its sector (the title's or the person's) and takes the named country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .codes import split_code

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .resolver import Mentions


def apply_of_country(doc: Doc, mentions: Mentions) -> None:
    """Recode person mentions followed by "of <country>" whose dictionary country is another one (in place)."""
    for head_i, actor in list(mentions.by_head.items()):
        if not actor.how.startswith("dictionary:person") or not actor.code:
            continue
        head = doc[head_i]
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        named = mentions.by_head.get(pobj.i) if pobj is not None else None
        if named is None or not named.code or len(named.code) != 3 or named.sector or named.country in (None, actor.country):
            continue  # only a bare country ("of Morocco"), not "of the opposition" or "of Morocco's army"
        _, sector = split_code(actor.code)
        mentions.by_head[head_i] = replace(actor, code=named.country + (sector or ""), country=named.country,
                                           how=actor.how + "+of-country")
