"""Rules that the PETRARCH suites' structure measure exposed, tested on self-written sentences with made-up names."""

from __future__ import annotations

import datetime as dt

import pytest

NAMES = "VARDIA [VRD]\nKELMOR [KLM]\nOSTRAVIN [OST]\nPELLAND [PLL]\nTHE_HIGHLANDS [HGL]\n"
DATE = dt.date(2020, 1, 1)


def test_require_dyad_option_is_read_from_the_record() -> None:
    from eventwire.evaluation.petrarch_config import require_dyad

    assert require_dyad({}) is True  # PETRARCH's default
    assert require_dyad({"config_overrides": {"require_dyad": "FALSE"}}) is False
    assert require_dyad({"config_overrides": {"require_dyad": "True"}}) is True


@pytest.fixture(scope="module")
def made_up(nlp):  # type: ignore[no-untyped-def]
    """A coder that knows four made-up countries (an imported actor file), and a resolver with them."""
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.importer import read_actor_file
    from eventwire.coding import Coder

    dictionary = default_dictionary().extended(read_actor_file("x.actors.txt", text=NAMES), name="test")
    return Coder(nlp, dictionary=dictionary)


def _pairs(coder, text: str) -> set[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    from eventwire.model import Article

    events = coder.code(Article(text=text, date=DATE)).events
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def test_require_dyad_drops_events_with_one_actor(made_up) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from eventwire.evaluation.petrarch_config import apply_require_dyad
    from eventwire.model import Article

    both = list(made_up.code(Article(text="Vardia attacked Kelmor on Monday.", date=DATE)).events)
    assert both and all(e.source and e.target for e in both)
    events = both + [replace(both[0], target=None)]
    assert apply_require_dyad({}, events) == both
    assert apply_require_dyad({"config_overrides": {"require_dyad": "false"}}, events) == events


def test_a_list_of_made_up_names_is_read_from_the_words(made_up) -> None:  # type: ignore[no-untyped-def]
    """Every member of a subject list acts, however the parser reads the unknown names."""
    # parsed with "the Highlands" as an apposition of "Kelmor" and the rest coordinated to it
    pairs = _pairs(made_up, "Kelmor, the Highlands, Vardia and Ostravin welcomed the agreement with Pelland.")
    assert {("KLM", "PLL"), ("HGL", "PLL"), ("VRD", "PLL"), ("OST", "PLL")} <= pairs


def test_a_list_member_without_an_actor_is_skipped(nlp, made_up) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events.name_lists import listed_names

    doc = nlp("The lions and the mighty Ostravin welcomed the agreement.")
    mentions = made_up.actors.resolve(doc, DATE)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert [a.code for a in listed_names(subject, mentions)] == []  # one actor only: nothing to repair


def test_roles_in_a_list_of_countries_are_distributed(made_up) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(made_up, "Lawmakers and officials in Vardia and Kelmor welcomed the agreement with Pelland.")
    assert {("VRDLEG", "PLL"), ("VRDGOV", "PLL"), ("KLMLEG", "PLL"), ("KLMGOV", "PLL")} <= pairs


def test_a_plain_apposition_is_no_list(nlp, made_up) -> None:  # type: ignore[no-untyped-def]
    """Without a coordinator the words are no list ("Vardia, the old enemy of Kelmor, ...")."""
    from eventwire.events.name_lists import subject_list

    doc = nlp("Vardia, the old enemy of Kelmor, welcomed the agreement.")
    mentions = made_up.actors.resolve(doc, DATE)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert subject_list(subject, mentions) == []


def test_target_preposition_on_the_subjects_own_object(nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH's "* THEIR ^ ABOUT +": 'about Y' names the target when the object is the subject's own, even when
    the parse hangs 'about' on that object; another actor's people stay the target."""
    from eventwire.coding import Coder
    from eventwire.events.lexicon import Lexicon, Pattern
    from eventwire.model import Article

    coder = Coder(nlp)
    coder.extractor.lexicon = Lexicon([Pattern("warn", "VERB", "", "", "130", "warn"),
                                       Pattern("warn", "VERB", "about", "", "130", "warn about", role="prep")])

    def pairs(text: str) -> set[tuple[str | None, str | None]]:
        events = coder.code(Article(text=text, date=DATE)).events
        return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}

    assert pairs("The Chilean government warned its people about the Peruvian army.") == {("CHLGOV", "PERMIL")}
    assert pairs("Chile warned the population of Bolivia about Peru.") == {("CHL", "BOLCVL")}


def test_imported_entry_beats_the_shipped_one_in_the_same_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    """A user's imported 'European Union' beats the shipped 'The European Union' (one word longer only by its
    article) and the shipped 'EU' of the same phrase."""
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.importer import read_actor_file
    from eventwire.actors.resolver import ActorResolver

    shipped = ActorResolver(nlp)
    imported = ActorResolver(nlp, default_dictionary().extended(
        read_actor_file("x.actors.txt", text="EUROPEAN_UNION [IGOEEU]\n"), name="test"))
    doc = nlp("Chile and the European Union (EU) agreed on Monday.")
    codes = {a.code for a in shipped.resolve(doc, DATE).by_head.values()}
    assert "EU" in codes and "IGOEEU" not in codes
    assert "IGOEEU" in {a.code for a in imported.resolve(doc, DATE).by_head.values()}


def test_petrarch_suites_give_an_actor_only_the_country_its_phrase_names(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH does not infer an actor's country from the sentence: "students" stays ---EDU in a suite."""
    import json

    from eventwire.evaluation.gold import read_gold
    from eventwire.evaluation.runner import _coder_for, predict

    d = tmp_path / "dictionaries"
    d.mkdir()
    (d / "PETR.Validate.actors.txt").write_text("ZORBLAND [ZRB]\n")
    (d / "PETR.Validate.agents.txt").write_text("POLICE {} [~COP]\nSTUDENT [~EDU]\n")
    (d / "PETR.Validate.verbs.txt").write_text("--- ARREST  [173]  ---\nARREST\n")
    rec = {"id": "T-1", "text": "Zorbland police arrested students on Monday.", "date": "20100101",
           "expected": [{"source": "ZRBCOP", "target": "---EDU", "code": "173"}], "expect_no_event": False,
           "category": "AGENT"}
    (tmp_path / "dev.jsonl").write_text(json.dumps(rec) + "\n")
    gold = read_gold(tmp_path / "dev.jsonl")
    events = predict(gold, _coder_for(gold, nlp))[0]
    assert [(e.source.code, e.target.code) for e in events] == [("ZRBCOP", "---EDU")]


def test_an_imported_country_beats_a_person_label_over_an_adjective(made_up) -> None:  # type: ignore[no-untyped-def]
    """spaCy reads "Evil Ostravin" as a person's name; the user's dictionary knows Ostravin as a country."""
    assert ("OST", "PLL") in _pairs(made_up, "Evil Ostravin condemned the attack on Pelland.")
    pairs = _pairs(made_up, "Cruel Kelmor, the old Vardia, and good Pelland praised the accord with Ostravin.")
    assert {("KLM", "OST"), ("VRD", "OST"), ("PLL", "OST")} <= pairs


def test_petrarch_regular_verb_forms() -> None:
    from eventwire.evaluation._petrarch_verbs import exact_forms, regular_forms

    assert regular_forms("DEPART") == ["depart", "departs", "departed", "departing"]
    assert regular_forms("pose") == ["pose", "poses", "posed", "posing"]
    assert regular_forms("reach") == ["reach", "reaches", "reached", "reaching"]
    assert regular_forms("deny") == ["deny", "denies", "denied", "denying"]
    assert regular_forms("obey")[1:3] == ["obeys", "obeyed"]
    assert exact_forms("REGRET", "REGRETTED REGRETS").split("|")[-1] == "regretted"


def test_imported_verbs_match_only_their_petrarch_forms(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """With ``by_form`` a base verb line lists the forms PETRARCH matches: a misspelt ending is no match."""
    from eventwire.evaluation._petrarch_verbs import convert_verbs

    path = tmp_path / "x.verbs.txt"
    path.write_text("VERB PATTERNS\n--- LEAVE_OFF [032]  ---\nLEAVE_OFF\n--- QUIT [032] ---\nQUIT {QUITS QUITTING}\n",
                    encoding="latin-1")
    rows = {r[0]: r[8] for r in convert_verbs(path, nlp, all_synonyms=True, by_form=True)}
    assert "quitting" in rows["quit"].split("|") and "quites" not in rows["quit"].split("|")
    assert {r[0]: r[8] for r in convert_verbs(path, nlp, all_synonyms=True)}["quit"] == ""  # default: by lemma


def test_a_pattern_adjective_right_after_the_verb(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH's ``RENEW * DIPLOMATIC`` matches "renewed diplomatic ties": the adjective that follows the verb."""
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.importer import read_actor_file
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_verbs

    (tmp_path / "x.verbs.txt").write_text("VERB PATTERNS\n--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064]\n",
                                         encoding="latin-1")
    dictionary = default_dictionary().extended(read_actor_file("x.actors.txt", text=NAMES), name="test")
    coder = with_petrarch_verbs(Coder(nlp, dictionary=dictionary), tmp_path)
    assert ("VRD", "KLM") in _pairs(coder, "Vardia renewed diplomatic ties with Kelmor after a long break.")
    assert not _pairs(coder, "Vardia renewed its ties with Kelmor after a long break.")


def _suite_coder(tmp_path, nlp, verbs: str):  # type: ignore[no-untyped-def]
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.importer import read_actor_file
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import with_petrarch_verbs

    (tmp_path / "x.verbs.txt").write_text("VERB PATTERNS\n" + verbs, encoding="latin-1")
    dictionary = default_dictionary().extended(read_actor_file("x.actors.txt", text=NAMES), name="test")
    return with_petrarch_verbs(Coder(nlp, dictionary=dictionary), tmp_path)


def test_a_pattern_word_before_the_verb_may_be_its_governing_verb(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """``DOUBT: BEGUN * [111]`` matches "has begun to doubt" (the word before the verb, "to" aside)."""
    coder = _suite_coder(tmp_path, nlp, "--- DOUBT [---] ---\nDOUBT\n- BEGUN * [111]\n")
    assert ("VRD", "KLM") in _pairs(coder, "Vardia has begun to doubt Kelmor.")
    assert not _pairs(coder, "Vardia doubts Kelmor.")


def test_a_to_infinitive_pattern(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """``START * (TO DOUBT) [111]``: the infinitive's verb fills the pattern's "to" object, no other verb does."""
    coder = _suite_coder(tmp_path, nlp, "--- START [---] ---\nSTART\n- * (TO DOUBT) [111]\n")
    assert ("VRD", "KLM") in _pairs(coder, "Vardia has started to doubt Kelmor.")
    assert not _pairs(coder, "Vardia has started to praise Kelmor.")


def test_a_pattern_with_the_subject_as_target(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    """``+ * FROM $``: the words before the verb are the target, the phrase after the pattern the source."""
    from eventwire.evaluation._petrarch_verbs import subject_is_target

    assert subject_is_target(" + ", " MONEY $ ") and subject_is_target("+ HAS", " (FROM $)")
    assert not subject_is_target(" ", " MONEY $ ") and not subject_is_target("+", " MONEY ")
    coder = _suite_coder(tmp_path, nlp, "--- RESCUE [---] ---\nRESCUE\n- + * FROM $ [066]\n")
    assert ("KLM", "VRD") in _pairs(coder, "Vardia was rescued from Kelmor after a long siege.")


def test_imported_agents_compose_and_are_shared_across_a_coordination(nlp) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH appends every agent of a phrase ("Vardian rebel media": REB then MED), and the modifiers shared
    by a coordination give their agents to each conjunct ("... media and government")."""
    from eventwire.actors.dictionary import default_dictionary
    from eventwire.actors.importer import read_actor_file
    from eventwire.actors.resolver import composed_roles
    from eventwire.coding import Coder
    from eventwire.evaluation.petrarch_dicts import _set_role_words

    assert composed_roles([(2, 1, "MED"), (0, 1, "REB"), (0, 2, "XYZ")]) == "XYZMED"
    assert composed_roles([(1, 1, "MED"), (0, 1, "REB")]) == "REBMED"
    names = NAMES + "VARDIAN [VRD]\n"
    dictionary = default_dictionary().extended(read_actor_file("x.actors.txt", text=names), name="test")
    coder = Coder(nlp, dictionary=dictionary)
    _set_role_words(coder.actors, {"media": "MED", "government": "GOV", "rebel": "REB"})
    coder.actors.role_inflections = False
    coder.actors.compose_roles = True
    pairs = _pairs(coder, "The Vardian rebel media and government condemned Kelmor.")
    assert {("VRDREBMED", "KLM"), ("VRDREBGOV", "KLM")} <= pairs
