"""Responses to an earlier demand or offer named only by a definite description.

"Putin has called for Ukraine to withdraw its forces ... Kyiv has firmly rejected the demand." The rejection
answers the call of the sentence before; within one sentence the parse cannot tell whose demand it was. For a
response (CAMEO 08 yield/accept, 11 disapprove, 12 reject) with no target whose object is "the/this/that demand"
(or call, offer, proposal, ultimatum ...), the target is the source of the most recent earlier event in the
article of the matching kind, by another country. What counts is data in the two tables below.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extractor import Candidate

# CAMEO roots of events that answer something.
RESPONSE_ROOTS = ("08", "11", "12")
# The object noun of a response → CAMEO roots of the earlier event it refers to.
REFERRED_ROOTS = {
    "demand": ("10", "02"), "call": ("10", "02"), "request": ("10", "02"), "appeal": ("02", "10"),
    "condition": ("10", "03"), "term": ("10", "03"), "ultimatum": ("13", "10"),
    "offer": ("03", "05"), "proposal": ("03", "05", "10"), "plan": ("03", "05", "10"),
    "initiative": ("03", "05"), "overture": ("03", "05"), "invitation": ("03", "04"),
    "threat": ("13",), "accusation": ("11",), "criticism": ("11",), "charge": ("11",),
}
DEFINITE = {"the", "this", "that", "these", "those"}


def referred_noun(cand: "Candidate") -> str | None:
    """The lemma of a definite object ("rejected the demand", "the offer was rejected") that names an earlier event."""
    trig = cand.trigger
    for child in trig.children:
        if child.dep_ in ("dobj", "nsubjpass", "pobj") or (child.dep_ == "prep" and child.lower_ in ("to", "of")):
            noun = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else child
            if noun is None:
                continue
            lemma = noun.lemma_.lower()
            if lemma in REFERRED_ROOTS and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
                return lemma
    return None


def answer_earlier(cand: "Candidate", earlier: list["Candidate"]) -> "Candidate":
    """``cand`` with the source of the event it answers as its target, when that can be told; else unchanged."""
    if cand.target is not None or cand.source is None or cand.cameo[:2] not in RESPONSE_ROOTS:
        return cand
    noun = referred_noun(cand)
    if noun is None:
        return cand
    roots = REFERRED_ROOTS[noun]
    own = cand.source.country
    for prior in reversed(earlier):
        if prior.trigger.i >= cand.trigger.i or prior.source is None or prior.cameo[:2] not in roots:
            continue
        if own is not None and prior.source.country == own:
            continue  # an actor does not answer its own demand
        evidence = {**cand.evidence, "target_rule": f"answers the earlier {noun} ({prior.cameo}, "
                                                    f"'{prior.trigger.sent.text.strip()[:80]}')"}
        return replace(cand, target=prior.source, evidence=evidence)
    return cand
