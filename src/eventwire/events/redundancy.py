"""Triggers whose event another trigger of the same sentence already codes.

- "issued arrest warrants": the compound event noun ("arrest") of a verb's pattern object ("issue * warrant" 173)
  is the same arrest; coding it again from the noun gives a second event with guessed arguments.
- "met the Kenyan president to discuss ...", "held talks to discuss": a consultation verb (CAMEO 04) that is the purpose
  or complement of a consultation is the same meeting, between the same participants.
- "helped (to) prepare the attack": "help" with a verb complement and no object takes part in that act;
  the complement is the event, not aid (07).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Pattern, word_fits

if TYPE_CHECKING:
    from spacy.tokens import Token

CONSULT_ROOT = "04"


def _words(tok: Token) -> set[str]:
    words = {tok.lower_, tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ == "compound":
            words |= {c.lower_, c.lemma_.lower()}
    return words


def compound_of_coded_object(tok: Token, found: dict[int, Pattern]) -> bool:
    """tok modifies ("arrest warrants") a direct object that a pattern of its verb names ("issue * warrant")."""
    if tok.dep_ != "compound" or tok.head.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb_pattern = found.get(tok.head.head.i)
    return bool(verb_pattern and not verb_pattern.blocking and verb_pattern.obj
                and word_fits(verb_pattern.obj, _words(tok.head)))


def purpose_of_meeting(tok: Token, pattern: Pattern, found: dict[int, Pattern]) -> bool:
    """A consultation ("to discuss") that is the purpose or complement of a consultation ("met ... to discuss")."""
    if pattern.cameo[:2] != CONSULT_ROOT or tok.dep_ not in ("advcl", "xcomp") or tok.head.i == tok.i:
        return False
    head_pattern = found.get(tok.head.i)
    if head_pattern is None or head_pattern.blocking:
        # "held talks to discuss": the meeting is the light verb's object
        return any(c.dep_ == "dobj" and (p := found.get(c.i)) is not None and p.cameo[:2] == CONSULT_ROOT
                   for c in tok.head.children)
    return head_pattern.cameo[:2] == CONSULT_ROOT


HELP_VERBS = {"help", "assist"}


def helps_do(tok: Token, found: dict[int, Pattern]) -> bool:
    """ "helped (to) prepare the attack": taking part in the complement's act, not giving aid (07)."""
    if tok.lemma_.lower() not in HELP_VERBS or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    comps = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    comps += [cc for c in comps for cc in c.conjuncts]
    return any((p := found.get(c.i)) is not None and not p.blocking for c in comps)


def already_coded(tok: Token, pattern: Pattern, found: dict[int, Pattern]) -> bool:
    """tok's event is coded on another trigger of the sentence (see the module docstring)."""
    return compound_of_coded_object(tok, found) or purpose_of_meeting(tok, pattern, found) or helps_do(tok, found)


def names_complement_verb(tok: Token, pattern: Pattern | None) -> bool:
    """A head pattern whose object word is only its infinitive complement ("want * help" matched by "wants to
    help"): the pattern is about a noun object ("wants help": an appeal for aid, 023), so the complement, an
    intended act of the subject, is the event. Threat patterns ("want * attack" 138) mean the complement itself
    (CAMEO.2.0: ``a (_ b ATTACK) WANT = a b 138``) and stay."""
    if pattern is None or not pattern.obj or pattern.cameo[:2] == "13":
        return False
    comps = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if not any(word_fits(pattern.obj, {c.lemma_.lower(), c.lower_}) for c in comps):
        return False
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    return not any(word_fits(pattern.obj, _words(n)) for n in nouns)
