"""Coordinated actors that the parse hides: a list read as an apposition.

"France, Germany, and Italy met" can be parsed with the second member of a comma list as an
apposition of the first ("France" ← appos "Germany" ← conj "Italy"), so the actor resolver takes
"France, Germany" as one noun phrase and only "Italy" is seen as coordinated. An apposition that
names an actor of another country and itself continues with "and"/"or" + a conjunct is a list
member, not a second name for the head: each member is an actor of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions


def _entry_actor(tok: Token, mentions: Mentions) -> Actor | None:
    """The actor of a dictionary name covering ``tok`` (its own mention, or one inside a larger phrase)."""
    actor = mentions.get(tok)
    if actor is not None:
        return actor
    entry = next((e for s, end, e in mentions.spans if s <= tok.i < end), None)
    if entry is None or not entry.country:
        return None
    return Actor(entry.code, tok.text, entry.country, None, entry.name, tok.idx, tok.idx + len(tok.text),
                 how="list member parsed as apposition")


def listed_appositions(tok: Token, head_actor: Actor | None, mentions: Mentions) -> list[tuple[Token, Actor]]:
    """The list members hanging off ``tok`` as an apposition ("France, Germany, and Italy"): (token, actor)
    for the apposition and its conjuncts not already resolved as mentions of their own."""
    if head_actor is None or not head_actor.country:
        return []
    out: list[tuple[Token, Actor]] = []
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        continues = any(c.dep_ == "cc" for c in appos.children) and any(c.dep_ == "conj" for c in appos.children)
        continues = continues or any(c.dep_ == "cc" and c.i > appos.i for c in tok.children)  # "A, B, and C" on A
        if not continues:
            continue  # a plain apposition ("Putin, Russia's president") renames the head
        actor = _entry_actor(appos, mentions)
        if actor is None or actor.country == head_actor.country or mentions.get(appos) is not None:
            continue
        out.append((appos, actor))
        for conj in appos.conjuncts:
            member = _entry_actor(conj, mentions)
            if member is not None:
                out.append((conj, member))
    return out


def split_list(subjects: list[Token]) -> bool:
    """Several subjects of one verb that are one list cut in two by the parse ("Japan, South Korea, and China
    signed": "Japan" ← conj "Korea" with a dangling "and", "China" a second subject): an earlier subject carries
    the list's coordinating conjunction but the last member is attached to the verb."""
    return any(any(c.dep_ == "cc" and c.i > s.i for c in s.children) and s.i < subjects[-1].i
               and not any(c.dep_ == "conj" and c.i > cc.i for cc in s.children if cc.dep_ == "cc"
                           for c in s.children)
               for s in subjects[:-1])


# Acts on an agreement that one party performs alone: "Ukraine ratified an agreement with the EU" is not also the
# EU ratifying it (the joint-act reverse of 057 does not apply).
ONE_SIDED_VERBS = {"ratify", "endorse", "approve", "adopt", "back", "reject", "violate", "breach", "renounce"}


def one_sided(tok: Token) -> bool:
    """The trigger is a one-party act on a joint instrument ("ratified the treaty with X")."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ONE_SIDED_VERBS
