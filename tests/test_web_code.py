"""POST /api/code: coding posted text or HTML, storing it only with the token, size limits, bad bodies."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from test_web_support import TOKEN, assert_error_shape, fill

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Turkey condemned Israel on Monday. Russia and China met in Beijing."


class ExplodingCoder:
    """For paths that must be refused before any coding happens."""

    def code(self, article):  # pragma: no cover - must not be called
        raise AssertionError("coded although the request should have been refused")


@pytest.fixture
def make_client(tmp_path):
    path = str(tmp_path / "code.db")
    with Store(path) as store:
        fill(store)
    apps = []

    def make(coder, **settings):
        settings.setdefault("token", TOKEN)
        app = create_app(path, WebSettings(**settings), coder=coder)
        apps.append(app)
        return TestClient(app, raise_server_exceptions=False)

    yield make
    for app in apps:
        app.state.store.close()


@pytest.mark.slow
def test_web_code_text_without_storing(make_client, coder):
    client = make_client(coder)
    r = client.post("/api/code", json={"text": TEXT, "date": "2025-01-10"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["article_id"].startswith("sha1:")
    condemn = next(e for e in body["events"] if e["cameo"] == "111")
    assert (condemn["source"]["code"], condemn["target"]["code"], condemn["date"]) == ("TUR", "ISR", "2025-01-06")
    assert condemn["explanation"]["target"]["description"] == "Israel"
    s = body["sentences"][condemn["sentence_index"]]
    assert body["text"][s["start"]:s["end"]] == condemn["sentence"]
    assert client.get("/api/health").json()["articles"] == 3  # nothing stored


@pytest.mark.slow
def test_web_code_html(make_client, coder):
    html = ("<html><head><title>Wire</title></head><body><article><h1>Talks</h1><p>Turkey condemned Israel on "
            "Monday, officials said in a statement issued in Ankara after a cabinet meeting.</p></article></body></html>")
    body = make_client(coder).post("/api/code", json={"text": html, "date": "2025-01-10"}).json()
    assert any(e["cameo"] == "111" for e in body["events"])
    assert "<p>" not in body["text"]


@pytest.mark.slow
def test_web_code_and_store_with_token(make_client, coder):
    client = make_client(coder)
    r = client.post("/api/code", json={"text": TEXT, "date": "2025-01-10", "store": True, "id": "posted-1"},
                    headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True and r.json()["article_id"] == "posted-1"
    stored = client.get("/api/events", params={"article": "posted-1"}).json()
    assert stored["total"] == len(r.json()["events"]) > 0
    assert client.get("/api/health").json()["articles"] == 4


def test_web_code_store_needs_token(make_client):
    client = make_client(ExplodingCoder())
    body = assert_error_shape(client.post("/api/code", json={"text": TEXT, "store": True}), 401)
    assert "token" in body["error"]
    assert_error_shape(client.post("/api/code", json={"text": TEXT, "store": True},
                                   headers={"Authorization": "Bearer not-the-right-token"}), 403)


def test_web_code_store_refused_without_configured_token(make_client):
    client = make_client(ExplodingCoder(), token=None)
    body = assert_error_shape(client.post("/api/code", json={"text": TEXT, "store": True}, headers=AUTH), 403)
    assert "no API token" in body["error"]


def test_web_code_store_refused_when_read_only(make_client):
    client = make_client(ExplodingCoder(), read_only=True)
    body = assert_error_shape(client.post("/api/code", json={"text": TEXT, "store": True}, headers=AUTH), 403)
    assert "read-only" in body["error"]


@pytest.mark.parametrize("payload", [
    {}, {"text": ""}, {"text": 5}, {"text": TEXT, "date": "10/01/2025"}, {"text": TEXT, "store": "perhaps"},
    [TEXT],
])
def test_web_code_invalid_body_422(make_client, payload):
    client = make_client(ExplodingCoder(), max_body_bytes=10_000_000)
    assert_error_shape(client.post("/api/code", json=payload), 422)


def test_web_code_not_json_415_or_422(make_client):
    client = make_client(ExplodingCoder())
    assert_error_shape(client.post("/api/code", content=b"text=hello",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"}), 415)
    assert_error_shape(client.post("/api/code", content=b"{not json", headers={"Content-Type": "application/json"}),
                       422)


def test_web_code_body_too_large_413(make_client):
    client = make_client(ExplodingCoder(), max_body_bytes=1000)
    body = assert_error_shape(client.post("/api/code", json={"text": "x" * 5000}), 413)
    assert "1,000 bytes" in body["error"]


def test_web_code_streamed_body_too_large_413(make_client):
    client = make_client(ExplodingCoder(), max_body_bytes=1000)

    def chunks():  # no Content-Length: the limit is enforced while the body arrives
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    assert_error_shape(client.post("/api/code", content=chunks(), headers={"Content-Type": "application/json"}),
                       413)


def test_web_code_text_limit_setting(make_client):
    client = make_client(ExplodingCoder(), max_text_chars=100)
    body = assert_error_shape(client.post("/api/code", json={"text": "y" * 150}), 413)
    assert "100 characters" in body["error"]


def test_web_code_get_not_allowed(make_client):
    assert_error_shape(make_client(ExplodingCoder()).get("/api/code"), 405)
