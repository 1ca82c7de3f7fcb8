"""Limits of inferring an agent-only actor's country from the sentence.

"Workers in Serbia stopped work" → SRBLAB: an agent-only actor takes the sentence's single country
(``EventExtractor._with_country``). When that single country is the event's own target and the act is one a
government or group does to another country (statements, appeals, consultation, diplomatic and material
cooperation, aid: CAMEO 01, 02, 04-07), it says nothing about the source: "The ministry thanked Japan for its help"
is not Japan's ministry thanking Japan.
Only a target that is the country itself counts ("Yoruba leaders forgave the Nigerian president" is domestic).
Intentions (03) are left out: an intent is as often stated about one's own country's plans (measured: leaving them
in changed one petrarch2-unittest record for the worse and none for the better).
Domestic acts (arrests, protests, fighting) keep the inference: "police arrested Serbian protesters" → SRBCOP.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..actors.resolver import Mentions
    from ..model import Actor

FOREIGN_ROOTS = ("01", "02", "04", "05", "06", "07")


def country_only_from_target(cameo: str, targets: list[Actor], sent: Span, mentions: Mentions) -> bool:
    """The sentence's only country is that of the target, a country itself, and the act (01-07) is one done to
    another country."""
    if cameo[:2] not in FOREIGN_ROOTS or not targets:
        return False
    if not all(t.country and t.code == t.country for t in targets):
        return False  # only a target that is the country itself ("Japan", "Japan's help"), not its people or leaders
    target_countries = {t.country for t in targets}
    named = {a.country for i, a in mentions.by_head.items()
             if sent.start <= i < sent.end and a.country and not (a.code or "").startswith("---")}
    return named == target_countries
