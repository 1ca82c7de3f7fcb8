"""Senses that depend on who acts: the same verb is a different CAMEO event for a state and for a group.

- A boycott (CAMEO 163, "impose embargo, boycott, or sanctions": stopping trade or exchanges) is an act of a state
  or an intergovernmental organisation. Lawyers boycotting the courts, a party boycotting an election or traders
  boycotting a market conduct a boycott as a protest: CAMEO 143 ("conduct strike or boycott").
- An attack by a suicide bomber is a suicide bombing (CAMEO 1831, under 18 "assault"), whatever verb the
  sentence uses ("killed", "wounded", "struck").
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


def actor_senses(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the codes their source's kind calls for (module docstring)."""
    return [_with_sense(c) for c in candidates]


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
