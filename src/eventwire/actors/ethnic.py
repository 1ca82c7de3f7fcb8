"""An "ethnic X" group is coded by the country it lives in, not by X's country.

CAMEO codes an ethnic group with the country where it resides ("ethnic Albanians in Serbia" are a Serbian group,
"ethnic Russians in Latvia" a Latvian one); the demonym names the kin state. When the sentence names exactly
one other country, the group takes that country (and keeps its sector); otherwise the mention is left alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .resolver import Mentions

COUNTRY_HOWS = ("dictionary:country", "dictionary:capital", "dictionary:metonym", "gazetteer")  # places, not demonyms


def apply_ethnic_residence(doc: Doc, mentions: Mentions) -> None:
    """Recode "ethnic <demonym>" mentions to the one other country of their sentence (in place)."""
    for head_i, actor in list(mentions.by_head.items()):
        head = doc[head_i]
        if not actor.country or not any(t.lower_ == "ethnic" for t in head.lefts):
            continue
        sent = head.sent
        others = {a.country for i, a in mentions.by_head.items()
                  if sent.start <= i < sent.end and i != head_i and a.country and len(a.country) == 3
                  and a.country != actor.country and a.how.startswith(COUNTRY_HOWS)}
        if len(others) != 1:
            continue
        (country,) = others
        mentions.by_head[head_i] = replace(actor, code=country + (actor.sector or ""), country=country,
                                           how=actor.how + "+ethnic-residence")
