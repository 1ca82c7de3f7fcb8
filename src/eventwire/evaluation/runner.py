"""Run the coder over a gold set and score it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..model import Article, Event
from .gold import GoldSet, read_gold
from .scoring import LEVEL_NAMES, Scores, score


def is_petrarch_suite(gold: GoldSet) -> bool:
    """A PETRARCH validation suite (petrarch2-unittest, udpetrarch-validate-2-02): it ships PETR*Validate dictionaries."""
    dicts = gold.dictionaries
    return dicts is not None and any(p.name.startswith(("PETR.Validate", "PETR_Validate")) for p in dicts.iterdir())


def _coder_for(gold: GoldSet, nlp: object | None = None):  # type: ignore[no-untyped-def]
    """A Coder; with the set's own actor, agent and verb dictionaries when it is a PETRARCH validation suite."""
    from ..coding import Coder, default_coder

    dicts = gold.dictionaries
    if is_petrarch_suite(gold):
        from ..nlp import load_pipeline
        from .petrarch_dicts import (
            load_petrarch_dictionary,
            with_petrarch_agents,
            with_petrarch_verbs,
        )

        from ..events.extractor import EventExtractor

        # PETRARCH codes "will break relations" by the act's own code, not as a threat: announced_threats off; it
        # gives an actor only the country its own phrase names ("students" stays ---EDU): infer_countries off
        coder = Coder(nlp or load_pipeline(), dictionary=load_petrarch_dictionary(dicts),  # type: ignore[arg-type]
                      extractor=EventExtractor(announced_threats=False, infer_countries=False))
        # the suites' expected codes come from their own verb dictionaries (mostly WEIS codes, README caveat 1)
        with_petrarch_verbs(coder, dicts)
        return with_petrarch_agents(coder, dicts)
    spans = gold.format.actors == "span"
    if gold.format.statements or spans:
        return _span_coder(gold.format.statements, spans, gold.format.implied_agents)
    return default_coder()


@lru_cache(maxsize=3)
def _span_coder(statements: bool, unknown_targets: bool, implied_agents: bool = False):  # type: ignore[no-untyped-def]
    """The default pipeline with the options a gold set's own conventions ask for: speakers' statements without
    an addressee coded as 01 events (GoldFormat.statements), where actors are text spans, patients that no
    dictionary knows kept as actors of unknown country ("detained several suspects"), and the doers agentless
    acts imply ("were arrested": police; GoldFormat.implied_agents)."""
    from ..coding import Coder
    from ..events.extractor import EventExtractor

    return Coder(extractor=EventExtractor(code_statements=statements, unknown_targets=unknown_targets,
                                          implied_agents=implied_agents))


def predict(gold: GoldSet, coder=None) -> list[list[Event]]:  # type: ignore[no-untyped-def]
    """Code every gold record (as a one-sentence article dated with the record's date).

    A PETRARCH suite is scored by PETRARCH's conventions: a record with a phrase of its discard list gives no
    event, and a negated event is an event."""
    coder = coder or _coder_for(gold)
    articles = [Article(text=r.text, date=r.date, id=r.id) for r in gold.records]
    events = [list(c.events) for c in coder.code_many(articles)]
    if is_petrarch_suite(gold):
        from .petrarch_dicts import load_petrarch_discards

        from .petrarch_config import apply_require_dyad

        discards = load_petrarch_discards(gold.dictionaries)  # type: ignore[arg-type]
        events = [[] if discards.match(r.text) else apply_require_dyad(r.raw, [_as_coded_negation(e) for e in evs])
                  for r, evs in zip(gold.records, events, strict=True)]
    return events


def _as_coded_negation(event: Event) -> Event:
    """PETRARCH codes a negated verb as an event of its own (the suites' SYNSET records: "will not clash" has
    the same source and target as "clash", with a negation code), so negated events are scored there."""
    return replace(event, negated=False) if event.negated else event


def evaluate(path: str | Path, fmt: str | None = None, coder=None, limit: int | None = None,  # type: ignore[no-untyped-def]
             levels: Sequence[str] | None = None) -> tuple[GoldSet, Scores]:
    """Read, code and score one gold file."""
    gold = read_gold(path, fmt, limit)
    lv = tuple(levels) if levels else LEVEL_NAMES + (("structure",) if gold.format.actors == "code" else ())
    return gold, score(gold.format, gold.records, predict(gold, coder), lv)
