"""Reflexive pronouns: "itself", "themselves", "himself", "herself" refer to the subject of their own clause.

"the rebels had shelled themselves", "the army defended itself": the reflexive object (or the object of a
preposition of the verb: "fired on themselves") is the actor of the clause's subject, found through control
and coordination ("X tried to protect itself"). The mention keeps the pronoun as its text, so an event with
the subject on both sides is a self-directed act, not one mention read twice. Emphatic uses ("Putin himself
released them", "released by Putin himself") are not objects and stay unresolved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .resolver import Mentions

REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself"))
_OBJECT_DEPS = ("dobj", "pobj", "dative")
_SUBJECTS = ("nsubj", "nsubjpass")


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose object (or prepositional object) ``tok`` is."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if tok.dep_ not in _OBJECT_DEPS or head.pos_ not in ("VERB", "AUX"):
        return None
    return head


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verbs it is controlled by or coordinated with."""
    t, hops = verb, 0
    while hops < 4:
        subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return None
        t, hops = t.head, hops + 1
    return None


def _actor_of(subj: Token, mentions: Mentions):  # type: ignore[no-untyped-def]
    """The subject's actor: its mention, or the one actor a subject pronoun refers to ("it had protected itself")."""
    actor = mentions.get(subj)
    if actor is None:
        referents = mentions.referent(subj) or []
        actor = referents[0] if len(referents) == 1 else None
    return actor


def resolve_reflexives(doc: Doc, mentions: Mentions) -> None:
    """Give each reflexive object the actor of its clause's subject (see the module docstring)."""
    for tok in doc:
        if tok.lower_ not in REFLEXIVES or tok.i in mentions.by_head:
            continue
        verb = _clause_verb(tok)
        subj = _subject(verb) if verb is not None else None
        actor = _actor_of(subj, mentions) if subj is not None else None
        if actor is None or not actor.code:
            continue
        mentions.by_head[tok.i] = replace(actor, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                          how=f"reflexive → subject ({actor.how})")


def self_directed(source: object, target: object) -> bool:
    """An act of the subject on itself ("the army defended itself"): the target is the reflexive reading of the
    source. Not a dyadic event; kept only as the content that a transformation reads ("Ukraine said Russian
    troops had shelled themselves": Ukraine accuses the Russian troops)."""
    how = getattr(target, "how", "") or ""
    return how.startswith("reflexive") and getattr(source, "code", None) == getattr(target, "code", None)
