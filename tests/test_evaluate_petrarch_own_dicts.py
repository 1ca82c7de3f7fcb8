"""The PETRARCH validation suites' own agent and verb dictionaries are read (not only their actor files)."""

from pathlib import Path

import pytest

from eventwire.evaluation._petrarch_verbs import convert_verbs
from eventwire.evaluation.petrarch_dicts import load_petrarch_agents

OLD = """--- ADOPT  [081]  ---
ADOPT    # PAS   9/24/91
- * RESOLUTION  [102]  # tony  4/22/91
- * &REVOLT  [802]  # PAS  5/08/14

&REVOLT
+REVOLUTION
+REVOLUTIONARY

--- AGREE  [081] ---
AGREE
- * WITH % [031]
"""


def test_old_verb_file_with_synsets_between_blocks(tmp_path: Path) -> None:
    f = tmp_path / "X.verbs.txt"
    f.write_text(OLD, encoding="latin-1")
    rows = {(r[0], r[2], r[3], r[5]) for r in convert_verbs(f)}
    assert ("adopt", "", "", "081") in rows
    assert ("adopt", "", "resolution", "102") in rows
    assert ("adopt", "", "revolution", "802") in rows  # synset object expanded to its members
    assert ("agree", "with", "", "031") in rows
    assert not any(r[0] in ("revolution", "revolutionary") for r in rows)  # synset members are not verbs


def test_agent_file(tmp_path: Path) -> None:
    (tmp_path / "X.agents.txt").write_text("!P! = MAN, MEN\nMAIN_OPPOSITION_GROUP [~MOP]\nCONGRESS!P! [~LEG]\n")
    agents = load_petrarch_agents(tmp_path)
    assert agents["main opposition group"] == "MOP"
    assert agents["congressmen"] == "LEG"


@pytest.mark.skipif(not Path("/work/shared/eval/petrarch2-unittest/dictionaries").exists(), reason="no gold data")
def test_unittest_suite_verbs_convert() -> None:
    folder = Path("/work/shared/eval/petrarch2-unittest/dictionaries")
    assert len(convert_verbs(folder / "PETR.Validate.verbs.txt")) > 300


def _tiny_suite(tmp_path: Path, text: str) -> Path:
    """A made-up PETRARCH suite folder: one record, its own actor and verb files (fictional countries)."""
    d = tmp_path / "dictionaries"
    d.mkdir()
    (d / "PETR.Validate.actors.txt").write_text("ZORBLAND [ZRB]\nQUELLIA [QLL]\n")
    (d / "PETR.Validate.agents.txt").write_text("SOLDIER [~MIL]\n")
    (d / "PETR.Validate.verbs.txt").write_text("--- ATTACK  [190]  ---\nATTACK\n")
    rec = {"id": "T-1", "text": text, "date": "20100101", "expected": [{"source": "ZRB", "target": "QLL", "code": "190"}],
           "expect_no_event": False, "category": "VERB"}
    gold = tmp_path / "dev.jsonl"
    gold.write_text(__import__("json").dumps(rec) + "\n")
    return gold


def test_petrarch_suite_scores_negated_events_as_coded(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluation import evaluate
    from eventwire.evaluation.gold import read_gold
    from eventwire.evaluation.runner import _coder_for, predict

    gold_path = _tiny_suite(tmp_path, "Zorbland did not attack Quellia on Monday.")
    gold = read_gold(gold_path)
    events = predict(gold, _coder_for(gold, nlp))[0]
    assert [(e.source.code, e.target.code, e.modality, e.negated) for e in events] == [("ZRB", "QLL", "negated", False)]
    _, scores = evaluate(gold_path, coder=_coder_for(gold, nlp))
    assert scores.levels["structure"].records_right == 1


def test_petrarch_suite_discard_list_blanks_a_record(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluation.gold import read_gold
    from eventwire.evaluation.runner import _coder_for, predict

    gold_path = _tiny_suite(tmp_path, "Zorbland attacked Quellia after a hailstorm.")
    gold = read_gold(gold_path)
    assert predict(gold, _coder_for(gold, nlp))[0]  # coded without a discard list
    (tmp_path / "dictionaries" / "PETR.Validate.discards.txt").write_text("+HAILSTORM\n")
    assert predict(gold, _coder_for(gold, nlp))[0] == []


def test_suite_agent_phrases_starting_with_a_new_first_word_are_found(nlp) -> None:  # type: ignore[no-untyped-def]
    """An agent phrase whose first word is no shipped role word ('grand river council') is still matched."""
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_agents
    from eventwire.model import Article

    folder = Path(__file__).parent / "data" / "petrarch"
    coder = with_petrarch_agents(Coder(nlp), folder)
    events = coder.code(Article(text="The Chilean grand river council condemned Peru.", date=dt.date(2024, 1, 1))).events
    assert any(e.source and e.source.code == "CHLGRC" for e in events)


def test_suite_verb_synonyms_take_the_block_code(tmp_path: Path) -> None:
    """PETRARCH semantics for a suite's own verb file: every verb of a block shares the block's code."""
    from eventwire.evaluation.petrarch_dicts import load_petrarch_verbs

    (tmp_path / "X.verbs.txt").write_text("--- HALT  [120]  ---\nHALT\nSHELVE\n+PUT_OFF\nSTALL [014]\n")
    codes = {(p.lemma, p.prep): p.cameo for p in load_petrarch_verbs(tmp_path)}
    assert codes[("halt", "")] == codes[("shelve", "")] == codes[("put", "off")] == "120"
    assert codes[("stall", "")] == "014"


def test_suite_agent_file_replaces_the_shipped_role_words(nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH knows only its agent file: a shipped role word it lacks ('soldiers') gives no sector."""
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_agents
    from eventwire.model import Article

    coder = with_petrarch_agents(Coder(nlp), Path(__file__).parent / "data" / "petrarch")
    events = coder.code(Article(text="Chilean soldiers condemned Peru.", date=dt.date(2024, 1, 1))).events
    assert [e.source.code for e in events if e.source] == ["CHL"]


INFLECTED = """--- LEAVE  [012]  ---
LEAVE

--- LEFT  [032:033]  ---
LEFT

--- RISEN  [---] ---
RISEN
- DEATH TOLL * [223]
- SAID WOULD NOT *  [112]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
"""


def test_inflected_block_head_gives_form_limited_patterns_of_its_lemma(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH matches verbs by form: a bare 'LEFT' block is its own verb, not 'LEAVE'; a multi-word subject
    keeps its head noun; a line listing its forms is a base form."""
    f = tmp_path / "X.verbs.txt"
    f.write_text(INFLECTED, encoding="latin-1")
    rows = {(r[0], r[4], r[5], r[8]) for r in convert_verbs(f, nlp, all_synonyms=True)}
    assert ("leave", "", "012", "") in rows
    assert ("leave", "", "032", "left") in rows  # limited to the form "left"
    assert ("rise", "toll", "223", "risen") in rows  # DEATH TOLL → subject "toll"
    assert not any(r[1] in ("not", "would") for r in rows)  # "SAID WOULD NOT *" is no noun phrase: dropped
    assert ("break", "", "1717", "") in rows


def test_form_limited_pattern_matches_only_its_form(nlp) -> None:  # type: ignore[no-untyped-def]
    """With 'leave' 012 and 'leave'/"left" 032 in the lexicon, "left for X" is 032 and "leaves X" 012."""
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.events.lexicon import Lexicon, Pattern
    from eventwire.model import Article

    coder = Coder(nlp)
    coder.extractor.lexicon = Lexicon([Pattern("leave", "VERB", "", "", "012", "base"),
                                       Pattern("leave", "VERB", "", "", "032", "inflected", form="left")])
    date = dt.date(2024, 1, 1)
    left = coder.code(Article(text="Chile left for Peru on Monday.", date=date)).events
    leaves = coder.code(Article(text="Chile leaves Peru on Monday.", date=date)).events
    assert [e.cameo for e in left] == ["032"]
    assert [e.cameo for e in leaves] == ["012"]


def test_a_bare_speech_verb_neither_takes_its_reported_clause_as_content_nor_its_actors_as_target(
        nlp) -> None:  # type: ignore[no-untyped-def]
    """A suite's bare 'SAID [023]' (WEIS; its code's first digits are CAMEO's appeal root): the reported attack keeps
    its own event, and the speaker's statement takes no target from inside what it reports."""
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.events.lexicon import Lexicon, Pattern
    from eventwire.model import Article

    coder = Coder(nlp)
    coder.extractor.lexicon = Lexicon([Pattern("say", "VERB", "", "", "023", "statement"),
                                       Pattern("attack", "VERB", "", "", "190", "attack")])
    events = coder.code(Article(text="Chile attacked Peru, a senior official said on Saturday.",
                                date=dt.date(2024, 1, 1))).events
    assert [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events] \
        == [("CHL", "190", "PER")]


def test_target_marker_after_a_preposition_names_the_target_preposition() -> None:
    """PETRARCH's ``+`` right after a preposition: the target is that preposition's object."""
    from eventwire.evaluation._petrarch_verbs import target_preposition

    assert target_preposition(" THEIR ^ ABOUT +") == "about"
    assert target_preposition(" EID (AT ^) (WITH +)") == "with"
    assert target_preposition(" (AT) ^ +") == ""  # after a skipped phrase: not the preposition's object


def test_prep_role_pattern_prefers_the_prepositional_target_over_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.events.lexicon import Lexicon, Pattern
    from eventwire.model import Article

    coder = Coder(nlp)
    coder.extractor.lexicon = Lexicon([Pattern("warn", "VERB", "about", "", "130", "warn * about +", role="prep")])
    events = coder.code(Article(text="Chile warned Peru about Bolivia.", date=dt.date(2024, 1, 1))).events
    assert [(e.source.code, e.target.code) for e in events if e.source and e.target] == [("CHL", "BOL")]


def test_structure_level_reads_gold_organisation_codes_as_the_importer_does() -> None:
    """A suite's 'THE_AU [IGOAFR]' is imported as AU; the gold IGOAFR then matches it at the structure level."""
    from eventwire.evaluation.gold import FORMATS, GoldEvent
    from eventwire.evaluation.scoring import Predicted, _igo_code, matches

    assert _igo_code("IGOAFR") == "AU" and _igo_code("ARNGOV") == "ARNGOV"
    fmt = FORMATS["petrarch"]
    gold = GoldEvent(source="IGOAFR", target="LBY", code="064")
    pred = Predicted("AU", "IGO", "The AU", "LBY", "LBY", "Libya", "064")
    assert matches(fmt, "structure", gold, pred)


def test_listed_forms_the_parser_lemmatises_otherwise_still_find_the_verb(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """'+CORDON_OFF {+CORDONED_OFF}': whatever lemma the parser gives "cordoned", the listed form finds the block."""
    import datetime as dt

    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_verbs
    from eventwire.model import Article

    (tmp_path / "X.verbs.txt").write_text("--- EXCLUDE  [1721] ---\nEXCLUDE\n"
                                          "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }\n")
    coder = with_petrarch_verbs(Coder(nlp), tmp_path)
    events = coder.code(Article(text="Chile cordoned off Peru on Monday.", date=dt.date(2024, 1, 1))).events
    assert [(e.source.code, e.cameo, e.target.code) for e in events if e.source and e.target] == [("CHL", "1721", "PER")]


def test_compound_codes_are_one_event_per_member_on_both_sides() -> None:
    """udpetrarch writes 'FRO/BIL/SAM' -> 'ELR/GAL' as one event, petrarch2-unittest as six: both score alike."""
    from eventwire.evaluation.gold import FORMATS, GoldEvent, GoldRecord
    from eventwire.evaluation.scoring import (
        Predicted,
        expand_compound,
        expand_compound_record,
    )

    rec = GoldRecord("r", "text", None, (GoldEvent("AAA/BBB", "CCC", "050"),))
    assert {(g.source, g.target) for g in expand_compound_record(rec).events} == {("AAA", "CCC"), ("BBB", "CCC")}
    pred = Predicted("AAA/BBB", "AAA", "x", "CCC/DDD", "CCC", "y", "050")
    assert {(p.source_code, p.target_code, p.source_country) for p in expand_compound([pred])} == {
        ("AAA", "CCC", "AAA"), ("AAA", "DDD", "AAA"), ("BBB", "CCC", "BBB"), ("BBB", "DDD", "BBB")}
    assert FORMATS["petrarch"].actors == "code"


def test_a_skipped_phrase_in_parentheses_is_not_the_pattern_preposition() -> None:
    """PETRARCH's "* IFTAR (AT ^ ^) +": the 'at' phrase is skipped (where it happened); the target comes after it."""
    from eventwire.evaluation._petrarch_verbs import reduce_pattern

    assert reduce_pattern(" IFTAR (AT ^ ^) +") == ("", ["IFTAR"])
    assert reduce_pattern(" (TO +)") == ("to", [])


def test_a_pattern_line_without_its_dash_is_read(tmp_path: Path) -> None:
    """'* (TO QUESTION) [110]' under a verb block (udpetrarch's BEGIN block lacks the dash) is a pattern, not a verb."""
    f = tmp_path / "X.verbs.txt"
    f.write_text("--- BEGIN  [---]  ---\nBEGIN {BEGINS BEGAN BEGUN}\n* (TO QUESTION) [110]\n")
    rows = {(r[0], r[2], r[3], r[5]) for r in convert_verbs(f)}
    assert ("begin", "to", "question", "110") in rows
