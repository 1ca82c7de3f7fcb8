"""Shared helpers for the web tests (no tests here): a small hand-built database (no spaCy model needed) and the
error-shape check."""

from __future__ import annotations

import datetime as dt

from eventwire.model import Actor, Article, CodedArticle, Event, Quote, Sentence

TOKEN = "test-token-0123456789abcdef"


def _actor(text: str, code: str, article: str, name: str | None = None, offset: int = 0) -> Actor:
    start = article.index(text, offset)
    return Actor(code=code, text=text, country=code[:3], sector=code[3:6] or None, name=name or text, start=start,
                 end=start + len(text), how="test")


def _article(aid: str, date: str, sentences: list[str], specs: list[tuple], quotes: tuple[Quote, ...] = ()
             ) -> CodedArticle:
    text = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        start = text.index(s, pos)
        sents.append(Sentence(i, s, start, start + len(s)))
        pos = start + len(s)
    events = []
    for (idx, src, src_code, cameo, tgt, tgt_code, quad, gold, plover, ev_date, modality) in specs:
        at = sents[idx].start
        events.append(Event(article_id=aid, sentence_index=idx, sentence=sentences[idx],
                            source=_actor(src, src_code, text, offset=at),
                            target=_actor(tgt, tgt_code, text, offset=at), cameo=cameo,
                            plover=plover, modality=modality, date=ev_date, date_precision="day",
                            date_basis="explicit", date_text="on Monday", quad_class=quad, goldstein=gold,
                            trigger="x", attributed_to=_actor(src, src_code, text, offset=at) if modality == "reported" else None))
    art = Article(text=text, date=dt.date.fromisoformat(date), id=aid, source="Test Wire", title=f"Story {aid}",
                  url=f"https://example.org/{aid}")
    return CodedArticle(art, text, tuple(sents), tuple(events), quotes)


def articles() -> list[CodedArticle]:
    """Three articles, seven events: USA↔RUS over three weeks (cooperation and conflict), plus CHN and UKR."""
    a1 = _article("wire/one", "2024-11-04", [
        "The United States imposed sanctions on Russia on Monday.",
        "Russia condemned the United States.",
        "China praised Russia.",
    ], [
        (0, "The United States", "USAGOV", "163", "Russia", "RUS", 4, -8.0, "SANCTION", "2024-11-04", "asserted"),
        (1, "Russia", "RUS", "111", "the United States", "USA", 3, -2.0, "ACCUSE", "2024-11-04", "asserted"),
        (2, "China", "CHN", "051", "Russia", "RUS", 1, 3.4, "SUPPORT", "2024-11-05", "asserted"),
    ], quotes=(Quote(text="We will respond", speaker=None, direct=True, verb="said", sentence_indices=(1,)),))
    a2 = _article("wire/two", "2024-11-13", [
        "Russia and the United States met in Geneva.",
        "Russian forces attacked Ukraine.",
    ], [
        (0, "Russia", "RUSGOV", "036", "the United States", "USAGOV", 1, 4.0, "CONSULT", "2024-11-12", "asserted"),
        (1, "Russian forces", "RUSMIL", "190", "Ukraine", "UKR", 4, -10.0, "ASSAULT", "2024-11-13", "reported"),
    ])
    a3 = _article("wire/three", "2024-11-25", [
        "The United States agreed to talks with Russia.",
        "Ukraine demanded weapons from the United States.",
    ], [
        (0, "The United States", "USAGOV", "030", "Russia", "RUSGOV", 1, 3.0, "AGREE", "2024-11-25", "intended"),
        (1, "Ukraine", "UKRGOV", "101", "the United States", "USA", 1, -2.0, "REQUEST", "2024-11-26", "demanded"),
    ])
    return [a1, a2, a3]


def fill(store) -> None:  # type: ignore[no-untyped-def]
    run = store.start_run({"eventwire": "test", "model": "none", "dictionaries": "test", "lexicon": "test"}, "test")
    for coded in articles():
        store.save(coded, run)
    store.finish_run(run, coded=3, unchanged=0, failed=0, events=7)


def filled_client(path: str, settings):  # type: ignore[no-untyped-def]
    """A TestClient on an app over a new store at ``path`` holding the three test articles; yields it, then closes
    the store (use with ``yield from`` in a fixture)."""
    from fastapi.testclient import TestClient

    from eventwire.store import Store
    from eventwire.web import create_app

    with Store(path) as store:
        fill(store)
    app = create_app(path, settings)
    yield TestClient(app, raise_server_exceptions=False)
    app.state.store.close()


def assert_error_shape(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    """The canonical error document, and no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "status", "error", "errors"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body
