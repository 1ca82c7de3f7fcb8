"""Parse repair: the subject swallowed by a long fronted phrase.

"Following the collapse of the Framework Agreement on X, Chile and Peru have agreed to ...": the parser often reads
"Chile and Peru" as one more conjunct of the noun inside the fronted "Following ..." phrase, and the verb
is left without a subject. When a finite verb has no subject, a fronted prepositional phrase precedes it, and that
phrase ends in ", NP" directly before the verb (its auxiliaries aside), the NP after the comma is the verb's subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Dependents of the verb that may stand between its subject and it ("have agreed", "also said", "did not meet").
PRE_VERB_DEPS = {"aux", "auxpass", "neg", "advmod", "punct"}
NOMINAL = {"NOUN", "PROPN", "PRON"}


def fronted_subject(verb: Token) -> Token | None:
    """The head of the subject NP that the parse attached inside a fronted phrase, or None."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp") \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    start = _verb_group_start(verb)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < start):
        for tok in prep.subtree:
            if tok.dep_ == "conj" and tok.pos_ in NOMINAL and tok.right_edge.i == start - 1 \
                    and tok.left_edge.i > prep.i and tok.doc[tok.left_edge.i - 1].text == ",":
                return tok
    return None


def _verb_group_start(verb: Token) -> int:
    """Index of the first token of the verb group ("have" in "have agreed")."""
    start = verb.i
    for c in sorted((c for c in verb.children if c.i < verb.i), key=lambda c: -c.i):
        if c.dep_ in PRE_VERB_DEPS and c.i == start - 1:
            start = c.i
        else:
            break
    return start


def is_fronted(prep: Token) -> bool:
    """A prepositional phrase that opens the sentence and ends in a comma ("With the signing of X, A agreed ..."):
    an adjunct of the whole clause, never the preposition of a verb pattern ("agree with")."""
    if prep.i >= prep.head.i or not prep.is_sent_start:
        return False  # (a comma anywhere before the verb: the phrase may have swallowed the subject after it)
    return any(t.text == "," for t in prep.doc[prep.i + 1:prep.head.i])

