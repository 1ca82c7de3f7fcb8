"""Participants an act implies when the text does not name them.

- **Acts without a recipient.** A protest is an event of its protesters even when nobody is named on the receiving
  end ("hundreds of students marched through the capital"): PLOVER's PROTEST needs an actor, not a recipient, and
  ACLED codes demonstrations as one-sided events. Such an event is kept with no target when no target is found
  (and none of the source's own country applies): ``needs_no_recipient``.
- **Agentless acts whose doer the act itself names** (``EventExtractor(implied_agents=True)``). Only the state
  arrests, detains or remands someone in custody, and in news the ones who make arrests are the police: "fifty
  people were arrested", "arrests were made", "he was taken into custody" are coded as an arrest (173) by police of
  unknown country (``---COP``); so is a seizure of weapons ("twelve firearms were seized": confiscation, 1711). A
  protest with nobody named as protester ("rallies were held across the country") is a protest by unnamed people
  (``---``), a bomb that went off ("a roadside bomb exploded near the convoy") a bombing (183) by an unnamed
  bomber (``---``), and shells, missiles or air strikes with no one named firing them ("mortar shells were fired
  at the base") an attack (194, 195) by an unnamed armed actor. Acts whose doer is not fixed by the act (a killing, a shelling, a curfew: the administration
  or the army) get none. This is off by default: PETRARCH-style coding requires both
  actors to be named (require_dyad), and the sets coded that way count such events as false alarms; it is on for
  the classification gold sets that label one-sided acts (docs/evaluation.md, "Held-out check").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# CAMEO roots of acts that need no recipient: protest (14).
ONE_SIDED_ROOTS = ("14",)
# CAMEO code prefix → the sector the act implies as its doer ("" = an actor of unknown country and sector).
IMPLIED_DOERS = {"173": "COP", "1711": "COP", "183": "", "194": "", "195": "", "14": ""}
# Explosive devices: "a roadside bomb exploded" names no bomber, but a bomb does not go off by itself.
_DEVICES = {"bomb", "device", "explosive", "mine", "landmine", "ied", "grenade"}
# Dependencies of a word that names the doer of a nominal event ("police arrests", "arrests by the army"); an adjective
# ("preventive arrests") names a doer only when the actor dictionaries know it, and then the extractor found it; a
# possessive is the patient of an arrest ("his arrest") and, for a protest, found by the extractor if it is an actor.
_DOER_DEPS = {"nsubj", "agent", "compound", "nmod"}
_MODALS = {"can", "could", "may", "might", "must", "should", "would", "shall"}
# Verbs under which an act is asked for, wanted, allowed or feared, not reported done.
_UNREAL_HEADS = {"demand", "urge", "call", "seek", "want", "ask", "press", "insist", "allow", "permit", "authorize",
                 "authorise", "empower", "sanction", "threaten", "warn", "plan", "propose", "consider", "fear", "avoid",
                 "prevent", "oppose", "include"}


def needs_no_recipient(cameo: str, tok: Token) -> bool:
    """The act is an event without anyone on the receiving end (a protest), and its word is not a modifier of
    another noun ("riot police", "protest songs": a kind of police or song, not an event)."""
    return cameo.startswith(ONE_SIDED_ROOTS) and tok.dep_ not in ("compound", "amod", "nmod")


def implied_doer(tok: Token, cameo: str, places: list[Actor] | None = None) -> list[Actor]:
    """The doer an agentless act implies: a passive verb with no agent ("were arrested") or an event noun with no
    actor ("arrests were made", "protests were held"), for the codes of IMPLIED_DOERS; [] otherwise. ``places``:
    the country where it happened, when the extractor found one (places_as_source.py): "were arrested in Lagos"
    is an arrest by Nigerian police (NGACOP). Active verbs (their subject is the doer, even if unknown) and
    participles modifying a noun ("the arrested men") are left to the ordinary rules."""
    sector = next((s for prefix, s in IMPLIED_DOERS.items() if cameo.startswith(prefix)), None)
    if sector is None or not _agentless(tok):
        return []
    if places and sector:
        return [replace(p, code=(p.country or "---") + sector, sector=sector, how="implied by the act, country of "
                        "the place") for p in places]
    return [Actor("---" + sector, tok.text, None, sector or None, None, tok.idx, tok.idx + len(tok.text),
                  how="implied by the act (no doer named)")]


def _agentless(tok: Token) -> bool:
    """tok reports an act done with no doer in its clause: a device as subject ("a bomb exploded"), a passive verb
    without agent, or an event noun without a doer modifier; and the clause is not unreal (``_unreal``)."""
    kids = list(tok.children)
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _DEVICES for c in kids):
        return not _unreal(tok)  # "a bomb exploded near the market"
    if any(c.dep_ in ("agent", "nsubj", "csubj") for c in kids):
        return False
    if tok.pos_ == "VERB":
        return tok.dep_ not in ("amod", "acl", "relcl") and not _unreal(tok) and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if tok.pos_ == "NOUN":  # "arrests were made", "the arrest of X led to ...", unless its clause is unreal
        verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return (verb is None or not _unreal(verb)) and not any(
            c.dep_ in _DOER_DEPS or (c.dep_ == "prep" and c.lower_ == "by") for c in kids)
    return False


def _unreal(verb: Token) -> bool:
    """A clause that does not report an act as done: a modal ("arrests can be made"), a negation, a condition
    ("if ...", or an auxiliary before the subject: "had he been detained"), or a clause under a verb of demanding,
    wanting or allowing ("demanded the arrest of", "allow the police to arrest")."""
    kids = list(verb.children)
    subject = next((c.i for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    return any((c.dep_ == "aux" and c.lower_ in _MODALS) or c.dep_ == "neg"
               or (c.dep_ == "mark" and c.lower_ in ("if", "unless"))
               or (c.dep_ in ("aux", "auxpass") and subject is not None and c.i < subject) for c in kids) \
        or any(t.lemma_.lower() in _UNREAL_HEADS for t in (verb, *verb.ancestors))
