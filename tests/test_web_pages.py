"""The HTML pages in-process: search, event page with the highlighted sentence, charts' pages, errors as HTML;
the serve/demo commands; the package ships its templates and assets."""

from __future__ import annotations

import re
from importlib import resources

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from test_web_support import filled_client

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

HTML = {"Accept": "text/html"}


@pytest.fixture
def client(tmp_path):
    yield from filled_client(str(tmp_path / "pages.db"), WebSettings(read_only=True))


def rows(html: str) -> list[str]:
    return re.findall(r'<a class="event-link" href="/events/(ev_[0-9a-f]+)">', html)


def test_web_page_search_lists_and_filters(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert len(rows(page.text)) == 7 and "7 matching events" in page.text
    filtered = client.get("/", params={"actor": "UKR", "role": "target", "since": "", "quad_class": ""})
    assert len(rows(filtered.text)) == 1 and "Russian forces attacked Ukraine." in filtered.text
    none = client.get("/", params={"q": "no such words"})
    assert rows(none.text) == [] and "No events match" in none.text


def test_web_page_search_escapes_user_input(client):
    page = client.get("/", params={"q": '<script>alert("x")</script>'})
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text


def test_web_page_search_bad_filter_is_an_html_error(client):
    page = client.get("/", params={"since": "last week"}, headers=HTML)
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "YYYY-MM-DD" in page.text and "Traceback" not in page.text
    assert client.get("/", params={"quad_class": "9"}, headers=HTML).status_code == 400


def test_web_page_event_highlights_sentence_and_explains(client):
    eid = client.get("/api/events", params={"cameo": "111"}).json()["events"][0]["id"]
    page = client.get(f"/events/{eid}").text
    mark = re.search(r'<mark id="highlight" class="event-sentence">(.*?)</mark>', page, re.DOTALL).group(1)
    assert re.sub(r"<[^>]+>", "", mark) == "Russia condemned the United States."
    assert '<span class="actor-source">Russia</span>' in mark
    assert '<span class="actor-target">the United States</span>' in mark
    # the rest of the article is there, unhighlighted
    assert "The United States imposed sanctions on Russia on Monday." in page
    assert "Russian Federation" in page and "United States" in page  # source/target in words
    assert "CAMEO 111" in page and "verbal conflict" in page
    assert "explicit date" in page and "on Monday" in page
    assert "We will respond" in page and "unidentified speaker" in page  # the quote of that sentence


def test_web_page_event_404_html(client):
    page = client.get("/events/ev_nope", headers=HTML)
    assert page.status_code == 404 and "no event with id" in page.text and "<html" in page.text


@pytest.mark.parametrize("path,marker", [("/dyads?a=USA&b=RUS&period=month", 'id="dyad-chart"'),
                                         ("/network?cameo=19", 'id="network-chart"'),
                                         ("/code", 'id="code-form"')])
def test_web_pages_render(client, path, marker):
    page = client.get(path)
    assert page.status_code == 200 and marker in page.text


def test_web_page_dyads_date_bounds(client):
    page = client.get("/dyads", params={"a": "USA", "b": "RUS", "since": "2024-11-10", "until": ""}).text
    assert 'data-since="2024-11-10"' in page and 'data-until=""' in page
    assert client.get("/dyads", params={"since": "soon"}, headers=HTML).status_code == 400


def test_web_page_network_passes_filters_to_the_api(client):
    page = client.get("/network", params={"cameo": "19", "actor": ""}).text
    assert 'data-query="cameo=19"' in page


def test_web_static_assets_served_locally(client):
    for path in ("/static/app.js", "/static/style.css"):
        r = client.get(path)
        assert r.status_code == 200 and len(r.text) > 500
    for page in ("/", "/dyads", "/network", "/code"):
        html = client.get(page).text
        assert not re.search(r'(src|href)="(https?:)?//', html), page  # nothing from a CDN


def test_web_templates_and_assets_are_package_data():
    import tomllib
    from pathlib import Path

    web = resources.files("eventwire") / "web"
    assert (web / "templates" / "event.html").is_file() and (web / "static" / "app.js").is_file()
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    globs = pyproject["tool"]["setuptools"]["package-data"]["eventwire"]
    assert "web/templates/*.html" in globs and "web/static/*" in globs


def test_web_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/health", "/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
            "/api/dyads/series", "/api/network", "/api/quotes", "/api/code"} <= set(spec["paths"])
    assert "/" not in spec["paths"]  # pages are not API


def test_web_highlight_segments_skip_overlaps():
    from eventwire.web.pages import highlight_segments

    text = "Before. Alpha hit Beta. After."
    segs = highlight_segments(text, 8, 23, [(8, 13, "a"), (10, 12, "x"), (18, 22, "b"), (0, 3, "out")])
    assert segs[0]["text"] == "Before. " and segs[2]["text"] == " After."
    assert [(p["text"], p["cls"]) for p in segs[1]["parts"]] == [("Alpha", "a"), (" hit ", ""), ("Beta", "b"),
                                                                 (".", "")]


def test_web_cli_serve_rejects_bad_settings(run_cli, tmp_path):
    short = tmp_path / "token"
    short.write_text("short\n")
    code, _out, err = run_cli("serve", "--db", str(tmp_path / "x.db"), "--token-file", str(short))
    assert code == 2 and "16 characters" in err
    code, _out, err = run_cli("serve", "--db", str(tmp_path / "missing.db"), "--read-only", "--no-warm")
    assert code != 0 and "no database" in err and "Traceback" not in err


def test_web_cli_help_lists_serve_and_demo(run_cli):
    code, out, _err = run_cli("--help")
    assert code == 0 and "serve" in out and "demo" in out


@pytest.mark.slow
def test_web_demo_database_from_examples(tmp_path, coder):
    from eventwire.web.demo import build_demo_db, example_articles

    arts = example_articles()
    assert len(arts) >= 4 and all(a.date for a in arts)
    db = str(tmp_path / "demo.db")
    counts = build_demo_db(db, coder=coder)
    assert counts["articles"] == len(arts) and counts["events"] >= 20
    again = build_demo_db(db, coder=coder)  # idempotent: a second run adds a run record, nothing else
    assert {k: v for k, v in again.items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}


def test_web_page_event_place_and_only_http_source_links(tmp_path):
    import datetime as dt

    from eventwire.model import Actor, Article, CodedArticle, Event, Place, Sentence

    path = str(tmp_path / "url.db")
    text = "Turkey condemned Israel."
    event = Event(article_id="evil", sentence_index=0, sentence=text, source=Actor("TUR", "Turkey", start=0, end=6),
                  target=Actor("ISR", "Israel", start=17, end=23), cameo="111",
                  place=Place("Ankara", "TUR", how="gazetteer"))
    with Store(path) as store:
        run = store.start_run({}, "test")
        store.save(CodedArticle(Article(text, dt.date(2025, 1, 10), id="evil", url="javascript:alert(1)"), text,
                                (Sentence(0, text, 0, len(text)),), (event,)), run)
    app = create_app(path, WebSettings())
    page = TestClient(app).get(f"/events/{event.id}").text
    app.state.store.close()
    assert "javascript:" not in page and 'id="highlight"' in page
    assert "Ankara (TUR)" in page and "found by gazetteer" in page
