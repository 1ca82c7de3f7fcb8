"""Senses that depend on who acts: the same verb is a different CAMEO event for a state and for a group.

- A boycott (CAMEO 163, "impose embargo, boycott, or sanctions": stopping trade or exchanges) is an act of a state
  or an intergovernmental organisation. Lawyers boycotting the courts, a party boycotting an election or traders
  boycotting a market conduct a boycott as a protest: CAMEO 143 ("conduct strike or boycott").
- An attack by a suicide bomber is a suicide bombing (CAMEO 1831, under 18 "assault"), whatever verb the
  sentence uses ("killed", "wounded", "struck").
- A journalist talking with someone ("NPR's X talks with Y about ...", "X spoke with the BBC") conducts an
  interview: the news medium is reporting, not consulting (CAMEO 04 is between political actors). What the
  interviewee says in it is still a statement.
- A visit whose host is the visitor itself (042/043 with the same actor code on both sides, neither guessed from
  the sentence: "the president arrived in the capital's stadium") is travel at home, not a visit.
- "Targeting" said of a measure ("sanctions targeting five ministers", "a law that targets foreign media") means
  "directed at", not an attack: the measure's own event (163 sanctions, ...) is the event.
- Agreeing that something is so ("Experts agree that the rules leave the public in the dark") is an opinion, not
  an agreement to cooperate (03); agreeing that something should or will be done ("agree that the disputes should
  be resolved by arbitration") stays one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors.codes import ORGANISATIONS, split_code
from ..model import Actor

if TYPE_CHECKING:
    from .extractor import Candidate

# Sectors of a state acting as a state (its government, not its parliament's members or its opposition).
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY"})
_SUICIDE = re.compile(r"\bsuicide\b", re.IGNORECASE)
SUICIDE_BOMBING = "1831"
PROTEST_BOYCOTT = "143"


# Measures that "target" someone without attacking them ("sanctions targeting X").
MEASURE_NOUNS = frozenset({"sanction", "sanctions", "measure", "law", "bill", "tariff", "ban", "restriction", "policy",
                           "rule", "decree", "embargo", "legislation", "regulation", "order", "package", "probe",
                           "investigation"})
# Verbs of conversation that make an interview when one side is the media.
INTERVIEW_VERBS = frozenset({"talk", "talks", "speak", "chat", "converse", "sit"})


def actor_senses(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the codes their source's kind calls for, without interviews, shared opinions and visits
    at home (module docstring)."""
    return [_with_sense(c) for c in candidates
            if not (interview(c) or opinion(c) or home_visit(c) or measure_targeting(c))]


def measure_targeting(c: Candidate) -> bool:
    """ "sanctions targeting five ministers", "a law that targets the press": a measure directed at someone, not an
    attack (the verb "target" on a clause that modifies, or has as its subject, a measure noun)."""
    tok = c.trigger
    if tok.lemma_.lower() != "target" or not c.cameo[:2] in ("18", "19", "20"):
        return False
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in MEASURE_NOUNS:
        return True
    return any(k.dep_ == "nsubj" and k.lemma_.lower() in MEASURE_NOUNS for k in tok.children)


def home_visit(c: Candidate) -> bool:
    """A visit (042/043) whose host is the visitor itself ("the president arrived in the capital's stadium": a
    government visiting its own capital): travel at home, not a visit to another actor."""
    if c.cameo[:3] not in ("042", "043") or c.source is None or c.target is None or not c.source.code:
        return False
    guessed = any("inferred" in str(c.evidence.get(k, "")) for k in ("source_rule", "target_rule"))
    return c.source.code == c.target.code and not guessed  # a country guessed from the sentence may be wrong


def opinion(c: Candidate) -> bool:
    """ "X agree(s) that <a clause without a modal>": a shared opinion, not an agreement (03)."""
    tok = c.trigger
    if not c.cameo.startswith("03") or tok.lemma_.lower() != "agree":
        return False
    if any(k.dep_ in ("prep", "xcomp", "dobj") for k in tok.children):
        return False  # "agreed with X that", "agreed to ...", "agreed a deal"
    clauses = [k for k in tok.children if k.dep_ == "ccomp"]
    return bool(clauses) and not any(a.dep_ == "aux" and a.tag_ == "MD" for cl in clauses for a in cl.children)


def interview(c: Candidate) -> bool:
    """A conversation (04) of which one side is a news medium or a journalist ("NPR's X talks with Y")."""
    return c.cameo.startswith("04") and c.trigger.lemma_.lower() in INTERVIEW_VERBS \
        and (_media(c.source) or _media(c.target))


def _media(actor: Actor | None) -> bool:
    if actor is None or not actor.code:
        return False
    return actor.sector == "MED" or actor.code.endswith("MED")


def _with_sense(c: Candidate) -> Candidate:
    code = c.cameo
    if code == "163" and c.pattern.lemma == "boycott" and not state_actor(c.source):
        code = PROTEST_BOYCOTT
    elif code[:2] in ("18", "19") and not code.startswith("183") and c.source is not None \
            and _SUICIDE.search(c.source.text or ""):
        code = SUICIDE_BOMBING
    if code == c.cameo:
        return c
    return replace(c, cameo=code, evidence={**c.evidence, "refined_from": c.evidence.get("refined_from", c.cameo),
                                            "sense": f"{c.cameo} → {code} by the source's kind"})


def state_actor(actor: Actor | None) -> bool:
    """A state or its government, military or intelligence, or an intergovernmental organisation."""
    if actor is None or not actor.code or actor.code.startswith("---"):
        return False
    country, sector = split_code(actor.code)
    if country in ORGANISATIONS:
        return country not in ("NGO", "MNC")
    sector = actor.sector or sector
    return sector is None or sector in STATE_SECTORS
