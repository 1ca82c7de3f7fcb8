"""The curated vocabulary (data/lexicon/verbs.tsv): CAMEO families beyond PETRARCH-2's verb dictionary.

Each case is a made-up sentence for one family of the curated lexicon; the coder must produce an event with that
source country, full CAMEO code and target country (other events in the sentence are allowed). Plus checks on the
data itself and on how the evaluation codes statements for gold sets that annotate them.
"""

from __future__ import annotations

import json

import pytest

from eventwire.events.lexicon import cameo_info, read_patterns

CASES = [
    # (sentence, source country, CAMEO code, target country)
    ("Germany ratified the treaty with Poland.", "DEU", "057", "POL"),
    ("Norway signed a memorandum of understanding with Chile.", "NOR", "057", "CHL"),
    ("Japan upgraded its diplomatic ties with Vietnam.", "JPN", "050", "VNM"),
    ("Canada restored diplomatic relations with Iran.", "CAN", "050", "IRN"),
    ("France gave a warm welcome to the Chinese president.", "FRA", "043", "CHN"),
    ("Spain shares intelligence with Morocco.", "ESP", "064", "MAR"),
    ("Egypt supplied weapons to Libya.", "EGY", "072", "LBY"),
    ("The Chilean government lifted the curfew in Santiago.", "CHL", "0813", "CHL"),
    ("Kenya eased restrictions on opposition rallies.", "KEN", "081", "KEN"),
    ("Ethiopia withdrew its troops from Somalia.", "ETH", "0874", "SOM"),
    ("A Colombian farmer sued the United States for damages.", "COL", "115", "USA"),
    ("Brazil issued an ultimatum to Paraguay.", "BRA", "139", "PRY"),
    ("China conducted military exercises near Taiwan.", "CHN", "150", "TWN"),
    ("India conducted joint exercises with Russia.", "IND", "062", "RUS"),
    ("Britain suspended aid to Malawi.", "GBR", "162", "MWI"),
    ("Italy halted talks with Libya.", "ITA", "164", "LBY"),
    ("Peru called off talks with Bolivia.", "PER", "164", "BOL"),
    ("Qatar cancelled a summit with Bahrain.", "QAT", "160", "BHR"),
    ("Kenya renewed diplomatic ties with Somalia.", "KEN", "050", "SOM"),
    ("Greek riot police cracked down on Albanian migrants.", "GRC", "175", "ALB"),
    ("Ghana jailed two Nigerian journalists.", "GHA", "173", "NGA"),
    ("France summoned the Chinese ambassador on Tuesday.", "FRA", "114", "CHN"),
    ("Turkish soldiers arrested dozens of Syrian smugglers.", "TUR", "173", "SYR"),
    ("Serbian nationalists set fire to the Croatian embassy.", "SRB", "1712", "HRV"),
    ("The EU adopted a new sanctions package against Russia.", "EU", "163", "RUS"),
    ("Iran seized a British oil tanker.", "IRN", "1711", "GBR"),
    ("The Peruvian government declared a state of siege in the province.", "PER", "1724", "PER"),
    ("Russian hackers targeted the German parliament.", "RUS", "176", "DEU"),
    ("Syrian troops launched an attack on Turkish positions.", "SYR", "190", "TUR"),
    ("The Russian opposition leader launched a scathing attack on the Kremlin.", "RUS", "111", "RUS"),
]


def _country(actor) -> str | None:
    return (actor.country or (actor.code or "")[:3]) if actor else None


@pytest.mark.parametrize("text,source,cameo,target", CASES, ids=[c[2] + ":" + c[0][:30] for c in CASES])
def test_family_is_coded(text, source, cameo, target, code_text):
    events = code_text(text)
    got = {(_country(e.source), e.cameo, _country(e.target)) for e in events}
    assert (source, cameo, target) in got, got
    hit = next(e for e in events if e.cameo == cameo)
    # a curated pattern gave the code, or refine.tsv turned a converted one into it ("hackers" → 176)
    assert hit.evidence["pattern"] and (hit.evidence["pattern_origin"] == "eventwire" or "refined_from" in hit.evidence)


def test_military_modifier_does_not_turn_a_protest_into_fighting(code_text):
    events = code_text("Palestinian riots against Israeli military policies continued on Friday.")
    assert events and all(e.cameo.startswith("14") for e in events), [e.cameo for e in events]


def test_curated_codes_are_known_and_rows_unambiguous():
    patterns = read_patterns("verbs.tsv", "eventwire")
    seen: dict[tuple[str, str, str, str, str], str] = {}
    for p in patterns:
        if not p.blocking:
            assert cameo_info(p.cameo) is not None, p
        key = (p.lemma, p.pos, p.prep, p.obj, p.subject)
        assert seen.setdefault(key, p.cameo) == p.cameo, f"two codes for {p.name}: {seen[key]} and {p.cameo}"


def test_coder_rounds_codes_statements(tmp_path):
    """The coder-rounds annotation counts a speaker's statement as a 01 event, addressee or not (its README)."""
    from eventwire.evaluation import FORMATS, evaluate

    assert FORMATS["coder-rounds"].statements and not FORMATS["petrarch"].statements
    row = {"id": "1", "text": "The Kenyan foreign minister said on Monday that the border would stay open.",
           "date": None, "consensus_relevant": True, "expect_no_event": False,
           "expected": [{"source": "Kenyan foreign minister", "target": None, "code": "01"}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(row) + "\n")
    _, scores = evaluate(path)
    assert scores.levels["dyad"].tp == 1
