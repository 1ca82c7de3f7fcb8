"""EventExtractor's constructor options reach the coder: announced_threats (a hostile act announced for the
future is a CAMEO 13 threat; off, the act keeps its own code, as PETRARCH's validation suites expect)."""

import datetime as dt

from eventwire.coding import Coder
from eventwire.events.extractor import EventExtractor
from eventwire.model import Article

TEXT = "Russia said it would impose sanctions on Ukraine."


def _codes(coder: Coder) -> list[str]:
    return [e.cameo for e in coder.code(Article(text=TEXT, date=dt.date(2024, 11, 8), id="t")).events]


def test_announced_threats_is_a_constructor_option(nlp):
    assert EventExtractor().announced_threats is True
    assert EventExtractor(announced_threats=False).announced_threats is False
    on = _codes(Coder(nlp, extractor=EventExtractor()))
    off = _codes(Coder(nlp, extractor=EventExtractor(announced_threats=False)))
    assert any(c.startswith("13") for c in on), on
    assert off and not any(c.startswith("13") for c in off) and any(c.startswith("16") for c in off), off


def test_the_petrarch_suites_are_coded_without_announced_threats(shared_eval):
    from eventwire.evaluation.gold import read_gold
    from eventwire.evaluation.runner import _coder_for

    coder = _coder_for(read_gold(shared_eval / "petrarch2-unittest" / "dev.jsonl"))
    assert coder.extractor.announced_threats is False
