"""The event linker: several outlets reporting one summit, incremental and stable ids, ECB+ scoring."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.stories.linker import Document, EventLinker, Mention, document_from_coded

ARTICLES = Path(__file__).parent / "data" / "stories" / "articles.jsonl"
pytestmark = pytest.mark.slow


def load_articles() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def coded_fixture(coder):
    out = []
    for a in load_articles():
        art = Article(text=a["text"], date=dt.date.fromisoformat(a["date"]), id=a["id"], source=a["source"],
                      title=a["title"])
        out.append(coder.code(art))
    return out


def _linked(nlp, coded):
    linker = EventLinker(nlp)
    for c in coded:
        linker.add(document_from_coded(c))
    return linker


def test_summit_reported_by_three_outlets_is_one_cluster_keeping_every_report(nlp, coded_fixture):
    linker = _linked(nlp, coded_fixture)
    met = next(e for c in coded_fixture if c.article.id == "summit-wire-a" for e in c.events if e.trigger == "met")
    cluster = linker.cluster_of(met.id)
    docs = {m.doc_id for m in cluster.mentions}
    assert {"summit-wire-a", "summit-wire-b", "summit-wire-c"} <= docs
    assert not docs & {"other-summit-berlin", "other-summit-delhi"}  # other meetings, same day or same actor
    assert all(m.sentence for m in cluster.mentions)  # every report keeps its evidence sentence
    triggers = {m.trigger for m in cluster.mentions}
    assert {"met", "welcomed", "held"} <= triggers


def test_other_summits_stay_apart(nlp, coded_fixture):
    linker = _linked(nlp, coded_fixture)
    by_doc = {}
    for cl in linker.clusters():
        for m in cl.mentions:
            by_doc.setdefault(cl.id, set()).add(m.doc_id)
    for docs in by_doc.values():
        assert not ({"other-summit-berlin"} & docs and docs - {"other-summit-berlin"})
        assert not ({"other-summit-delhi"} & docs and docs - {"other-summit-delhi"})


def test_incremental_ids_are_stable_and_readding_is_a_no_op(nlp, coded_fixture):
    docs = [document_from_coded(c) for c in coded_fixture]
    full = EventLinker(nlp)
    for d in docs:
        full.add(d)
    part = EventLinker(nlp)
    for d in docs[:3]:
        part.add(d)
    early = part.assignment()
    for d in docs[3:]:
        part.add(d)
    part.add(docs[0])  # again
    later = part.assignment()
    assert all(later[m] == cid for m, cid in early.items())  # nothing already linked is renamed
    assert later == full.assignment()


def _doc(doc_id: str, date: str, text: str = "Officials met in the capital.") -> Document:
    m = Mention(id=doc_id + ":m", doc_id=doc_id, start=10, end=13, trigger="met", sentence=text,
                actors=("RUSGOV", "CHNGOV"), date=date, code="040")
    return Document(id=doc_id, text=text, mentions=(m,), date=date)


def test_same_dyad_and_type_weeks_apart_are_different_events(nlp):
    linker = EventLinker(nlp)
    a = linker.add(_doc("d1", "2025-05-08"))["d1:m"]
    b = linker.add(_doc("d2", "2025-05-09"))["d2:m"]
    c = linker.add(_doc("d3", "2025-06-20"))["d3:m"]
    assert a == b != c


def test_ecbplus_scoring_runs_linker_and_baseline(nlp, shared_eval):
    from eventwire.stories.ecbplus import evaluate_corpus, read_ecbplus

    corpus = read_ecbplus(shared_eval / "ecbplus-event-coref" / "dev.jsonl", limit=30)
    result = evaluate_corpus(corpus, nlp)
    for system in ("linker", "same_lemma_baseline"):
        s = result[system]
        assert 0 < s["conll_f1"] <= 1
        assert s["conll_f1"] == pytest.approx((s["muc"]["f1"] + s["b3"]["f1"] + s["ceafe"]["f1"]) / 3, abs=1e-3)


def test_evaluate_command_recognises_ecbplus(run_cli, tmp_path):
    rec = {"id": "1_1ecb", "text": "Police arrested a man.\nThe arrest came late.", "date": None, "topic": "1",
           "subtopic": "1_ecb", "url": None, "coref_sentences": [0, 1], "event_mentions": [
               {"sentence_index": 0, "start": 7, "end": 15, "text": "arrested", "cluster": "A", "m_id": "1",
                "tag": "ACTION_OCCURRENCE", "in_coref_sentence": True},
               {"sentence_index": 1, "start": 27, "end": 33, "text": "arrest", "cluster": "A", "m_id": "2",
                "tag": "ACTION_OCCURRENCE", "in_coref_sentence": True}]}
    rec2 = dict(rec, id="1_2ecb")
    path = tmp_path / "ecb.jsonl"
    path.write_text(json.dumps(rec) + "\n" + json.dumps(rec2) + "\n")
    code, out, err = run_cli("evaluate", str(path), "--format", "json")
    assert code == 0, err
    obj = json.loads(out)
    assert {"muc", "b3", "ceafe", "conll_f1"} <= set(obj)
    assert obj["conll_f1"] == 1.0  # the two arrests in two copies: one cluster
    code, out, _ = run_cli("evaluate", str(path))
    assert code == 0 and "CoNLL" in out and "same_lemma_baseline" in out


def test_state_round_trip_continues_linking_across_runs(nlp, coded_fixture):
    docs = [document_from_coded(c) for c in coded_fixture]
    full = EventLinker(nlp)
    for d in docs:
        full.add(d)
    first = EventLinker(nlp)
    for d in docs[:4]:
        first.add(d)
    state = json.loads(json.dumps(first.state()))  # what a store or a file would keep
    resumed = EventLinker.from_state(nlp, state)
    for d in docs[4:]:
        resumed.add(d)
    assert resumed.assignment() == full.assignment()
    assert resumed.story_count() == full.story_count()
