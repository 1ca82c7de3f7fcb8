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
