"""The event lexicon, the CAMEO table and the CAMEO → PLOVER crosswalk as data."""

from __future__ import annotations

import pytest

from eventwire.events.crosswalk import crosswalk_table, plover_of
from eventwire.events.lexicon import cameo_info, cameo_table, default_lexicon, synsets, word_fits

PLOVER_05 = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
             "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT"}


def test_all_twenty_roots_have_patterns():
    lex = default_lexicon()
    roots = {p.cameo[:2] for plist in lex._by_key.values() for p in plist if not p.blocking}
    assert {f"{r:02d}" for r in range(1, 21)} <= roots


def test_every_cameo_code_has_name_quad_goldstein_and_plover():
    for code, info in cameo_table().items():
        full = cameo_info(code)
        assert full is not None and full.name and full.quad_class in (1, 2, 3, 4) and -10 <= full.goldstein <= 10
        if not code.startswith("01"):
            assert full.plover, code


@pytest.mark.parametrize("code,plover,plover_05", [("106", "REQUEST", "DEMAND"), ("112", "ACCUSE", "DISAPPROVE"),
                                                   ("0841", "RETREAT", "RETREAT"), ("081", "CONCEDE", "CONCEDE"),
                                                   ("195", "ASSAULT", "FIGHT"), ("163", "SANCTION", "SANCTION"),
                                                   ("057", "AGREE", "SUPPORT"), ("010", None, None)])
def test_crosswalk(code, plover, plover_05):
    assert plover_of(code).plover == plover and plover_of(code).plover_05 == plover_05


def test_crosswalk_05_names_are_plover_05():
    assert {t.plover_05 for t in crosswalk_table().values() if t.plover_05} <= PLOVER_05


def test_most_specific_pattern_wins(nlp):
    from eventwire.events.extractor import EventExtractor

    ex = EventExtractor()
    doc = nlp("The European Union imposed sanctions on Iran.")
    assert ex.match(doc[3]).cameo == "163"  # "impose [sanction]", not a bare "impose"


def test_blocking_patterns_exist_and_synsets_load():
    lex = default_lexicon()
    assert any(p.blocking for plist in lex._by_key.values() for p in plist)
    assert synsets() and word_fits("&weapon", {"missile"}) or word_fits("&weapon", {"weapon"})


def test_threat_codes_for_announced_hostile_acts():
    from eventwire.events.threats import threat_code, threat_table

    assert threat_code("163") == "1312" and threat_code("1723") == "1323" and threat_code("195") == "138"
    assert threat_code("036") is None and threat_code("120") is None  # cooperative intentions, rejections: no threat
    assert all(code.startswith("13") for code in threat_table().values())


def test_a_four_digit_code_is_not_refined_further(nlp):
    from eventwire.events.extractor import EventExtractor

    doc = nlp("The archbishop called for sanctions against Nigeria.")
    assert EventExtractor.refine("1312", doc[2], "asserted") == "1312"  # not the 13 root's "sanction" → 132
