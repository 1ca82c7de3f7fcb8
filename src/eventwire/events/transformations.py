"""Reported violence read as what the speaker does: claims of responsibility, accusations, threats, appeals.

PETRARCH-2's verb dictionary (CAMEO.2.0.txt, section TRANSFORMATIONS) recodes an attack that is the content of
someone's statement or wish as an act of that someone:

    ~ a (a b ATTACK) SAY   = a b 015     "Hamas said it fired rockets at Israel": Hamas claims responsibility
    ~ a (b . ATTACK) SAY   = a b 112     "Kyiv said Russian forces shelled Kharkiv": Kyiv accuses Russia
    ~ a (a b WILL_ATTACK) SAY = a b 138  "X said it will attack Y": X threatens Y with force
    ~ a (b . ATTACK) WANT  = a b 021     "X wants Y to attack Z": X appeals to Y

(``CLAIM`` works as ``SAY``.) Here ATTACK is any event of the CAMEO roots 18-20 (assault, fight, mass
violence), SAY a speech verb whose clausal complement holds the attack, WANT "want"/"wish" with an object that is
the attack's subject. An attack reported by someone else stays an event (attributed to the speaker, modality
``reported``): human coders of news code it, and the accusation is coded beside it. An attack the speaker claims
as its own is replaced by the claim (015), as in PETRARCH-2: the claimant's word is the news, and the attack is
coded where a report of it names it (measured: petrarch2-gsr-afp +0.006, penta +0.001, other dev sets unchanged).
A reported attack without a known target is replaced by the accusation too ("a rights group said five people
were killed in a drone strike by the army": the group accuses the army; an attack on no one
known adds nothing to it; afp +0.007, other dev sets unchanged). Only a speaker named as an actor with a
country or organisation counts: "officials said ..." (an unnamed source, ``---GOV``) and the news media report;
they do not accuse.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor
from .lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.resolver import Mentions
    from .extractor import Candidate

ATTACK_ROOTS = ("18", "19", "20")
# Not "report": news media report attacks ("state media reported ..."); reporting is not accusing.
SAY_VERBS = {"say", "claim", "announce", "state", "declare", "tell", "insist", "allege", "confirm"}
WANT_VERBS = {"want", "wish"}
SOURCE_ORIGIN = "CAMEO.2.0 transformations (PETRARCH-2)"
CLAIM = "015"


def _clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to: up through control and coordination ("said it would [try to]
    attack"), and from an event noun to the verb it is an argument of ("killed in an air strike")."""
    t = tok
    while t.head.i != t.i and (t.dep_ in ("xcomp", "conj", "pobj", "prep", "dobj", "nsubjpass")
                               or (t.dep_ in ("advcl",) and t.head.pos_ in ("VERB", "AUX"))):
        if t.dep_ == "conj" and t.head.pos_ != t.pos_:
            break
        t = t.head
    return t


def _governing(tok: Token, verbs: set[str], deps: tuple[str, ...]) -> Token | None:
    """The speech (or wish) verb whose complement clause holds ``tok``, if any."""
    clause = _clause_head(tok)
    head = clause.head
    if clause.dep_ in deps and head.i != clause.i and head.lemma_.lower() in verbs:
        return head
    return None


def _subject_actor(verb: Token, mentions: Mentions, actors_at) -> Actor | None:  # type: ignore[no-untyped-def]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = actors_at(subj, mentions)
    return found[0] if found else None


def _same(a: Actor | None, b: Actor | None, cand: Candidate) -> bool:
    if a is None or b is None:
        return False
    if "the speaker" in str(cand.evidence.get("source_rule", "")):
        return True  # "X said it would attack": the pronoun subject was resolved to the speaker
    return bool(a.code and a.code == b.code) or (a.start is not None and a.start == b.start)


def _recoded(cand: Candidate, verb: Token, source: Actor, target: Actor | None, cameo: str,
             rule: str) -> Candidate:
    pattern = Pattern(verb.lemma_.lower(), "VERB", "", "", cameo, rule, origin=SOURCE_ORIGIN)
    evidence = {**cand.evidence, "pattern": f"transformation: {rule}", "pattern_comment": rule,
                "pattern_origin": SOURCE_ORIGIN, "trigger": verb.text,
                "trigger_index": verb.i - verb.sent.start, "transformed_from": f"{cand.cameo} on '{cand.trigger.text}'",
                "source_rule": f"subject of '{verb.text}'",
                "target_rule": f"{'source' if rule.endswith(('112', '021')) else 'target'} "
                               f"of the attack '{cand.trigger.text}'"}
    modality = "asserted" if cameo != "138" else "intended"
    return replace(cand, trigger=verb, pattern=pattern, source=source, target=target, cameo=cameo,
                   modality=modality, negated=False, attributed_to=None, evidence=evidence)


def _appeal_to_other(c: Candidate, mentions: Mentions, actors_at) -> Candidate | None:  # type: ignore[no-untyped-def]
    """ "X wants Y to attack Z" coded on "wants" by a want+attack pattern (a threat, 138, is right only when X
    is the one to attack): with a subject of its own in the complement, it is an appeal to that subject."""
    if c.trigger.lemma_.lower() not in WANT_VERBS or c.cameo[:2] != "13" or c.source is None:
        return None
    for comp in c.trigger.children:
        if comp.dep_ not in ("ccomp", "xcomp"):
            continue
        subj = next((k for k in comp.children if k.dep_ == "nsubj"), None)
        if subj is None and comp.dep_ == "xcomp":
            subj = next((k for k in c.trigger.children if k.dep_ == "dobj"), None)
        other = actors_at(subj, mentions)
        if other and not _same(other[0], c.source, c):
            return _recoded(c, c.trigger, c.source, other[0], "021", "a (b . ATTACK) WANT = a b 021")
    return None


def transformed(cands: list[Candidate], mentions: Mentions, actors_at) -> list[Candidate]:  # type: ignore[no-untyped-def]
    """``cands`` plus the speaker's (or wisher's) own event for each attack that is the content of a statement or
    a wish (see the module docstring); a claim of responsibility takes the claimed attack's place; none is added
    twice."""
    out: list[Candidate | None] = list(cands)
    seen = {(c.trigger.i, c.source.code if c.source else None, c.cameo[:2],
             c.target.code if c.target else None) for c in cands}
    for i, c in enumerate(cands):
        appeal = _appeal_to_other(c, mentions, actors_at)
        if appeal is not None:
            out[i] = appeal
            continue
        if c.cameo[:2] not in ATTACK_ROOTS or c.negated or c.source is None:
            continue
        new = None
        say = _governing(c.trigger, SAY_VERBS, ("ccomp", "parataxis"))
        if say is not None:
            speaker = _subject_actor(say, mentions, actors_at)
            if speaker is None or not speaker.country or (speaker.code or "").startswith("---") \
                    or "MED" in (speaker.code or "")[3:]:
                continue  # "officials said ...": an unnamed source reports; it does not claim or accuse
            if _same(c.source, speaker, c):
                future = c.modality in ("intended", "hypothetical")
                code = "138" if future else "015"
                rule = f"a (a b {'WILL_ATTACK' if future else 'ATTACK'}) SAY = a b {code}"
                if c.target is not None:
                    new = _recoded(c, say, speaker, c.target, code, rule)
            elif speaker.country != c.source.country or speaker.code != c.source.code:
                new = _recoded(c, say, speaker, c.source, "112", "a (b . ATTACK) SAY = a b 112")
        else:
            want = _governing(c.trigger, WANT_VERBS, ("ccomp", "xcomp"))
            clause = _clause_head(c.trigger)
            if want is not None and any(k.dep_ == "nsubj" for k in clause.children):
                wisher = _subject_actor(want, mentions, actors_at)
                if wisher is not None and not _same(c.source, wisher, c):
                    new = _recoded(c, want, wisher, c.source, "021", "a (b . ATTACK) WANT = a b 021")
        if new is None:
            continue
        key = (new.trigger.i, new.source.code if new.source else None, new.cameo[:2],
               new.target.code if new.target else None)
        if new.cameo == CLAIM and key in seen:
            out[i] = None  # the claim is already there: the claimed attack goes with it
        elif new.cameo == CLAIM:
            out[i] = new  # the claimant's word for its own attack: the claim replaces the attack
        elif c.target is None and key not in seen:
            out[i] = new  # an attack on no one known: the accusation says all there is (who did it, who says so)
        elif key not in seen:
            out.append(new)
        seen.add(key)
    return [c for c in out if c is not None]


def claimed_target(tok: Token, sources: list[Actor], mentions: Mentions) -> tuple[list[Actor], str]:
    """The target of a claim of responsibility (015) with none in the parse: the first actor with a country, other
    than the claimant's, inside the "for ..." phrase that names the act claimed ("claimed responsibility for an
    bombing at a market in Chad" → Chad)."""
    own = {a.country for a in sources}
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        for t in prep.subtree:
            actor = mentions.get(t)
            if actor is not None and actor.country and actor.country not in own \
                    and not (actor.code or "").startswith("---"):
                return [actor], f"in the act claimed ('{prep.text} ... {t.text}')"
    return [], "none"
