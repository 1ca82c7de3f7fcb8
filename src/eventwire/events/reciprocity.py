"""When coordinated subjects act on each other: "A and B upgraded their ties" yes, "A and B warned their citizens" no.

Two or more subjects of one verb with no target are read as acting on each other only when the act is a joint one.
An object marked as theirs ("their ties", "their meeting") is shared when it names a relationship or a joint event
the subjects hold together; an object that is each one's own ("their populations", "their troops", "their
concerns") says nothing about acting on each other, so the subjects are coded without a target (or with the target
the pattern names elsewhere). "each other's" is always mutual.

And when the verb's pattern names the preposition of its target ("warned their populations about X", PETRARCH's
``* THEIR ^ ABOUT +``) and the clause has that preposition, the target is over there, never a co-subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of what two parties have between them (besides the extractor's RELATIONAL_OBJECTS: ties, talks, deals ...):
# a dispute, a border, a rivalry. "A and B settled their differences", "demarcated their border".
SHARED_NOUNS = frozenset((
    "difference", "dispute", "disagreement", "conflict", "rivalry", "feud", "row", "quarrel", "standoff", "tension",
    "war", "hostility", "enmity", "friendship", "bond", "border", "frontier", "boundary", "reconciliation",
    "rapprochement", "normalization", "normalisation", "trade", "commerce",
))

# Roots of acts that two parties do together on a relational object ("agreed a deal", "discussed the treaty").
JOINT_ROOTS = frozenset(("03", "04", "06"))


# Modifiers that make an object something the subjects do together ("a joint exercise", "bilateral talks").
JOINT_MODIFIERS = frozenset(("joint", "bilateral", "mutual", "combined"))


def shared_object(objects: list[Token], relational: set[str] | frozenset[str]) -> bool:
    """One of the verb's ``objects`` is something the subjects share: marked as theirs and naming something between
    them (``shared_possessed_object``), or done together ("began a joint exercise", "held bilateral talks")."""
    return shared_possessed_object(objects, relational) or any(
        c.dep_ == "amod" and c.lower_ in JOINT_MODIFIERS for o in objects for c in o.children)


def shared_possessed_object(objects: list[Token], relational: set[str] | frozenset[str]) -> bool:
    """One of the verb's ``objects`` is marked as the subjects' and names something between them: "each other's"
    anything, or "their" + a relationship or joint event (``relational`` or ``SHARED_NOUNS``)."""
    for obj in objects:
        owners = {c.lower_ for c in obj.children if c.dep_ == "poss"}
        if "each" in owners or any(c.dep_ == "poss" and c.lower_ == "other" for c in obj.children):
            return True
        if "their" in owners and (obj.lemma_.lower() in relational or obj.lemma_.lower() in SHARED_NOUNS):
            return True
    return False


def object_not_in_pattern(tok: Token, pattern_obj: str, cameo: str, symmetric: bool,
                          relational: set[str] | frozenset[str]) -> bool:
    """The relational object that would make coordinated subjects act on each other ("A and B criticized the
    agreement", "held a meeting") is not what the matched pattern is about: the pattern names no object and its
    code is no joint act (a bare "criticize" 111 or "welcome" 051, PETRARCH's bare ``HELD [210]`` detention). They
    criticized the agreement, not each other. Cooperation codes (03 intent, 04 consult, 06 material cooperation)
    done on a relational object are joint ("agreed a trade agreement"); "each other's" and "their" objects still
    count (shared_possessed_object)."""
    if pattern_obj or symmetric or cameo[:2] in JOINT_ROOTS or tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "xcomp":
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objects or any(c.dep_ == "poss" and c.lower_ in ("other", "their") for o in objects for c in o.children):
        return False  # "each other's policies", "resolved their differences": theirs together
    if any(c.dep_ == "amod" and c.lower_ in JOINT_MODIFIERS for o in objects for c in o.children):
        return False  # "a joint statement": done together
    return all(o.lemma_.lower() in relational or o.lemma_.lower() in SHARED_NOUNS for o in objects)


def target_preposition_present(tok: Token, prep: str | None) -> bool:
    """The pattern names its target's preposition (``prep``, role ``prep``) and the verb or its direct object has
    that preposition: "warned their populations about X" — X, not a co-subject, is the target."""
    if not prep:
        return False
    holders = (tok, *[c for c in tok.children if c.dep_ in ("dobj", "obj")])
    return any(c.dep_ == "prep" and c.lower_ == prep for h in holders for c in h.children)
