"""Golden tests: one case per construction the event extractor must handle (tests/golden/events_constructions.jsonl).

Each case lists every expected event as (source code, full CAMEO code, target code, modality, PLOVER type
[, attributed_to]); the coder must produce exactly that set, and every event must explain itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "events_constructions.jsonl").open()]


def project(event) -> dict:
    return {"source": event.source.code if event.source else None, "cameo": event.cameo,
            "target": event.target.code if event.target else None, "modality": event.modality, "plover": event.plover}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_construction(case, code_text):
    events = code_text(case["text"], "2024-11-08")
    got = sorted((project(e) for e in events), key=json.dumps)
    want = sorted(({k: v for k, v in e.items() if k != "attributed_to"} for e in case["events"]), key=json.dumps)
    assert got == want
    for expected in case["events"]:
        if "attributed_to" in expected:
            match = [e for e in events if project(e) == {k: v for k, v in expected.items() if k != "attributed_to"}]
            assert match[0].attributed_to is not None and match[0].attributed_to.code == expected["attributed_to"]


@pytest.mark.parametrize("case", [c for c in CASES if c["events"]][:6], ids=lambda c: c["name"])
def test_every_event_explains_itself(case, code_text):
    for e in code_text(case["text"], "2024-11-08"):
        for key in ("pattern", "pattern_origin", "trigger", "source_rule", "target_rule"):
            assert e.evidence.get(key), key
        assert e.quad_class in (1, 2, 3, 4) and e.goldstein is not None


def test_explain_names_pattern_and_rules(code_text):
    from eventwire.cli.output import explain_event

    (event,) = code_text("Turkey condemned Israel on Monday.", "2024-11-08")
    text = explain_event(event)
    assert "verb:condemn" in text and "found as subject" in text and "found as object" in text
    assert "lexicon]" in text and "modality asserted" in text


@pytest.mark.parametrize("origin, code, directions", [("eventwire", "046", {("ESP", "MAR"), ("MAR", "ESP")}),
                                                      ("petrarch2", "046", {("ESP", "MAR")}),
                                                      ("eventwire", "040", {("ESP", "MAR")})])
def test_joint_act_reverse_default_only_for_curated_patterns(coder, origin, code, directions):
    """A joint-act code (046) gives both directions for a curated pattern; a converted PETRARCH pattern states its
    reverse itself (its suites use WEIS codes), so without one it gives one direction. The base consultation (040,
    CAMEO.2.0's ``MEET [040]``) is the subject's act: one direction."""
    import datetime as dt

    from eventwire.events.extractor import EventExtractor
    from eventwire.events.lexicon import Lexicon, Pattern
    from eventwire.model import Article

    extractor = EventExtractor(Lexicon([Pattern("greet", "VERB", "", "", code, "test pattern", origin=origin)]))
    original = coder.extractor
    coder.extractor = extractor
    try:
        events = coder.code(Article(text="Spain greeted Morocco.", date=dt.date(2024, 11, 8))).events
    finally:
        coder.extractor = original
    assert {(e.source.code, e.target.code) for e in events} == directions


@pytest.mark.parametrize("text", ["Mexico postponed a visit by the Cuban foreign minister.",
                                  "Mexico cancelled a visit by the Cuban foreign minister.",
                                  "Mexico called off a visit by the Cuban foreign minister."])
def test_a_cancelled_or_postponed_event_is_negated(text, code_text):
    visits = [e for e in code_text(text, "2024-05-01") if e.cameo.startswith("04")]
    assert visits and all(e.modality == "negated" and e.negated for e in visits)
