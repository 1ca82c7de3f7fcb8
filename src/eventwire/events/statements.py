"""Speakers of statements whom the actor stage does not know.

"Sources said ...", "a new report says ...", "the Foo Observatory, or FO, said on Thursday." (a trailing
attribution the parser leaves without a subject): the statement is an event for a user even when the
speaker has no actor code. Used only when statements without an addressee are coded
(``EventExtractor(code_statements=True)``); the speaker is then an actor of unknown country, code ``---``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..actors.resolver import Mentions
from ..model import Actor
from .lexicon import Pattern
from .unknown import unknown_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# What may follow a trailing speech verb: "..., X said on Thursday."
_TRAILING_DEPS = {"prep", "pobj", "npadvmod", "advmod", "punct", "pcomp"}
# Written or spoken messages whose "to X" names the addressee of the statement made in them ("said in a letter to X").
# Not "interview" ("said in an interview with X": the interviewer is no addressee).
MESSAGE_NOUNS = {"letter", "message", "telegram", "note", "email", "e-mail", "cable", "memo", "speech", "address",
                 "remarks", "statement", "tweet", "post", "video", "broadcast"}
_MESSAGE_PREPS = {"in", "via", "through", "by"}


def statement_speaker(verb: Token, mentions: Mentions) -> tuple[list[Actor], str]:
    """The speaker of a speech verb when the actor stage found none: its subject noun phrase, or the noun
    phrase of a trailing attribution ("..., the Observatory said."). Pronouns are not speakers here (an
    unresolved "he" names nobody); neither is a subject the speaker's own clause has none of."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return unknown_actor(subject, mentions, "unknown speaker"), "subject (speaker of unknown country)"
    head = _trailing_attribution(verb)
    if head is not None:
        return unknown_actor(head, mentions, "unknown speaker"), "trailing attribution ('..., X said')"
    return [], "none"


def _trailing_attribution(verb: Token) -> Token | None:
    """ "..., the Kenya Human Rights Commission, or KHRC, said on Tuesday.": the parser often attaches
    such a final speech verb without a subject; its speaker is the noun phrase just before it."""
    sent = verb.sent
    after = [t for t in sent if t.i > verb.i]
    if any(t.dep_ not in _TRAILING_DEPS for t in after):
        return None
    i = verb.i - 1
    while i >= sent.start and verb.doc[i].is_punct:
        i -= 1
    if i < sent.start or verb.doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = verb.doc[i]
    if head.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" and head.head.i < c.i < head.i
                                   for c in head.head.children):
        head = head.head  # "the Observatory, or SOHR,": the alternative name → the name
    while head.dep_ in ("compound", "pobj", "prep") and sent.start < head.head.i < head.i:
        head = head.head  # "the Observatory for Human Rights" → the Observatory
    if head.pos_ not in ("NOUN", "PROPN") or head.i - sent.start < 3:
        return None
    before = verb.doc[head.left_edge.i - 1] if head.left_edge.i > sent.start else None
    return head if before is not None and before.is_punct else None


def message_addressee(verb: Token, mentions: Mentions, actors_at: Callable[[Token, Mentions], list[Actor]],
                      unknown: bool = False) -> tuple[list[Actor], str]:
    """The addressee of a statement made in a message: "the president said in a letter of thanks to the governor",
    "wrote in a letter to the UN" (``actors_at``: the extractor's actors of an argument token). With ``unknown`` an
    addressee no dictionary knows is an actor of unknown country."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _MESSAGE_PREPS):
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in MESSAGE_NOUNS):
            for to in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
                pobj = next((p for p in to.children if p.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                found = actors_at(pobj, mentions) or (unknown_actor(pobj, mentions, "addressee") if unknown else [])
                if found:
                    return found, f"addressee ('{prep.lower_} a {noun.lemma_.lower()} to X')"
    return [], "none"


# Specific statements (011-019) whose complement names what they are about: "expressed hope (that) Y will ...",
# "expressed surprise that Y published ...", "voiced concern that Y could ...".
_TOPIC_CLAUSES = {"acl", "ccomp", "relcl"}


def statement_topic(verb: Token, mentions: Mentions, actors_at: Callable[[Token, Mentions], list[Actor]],
                    unknown: bool = False) -> tuple[list[Actor], str]:
    """The subject of the clause a specific statement is about ("expressed hopes [the Croatian government] will
    change its policy"): the statement's target. The clause may hang off the verb or off its object noun."""
    holders = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    for holder in holders:
        for clause in (c for c in holder.children if c.dep_ in _TOPIC_CLAUSES and c.pos_ in ("VERB", "AUX")):
            if clause.dep_ == "relcl" and not any(m.dep_ == "mark" for m in clause.children):
                continue  # "the hopes [that he expressed]": a relative clause, not the content
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            found = actors_at(subj, mentions) or (unknown_actor(subj, mentions, "topic") if unknown else [])
            if found:
                return found, f"subject of the statement's content '{clause.text}'"
    return [], "none"


# The speaker's own attitude in what it said: "X said it is skeptical about ..." (012, make pessimistic comment),
# "X said they hoped the plan could ..." (013, make optimistic comment). Adjectives after a copula, verbs with the
# speaker (a pronoun or the speaker's own words) as subject; inflected forms too (spaCy lemmatizes "hoped" as "hop").
PESSIMISTIC = frozenset({"skeptical", "sceptical", "pessimistic", "concerned", "worried", "doubtful", "alarmed",
                         "fearful", "troubled", "uneasy", "fear", "fears", "feared", "worry", "worries", "doubt",
                         "doubts", "doubted"})
OPTIMISTIC = frozenset({"optimistic", "confident", "hopeful", "upbeat", "hope", "hopes", "hoped"})
_ATTITUDE_PRONOUNS = {"i", "we", "he", "she", "it", "they"}


def attitude_pattern(verb: Token) -> Pattern | None:
    """A bare statement ("said", 010) whose content is the speaker's own optimism or pessimism becomes that specific
    statement (013 / 012), an event without an addressee as the other specific statements are."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "said it was not confident": left to the bare statement
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or not _speaker_itself(subj, verb):
            continue
        words = {clause.lower_, clause.lemma_.lower()}
        if clause.lemma_.lower() == "be":
            words = {c.lower_ for c in clause.children if c.dep_ == "acomp"}
        code = "012" if words & PESSIMISTIC else "013" if words & OPTIMISTIC else None
        if code is not None:
            return Pattern(verb.lemma_.lower(), "VERB", "", "", code, f"'said it is/was {sorted(words)[0]}': "
                           f"{'pessimistic' if code == '012' else 'optimistic'} comment", origin="eventwire rule")
    return None


def _speaker_itself(subj: Token, verb: Token) -> bool:
    if subj.lower_ in _ATTITUDE_PRONOUNS:
        return True
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return speaker is not None and speaker.lower_ == subj.lower_

