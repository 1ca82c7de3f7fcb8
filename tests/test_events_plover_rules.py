"""PLOVER-specific coding rules: resignations (RETREAT, no recipient), and the crosswalk's 4-digit rows."""

from __future__ import annotations

import pytest

from eventwire.events.crosswalk import plover_of


def _summary(events):
    return [(e.source.code if e.source else None, e.cameo, e.plover, e.target.code if e.target else None, e.modality)
            for e in events]


def test_crosswalk_resignation_is_retreat_other_083_stays_concede():
    assert (plover_of("0831").plover, plover_of("0831").plover_05, plover_of("0831").mode) == \
        ("RETREAT", "RETREAT", "resign")
    assert plover_of("083").plover == "CONCEDE" and plover_of("0832").plover == "CONCEDE"


@pytest.mark.parametrize("text", ["The Bolivian interior minister resigned on Friday after a week of protests.",
                                  "The Bolivian interior minister announced his resignation on Friday."])
def test_resignation_is_retreat_without_a_recipient(code_text, text):
    found = [s for s in _summary(code_text(text)) if s[1] == "0831"]
    assert found == [("BOLGOV", "0831", "RETREAT", None, "asserted")]


def test_agreeing_to_resign_is_an_intent_without_a_recipient(code_text):
    found = _summary(code_text("Peru's prime minister agreed to step down."))
    assert ("PERGOV", "035", "AGREE", None, "intended") in found
    assert all(s[3] is None for s in found if s[1] in ("035", "0831"))
