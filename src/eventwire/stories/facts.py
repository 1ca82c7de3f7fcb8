"""Article facts for the story stage: WHEN (the year an article is about) and WHERE (its main place).

Two reports of one kind of event (two earthquakes, two Oscar-host announcements) share most of their words; a
wire reader splits them by *when* and *where*. :func:`article_facts` reads both from a parsed article:

* **year** — the most frequent four-digit year (1900–2099) the article names in a date (not a count of a
  plural noun, an amount or a quantity; also the year of a numeric date, "11/27/2005"), ties broken by the later year: a report names the year of its event (a dateline "Friday
  August 2, 2013", "in 2008") more often than any background year, and when it does not, the later year is the
  more likely one to be the report's own (background is earlier);
* **place** — the most frequent place name (spaCy GPE/LOC entity), ties broken by the first named (datelines
  and leads come first).

The linker (:mod:`.linker`) turns them into terms of the article's story vector (``year:2013``,
``place:los angeles``) plus a marker term per kind (``has:year``), so a story's centroid tells whether its
articles named years at all and which; nothing else is stored, so any :class:`~.index.LinkerIndex` keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["FACT_KINDS", "Facts", "article_facts", "fact_terms", "marker"]

FACT_KINDS = ("year", "place")
YEAR = re.compile(r"(19|20)\d\d")
NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]((?:19|20)\d\d)")  # "11/27/2005", "08.07.2012": one token
NOT_DATES = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
PLACES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Facts:
    """The article's main year and main place (None when it names none)."""

    year: str | None = None
    place: str | None = None

    def get(self, kind: str) -> str | None:
        return getattr(self, kind)


def _main(counts: Counter, order: dict[str, int], *, later: bool) -> str | None:
    if not counts:
        return None
    if later:
        return max(counts, key=lambda k: (counts[k], k))
    return max(counts, key=lambda k: (counts[k], -order[k]))


def _is_count(tok) -> bool:
    """"2010 protesters": a number counting a plural noun, not a year ("the 2019 quake" is a year)."""
    return tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS")


def article_facts(doc: Doc, start: int = 0) -> Facts:
    """The main year and place named in ``doc`` from character offset ``start`` on (see the module docstring)."""
    years: Counter = Counter()
    for t in doc:
        if t.idx < start:
            continue
        if YEAR.fullmatch(t.text) and t.ent_type_ not in NOT_DATES and not _is_count(t):
            years[t.text] += 1
        elif numeric := NUMERIC_DATE.fullmatch(t.text):
            years[numeric.group(1)] += 1
    places: Counter = Counter()
    first: dict[str, int] = {}
    for e in doc.ents:
        if e.start_char >= start and e.label_ in PLACES:
            name = e.text.lower().removeprefix("the ").strip()
            if len(name) > 1:
                places[name] += 1
                first.setdefault(name, e.start_char)
    return Facts(year=_main(years, {}, later=True), place=_main(places, first, later=False))


def marker(kind: str) -> str:
    """The term that tells a story's centroid that some article of the story named a fact of this kind."""
    return "has:" + kind


def fact_terms(facts: Facts, kinds: tuple[str, ...]) -> dict[str, str]:
    """kind → the story-vector term of the article's fact of that kind (``year:2013``), for the kinds it has."""
    return {k: f"{k}:{facts.get(k)}" for k in kinds if facts.get(k)}
