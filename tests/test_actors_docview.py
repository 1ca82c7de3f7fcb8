"""The per-doc token lists the resolver reads instead of Token objects must equal spaCy's own attributes."""

from __future__ import annotations


def test_doc_view_matches_token_attributes(nlp):
    from eventwire.actors.docview import DocView, StringMemo

    doc = nlp("MOSCOW, Nov 8 (Reuters) - Russian President Vladimir Putin told reporters in Moscow that he -- "
              "and Ukraine's army -- were \u201cready\u201d. Officials said: talks [in Geneva] failed.")
    v = DocView(doc, StringMemo(nlp.vocab.strings))
    assert v.text == [t.text for t in doc]
    assert v.lower == [t.lower_ for t in doc]
    assert v.lemma == [t.lemma_.lower() for t in doc]
    assert v.pos == [t.pos_ for t in doc]
    assert v.dep == [t.dep_ for t in doc]
    assert v.heads == [t.head.i for t in doc]
    assert v.kids == [[c.i for c in t.children] for t in doc]
    assert v.is_punct == [t.is_punct for t in doc]
    assert v.is_bracket == [t.is_bracket for t in doc]
    assert v.space == [bool(t.whitespace_) for t in doc]
    assert [(e.start, e.end, e.label_) for e in v.ents] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_doc_view_of_an_empty_doc(nlp):
    from eventwire.actors.docview import DocView, StringMemo

    v = DocView(nlp(""), StringMemo(nlp.vocab.strings))
    assert v.text == [] and v.heads == [] and v.kids == []


def test_resolving_a_changed_doc_again_uses_its_new_tokens(nlp):
    import datetime as dt

    from eventwire.actors.resolver import ActorResolver

    r = ActorResolver(nlp)
    doc = nlp("Vladimir Putin met officials.")
    first = r.resolve(doc, dt.date(2024, 11, 8))
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    second = r.resolve(doc, dt.date(2024, 11, 8))
    assert first.by_head[3].text == "officials"  # before the merge: Vladimir(0) Putin(1) met(2) officials(3)
    assert 3 not in second.by_head and second.by_head[2].text == "officials"  # after: "Vladimir Putin" is token 0
