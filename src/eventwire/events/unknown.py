"""Participants the actor dictionaries do not know: actors of unknown country (code ``---``) with their text.

An event is still an event for a user when its speaker or its patient is not in any dictionary: "sources
said ...", "police detained several suspects", "the army rescued the hostages". These helpers turn such a
noun phrase into an ``Actor("---", text)``. They are used only where the extractor is asked for them
(``EventExtractor(code_statements=True)`` for speakers, ``unknown_targets=True`` for patients), e.g. by the
evaluation of gold sets whose actors are free text spans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.resolver import Mentions
from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Pattern

UNKNOWN = "---"
# Dependents after the head that begin a clause or phrase of their own, not part of the name.
_CLAUSE_DEPS = {"relcl", "acl", "appos", "conj", "cc", "punct", "prep", "advcl"}
# Numbers, dates and amounts are not participants ("killed five", "on Friday", "$2 billion").
_NOT_PARTICIPANTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
# Quantity nouns: the participants are in their "of" phrase ("dozens of protesters", "80 of the hostages").
_QUANTITIES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "score",
               "scores", "number", "group", "handful", "some", "many", "most", "all", "several", "few"}
# Object synsets of the lexicon that name people or places acted upon ("detain [&suspect]"); other object words
# name what was done or used ("launch [an attack]", "send [&military]") and are not patients.
_PATIENT_SYNSETS = {"&people", "&opposition", "&leader", "&negotiator", "&refugee", "&suspect", "&hostage", "&town",
                    "&stronghold"}
# Prepositions whose object is on the receiving end of an act ("an attack on X", "fired at X").
_PATIENT_PREPS = ("on", "against", "at", "upon")


def unknown_actor(head: Token, mentions: Mentions, how: str = "unknown actor") -> list[Actor]:
    """The actor at ``head``: the resolved one if it has a code, else an actor of unknown country named by the
    head's noun phrase (without its relative clauses, appositions and coordinated phrases). Pronouns and
    non-nouns give none."""
    known = mentions.get(head)
    if known is not None and known.code:
        return [known]
    if head.ent_type_ in _NOT_PARTICIPANTS or head.lemma_.lower() in _QUANTITIES:
        of = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"), None)
        return unknown_actor(of, mentions, how) if of is not None else []  # "dozens of supporters"
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    words = [t for t in head.subtree if not _attached_after(t, head)]
    while words and words[0].pos_ in ("DET", "PUNCT"):
        words = words[1:]
    while words and words[-1].pos_ in ("PUNCT", "PART"):
        words = words[:-1]
    if not words:
        return []
    first, last = words[0], words[-1]
    return [Actor(UNKNOWN, head.doc[first.i:last.i + 1].text, None, None, start=first.idx,
                  end=last.idx + len(last.text), how=how)]


def _attached_after(tok: Token, head: Token) -> bool:
    """tok lies in a clause or phrase attached to ``head`` after it ("the hostages [being held by rebels]")."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.head.i == head.i and t.i > head.i and t.dep_ in _CLAUSE_DEPS:
            return True
        t = t.head
    return False


def unknown_target(tok: Token, pattern: Pattern, mentions: Mentions) -> tuple[list[Actor], str]:
    """The patient of a predicate whose target no dictionary knows: its passive subject or direct object (not the
    pattern's own object word: "launched [an attack] on X"), else the object of its preposition ("an attack on
    a convoy"). Statements have none (their object is what was said)."""
    if pattern.cameo.startswith("01"):
        return [], "none"
    found, how = unknown_object(tok, pattern, mentions)
    if found:
        return found, how
    kids = list(tok.children)
    holders = [tok, *[c for c in kids if c.dep_ == "dobj"], *_pattern_prep_objects(tok, pattern)]
    preps = ([pattern.prep] if pattern.prep in _PATIENT_PREPS + ("with", "to") else [])
    preps += [p for p in _PATIENT_PREPS if p != pattern.prep]
    for prep in preps:
        for holder in holders:
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ == prep:
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    found = unknown_actor(pobj, mentions, "unknown patient") if pobj is not None else []
                    if found:
                        return found, f"'{prep} X' (unknown actor)"
    return [], "none"


def _pattern_prep_objects(tok: Token, pattern: Pattern) -> list[Token]:
    """The pattern's own object word behind its preposition ("called for [action] against X"): its patient
    prepositions name the target as a direct object's do."""
    if not (pattern.prep and pattern.obj):
        return []
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == pattern.prep
            for p in c.children if p.dep_ == "pobj" and _pattern_word(p, pattern)]


def unknown_object(tok: Token, pattern: Pattern, mentions: Mentions) -> tuple[list[Actor], str]:
    """The passive subject or direct object of a predicate as an actor (unknown if no dictionary knows it), unless
    it is the pattern's own object word or the predicate is a statement."""
    if pattern.cameo.startswith("01"):
        return [], "none"
    for c in tok.children:
        if c.dep_ in ("nsubjpass", "dobj") and not _pattern_word(c, pattern):
            found = unknown_actor(c, mentions, "unknown patient")
            if found:
                return found, "passive subject (unknown actor)" if c.dep_ == "nsubjpass" else "object (unknown actor)"
    return [], "none"


def _pattern_word(obj: Token, pattern: Pattern) -> bool:
    if not pattern.obj:
        return False
    words = {obj.lemma_.lower(), obj.lower_} | {c.lemma_.lower() for c in obj.children
                                                if c.dep_ in ("compound", "amod", "nmod")}
    if pattern.obj.startswith("&"):
        return pattern.obj.lower() not in _PATIENT_SYNSETS
    return pattern.obj.lower() in words
