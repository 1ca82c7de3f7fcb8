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


def test_agentless_passive_takes_the_place_as_its_source(code_text):
    found = _summary(code_text("Two Peruvian journalists were arrested in Bolivia on Monday."))
    assert [(s[0], s[1][:2], s[3][:3]) for s in found] == [("BOL", "17", "PER")]


def test_unnamed_bomber_is_the_place_and_an_explosive_device_is_a_bombing(code_text):
    found = _summary(code_text("Four Kenyan soldiers were killed by an explosive device near the Somali town of Kismayo."))
    assert found == [("SOM", "183", "ASSAULT", "KENMIL", "asserted")]


@pytest.mark.parametrize("text", ["Floods have killed six people in Italy.",  # an active subject that is no actor
                                  # a participle modifying a noun: background, not the sentence's event
                                  "Three Chilean fans detained in Lima were shown to reporters on Tuesday.",
                                  "Four farmers were killed in Ethiopian army shelling."])  # an event noun, no place
def test_no_place_source(code_text, text):
    assert not [e for e in code_text(text) if "where it happened" in e.evidence.get("source_rule", "")]


def test_place_source_is_explained(code_text):
    (event,) = code_text("Two Peruvian journalists were arrested in Bolivia on Monday.")
    assert event.evidence["source_rule"] == "the country where it happened (no doer named)"
    assert event.source.sector is None and event.source.text == "Bolivia"


@pytest.mark.parametrize("text,pair", [
    (("Following the publication of the Review of Fisheries Policy, Norway and Iceland have agreed to resume "
      "talks."), {"NOR", "ISL"}),
    (("Following the collapse of the Framework Agreement on Maritime Security, Chile and Peru have agreed to resume "
      "talks."), {"CHL", "PER"})])
def test_subject_swallowed_by_a_fronted_phrase_is_repaired(code_text, text, pair):
    from eventwire.events.fronting import fronted_subject
    from eventwire.nlp import load_pipeline

    doc = load_pipeline()(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert fronted_subject(root) is not None  # the parse did attach the subject inside the fronted phrase
    found = _summary(code_text(text))
    a, b = sorted(pair)
    assert {(s[0], s[3]) for s in found if s[1] == "036"} == {(a, b), (b, a)}  # both subjects, each way


def test_a_fronted_with_phrase_is_no_pattern_preposition(code_text):
    found = _summary(code_text("With the end of the rainy season, Kenya agreed to meet Uganda."))
    assert found == [("KEN", "036", "AGREE", "UGA", "intended")]  # not "agree with" (030) as well


@pytest.mark.parametrize("text,code", [("Ethiopia is opposed to Kenyan mediation in the dispute with Eritrea.", "126"),
                                       ("Ethiopia is opposed to the Kenyan plan.", "120")])
def test_being_opposed_to_is_the_subjects_rejection(code_text, text, code):
    assert ("ETH", code, "REJECT", "KEN", "asserted") in _summary(code_text(text))


def test_human_shields(code_text):
    found = _summary(code_text("Sudanese troops have been using villagers as human shields."))
    assert found == [("SDNMIL", "184", "ASSAULT", "SDNCVL", "asserted")]


def test_each_of_a_coordinated_of_list_is_a_target(code_text):
    found = _summary(code_text("Soldiers in Ghana have tortured scores of Togolese and Nigerien migrants."))
    assert {s[3] for s in found if s[1] == "1822"} == {"TGOCVL", "NERCVL"}


def test_an_ambiguous_place_takes_the_country_the_article_names(resolver, nlp):
    import datetime as dt

    def country_of_tripoli(text):
        doc = nlp(text)
        mentions = resolver.resolve(doc, dt.date(2024, 11, 8))
        return next(e.code for s, e_, e in mentions.spans if doc[s:e_].text == "Tripoli")

    assert country_of_tripoli("Gunmen attacked the army in Tripoli, the Lebanese army said.") == "LBN"
    assert country_of_tripoli("Gunmen attacked the army in Tripoli on Monday.").startswith("LBY")
    # the dictionary's country named too: no reason to move
    assert country_of_tripoli("Libya said gunmen attacked Lebanese troops in Tripoli.").startswith("LBY")


def test_ambiguous_places_table_is_valid():
    from eventwire.actors.ambiguity import ambiguous_places

    table = ambiguous_places()
    assert table["tripoli"] == "LBN" and all(len(c) == 3 and c.isupper() for c in table.values())


def test_a_misspelt_well_known_name_is_that_person(resolver, nlp):
    import datetime as dt

    doc = nlp("Angela Merkell met Uhuru Kenyatta in Berlin.")
    mentions = resolver.resolve(doc, dt.date(2015, 6, 1))
    actor = mentions.get(next(t for t in doc if t.text == "Merkell"))
    assert actor is not None and actor.code == "DEUGOV" and actor.name == "Angela Merkel"


@pytest.mark.parametrize("name", ["Angela Merkl", "Angela Merkel", "Angelo Merkell"])
def test_misspelt_person_needs_a_long_surname_one_edit_away_and_the_same_first_name(resolver, name):
    from eventwire.actors.misspellings import misspelt_person
    from eventwire.actors.resolver import _one_edit

    # too short to be sure / spelt right (the dictionary knows it) / another first name
    assert misspelt_person(resolver.dictionary, name, None, _one_edit) is None


def test_a_partitive_object_passes_the_pattern_object_on(code_text):
    found = _summary(code_text("Japan suspended part of its economic aid to Myanmar."))
    assert ("JPN", "162", "SANCTION", "MMR", "asserted") in found


def test_partitive_of_only_for_partitive_nouns(nlp):
    from eventwire.events.partitives import partitive_of

    doc = nlp("Japan suspended part of its aid. Japan suspended the delivery of its aid.")
    aids = [t for t in doc if t.lower_ == "aid"]
    assert [partitive_of(t) for t in aids] == [True, False]


@pytest.mark.parametrize("phrase", ["official contact", "military aid"])
def test_a_role_word_used_as_an_adjective_is_no_actor(resolver, nlp, phrase):
    import datetime as dt

    doc = nlp(f"Chile suspended all {phrase} with Peru.")
    mentions = resolver.resolve(doc, dt.date(2024, 11, 8))
    head = next(t for t in doc if t.text == phrase.split()[-1])
    assert mentions.get(head) is None


def test_a_role_noun_with_an_adjective_stays_an_actor(resolver, nlp):
    import datetime as dt

    doc = nlp("Senior officials and military commanders met in Lima.")
    mentions = resolver.resolve(doc, dt.date(2024, 11, 8))
    assert [mentions.get(t).code for t in doc if t.lower_ in ("officials", "commanders")] == ["---GOV", "---MIL"]
