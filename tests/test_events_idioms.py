"""Converted PETRARCH particle idioms stay with their own verb (events/idioms.py)."""

from __future__ import annotations

from eventwire.events.idioms import idiom_verb, own_idioms
from eventwire.events.lexicon import Pattern, default_lexicon

KICK_OFF = "PETRARCH PHYSICAL_CONFLICT: * OFF [046] (KICK)"
CLASH_OVER = "PETRARCH PHYSICAL_CONFLICT: * OVER [110] (CLASH)"


def _p(lemma: str, prep: str, cameo: str, comment: str, origin: str = "petrarch2") -> Pattern:
    return Pattern(lemma, "VERB", prep, "", cameo, comment, "", "", origin, "", "")


def test_idiom_verb_reads_the_comment():
    assert idiom_verb(_p("attack", "off", "046", KICK_OFF)) == "kick"
    assert idiom_verb(_p("attack", "over", "110", CLASH_OVER)) is None  # a preposition the synonyms share
    assert idiom_verb(_p("attack", "off", "046", "kick off", origin="eventwire")) is None


def test_only_the_owner_keeps_the_idiom():
    patterns = [_p("kick", "off", "046", KICK_OFF), _p("attack", "off", "046", KICK_OFF),
                _p("attack", "over", "110", CLASH_OVER)]
    kept = {(p.lemma, p.prep) for p in own_idioms(patterns)}
    assert kept == {("kick", "off"), ("attack", "over")}


def test_idiom_without_its_owner_is_kept():
    written = "PETRARCH WRITE: * OFF [071] (WROTE)"  # the owner is written inflected: no lemma "wrote"
    patterns = [_p("write", "off", "071", written), _p("pen", "off", "071", written)]
    assert len(own_idioms(patterns)) == 2


def test_shipped_lexicon_has_no_borrowed_kick_off():
    assert not [p for p in default_lexicon().candidates("attack", "VERB") if p.comment == KICK_OFF]
    assert [p for p in default_lexicon().candidates("kick", "VERB") if p.comment == KICK_OFF]
