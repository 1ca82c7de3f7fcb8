"""A phrasal idiom belongs to its own verb: "kick off" talks is no "attack off" the coast.

PETRARCH-2's verb dictionary groups synonyms in blocks ("PHYSICAL_CONFLICT": attack, fight, hit, kick ...) and
lists the block's patterns once, each with a comment naming the verb it was written for (``* OFF [046] # KICK``:
"kicked off negotiations"). The conversion gives every pattern to every verb of the block, which is right for a
preposition with a target ("clash over X", "protest over X") but not for a verb + particle idiom: "fought off an
attack" is no negotiation (046), "attacked a ship off the coast" no visit, "struck back" no accusation. A converted
pattern whose first word after the verb is an adverbial particle, and whose comment names another verb of the same
row set, is kept only for that verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import Pattern

# Adverbial particles that make a phrasal verb of their own ("kick off", "hit back", "break up"); not "over", which
# introduces a topic or target the block's synonyms share ("clash over", "protest over").
PARTICLES = frozenset(("off", "up", "out", "down", "away", "back"))
# "PETRARCH BLOCK: * OFF [046] (KICK)": the pattern text and the verb its comment names.
_COMMENT = re.compile(r"^PETRARCH [^:]+: (?P<pattern>.*?) \[[^\]]*\] \((?P<verb>[A-Z][A-Z]*)\b[^)]*\)$")


def idiom_verb(pattern: Pattern) -> str | None:
    """The verb a converted particle pattern was written for ("kick" for ``* OFF [046] (KICK)``), else None."""
    if pattern.origin == "eventwire" or pattern.prep not in PARTICLES:
        return None
    m = _COMMENT.match(pattern.comment)
    if m is None or "*" not in m["pattern"]:
        return None
    after = m["pattern"].split("*", 1)[1].split()
    if not after or after[0].strip("()").lower() != pattern.prep:
        return None
    return m["verb"].lower()


def own_idioms(patterns: Iterable[Pattern]) -> list[Pattern]:
    """``patterns`` without particle idioms given to another verb than their own. A pattern is dropped only when its
    own verb has the same pattern (same comment) under its own lemma, so an idiom whose verb is written inflected
    ("WROTE") or missing is kept."""
    patterns = list(patterns)
    verbs = {id(p): idiom_verb(p) for p in patterns}
    owned = {p.comment for p in patterns if verbs[id(p)] is not None and verbs[id(p)] == p.lemma}
    return [p for p in patterns if verbs[id(p)] is None or verbs[id(p)] == p.lemma or p.comment not in owned]
