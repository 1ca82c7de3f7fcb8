"""Coordinated subjects acting on "their" people: each on its own ("Norway and Sweden deployed their troops").

"their troops" after two coordinated subjects means each subject's own troops: Norway deployed Norwegian troops and
Sweden Swedish ones. The actor stage gives the owned role one country (the last one named before it), which made
Norway act on Swedish troops. When the target is a role phrase owned by "their" and "their" refers to exactly the
coordinated subjects, each subject is paired with the role of its own country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..actors.resolver import Mentions


def each_own_pairs(sources: list[Actor], targets: list[Actor], mentions: Mentions,
                   doc: Doc) -> list[tuple[Actor | None, Actor | None, bool]] | None:
    """(source, target, reciprocal) pairs with each source on its own country's role, or None when the targets
    are not one role phrase owned by a "their" that refers to the sources."""
    if len(sources) < 2 or len(targets) != 1 or not targets[0].sector:
        return None
    target = targets[0]
    head = next((i for i, a in mentions.by_head.items() if a is target), None)
    if head is None:
        return None
    owner = next((c for c in doc[head].children if c.dep_ == "poss" and c.lower_ == "their"), None)
    group = mentions.groups.get(owner.i) if owner is not None else None
    countries = {s.country for s in sources}
    if not group or None in countries or {a.country for a in group} != countries:
        return None
    return [(s, replace(target, code=f"{s.country}{target.sector}", country=s.country,
                        how=f"{target.how}; each subject's own"), False) for s in sources]
