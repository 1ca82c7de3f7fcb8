"""The HTTP API in-process, on SQLite and PostgreSQL: every endpoint, every error path, the one error shape,
auth, limits, CORS."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from test_store_support import store_url  # noqa: F401  (fixture: SQLite, and PostgreSQL when configured)
from test_web_support import TOKEN, assert_error_shape, fill

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(store_url):  # noqa: F811 (the fixture imported above)
    """The test database on SQLite and, when EVENTWIRE_TEST_PG_URL is set, on PostgreSQL."""
    with Store(store_url) as store:
        fill(store)
    return store_url


@pytest.fixture
def make_client(db):
    made = []

    def make(coder=None, **settings):
        settings.setdefault("token", TOKEN)
        app = create_app(db, WebSettings(**settings), coder=coder)
        client = TestClient(app, raise_server_exceptions=False)
        made.append(app)
        return client

    yield make
    for app in made:
        app.state.store.close()


@pytest.fixture
def client(make_client):
    return make_client()


def ids(body):
    return [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in body["events"]]


# ---- reads -------------------------------------------------------------------------------------------
def test_web_health_counts(client):
    body = client.get("/api/health").json()
    assert body == {"ok": True, "events": 7, "articles": 3, "first_date": "2024-11-04",
                    "last_date": "2024-11-26", "read_only": False}


def test_web_events_default_newest_first_with_article(client):
    body = client.get("/api/events").json()
    assert body["total"] == 7 and body["limit"] == 50 and body["offset"] == 0
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    first = body["events"][0]
    assert first["article"]["id"] == "wire/three" and first["article"]["url"] == "https://example.org/wire/three"
    # the stored record is the public Event.to_dict() contract
    assert {"id", "article_id", "sentence", "source", "target", "cameo", "plover", "quad_class", "goldstein",
            "date", "date_basis", "modality", "evidence"} <= set(first)


def test_web_events_paging_is_disjoint_and_complete(client):
    seen = []
    for offset in (0, 3, 6):
        body = client.get("/api/events", params={"limit": 3, "offset": offset, "sort": "date"}).json()
        assert body["total"] == 7
        seen += [e["id"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == 7


@pytest.mark.parametrize("sort,first", [("goldstein", ("RUSMIL", "190", "UKR")),
                                        ("-goldstein", ("RUSGOV", "036", "USAGOV")),
                                        ("date", ("USAGOV", "163", "RUS"))])
def test_web_events_sorting(client, sort, first):
    body = client.get("/api/events", params={"sort": sort}).json()
    assert ids(body)[0] == first


@pytest.mark.parametrize("params,expected", [
    ({"actor": "CHN"}, {("CHN", "051", "RUS")}),
    ({"actor": "UKR", "role": "target"}, {("RUSMIL", "190", "UKR")}),
    ({"source": "USA", "target": "RUS"}, {("USAGOV", "163", "RUS"), ("USAGOV", "030", "RUSGOV")}),
    ({"actor": "russian forces"}, {("RUSMIL", "190", "UKR")}),
    ({"cameo": "19"}, {("RUSMIL", "190", "UKR")}),
    ({"plover": "sanction"}, {("USAGOV", "163", "RUS")}),
    ({"quad_class": [3, 4], "actor": "USA"}, {("USAGOV", "163", "RUS"), ("RUS", "111", "USA")}),
    ({"modality": "demanded"}, {("UKRGOV", "101", "USA")}),
    ({"since": "2024-11-13", "until": "2024-11-25"}, {("RUSMIL", "190", "UKR"), ("USAGOV", "030", "RUSGOV")}),
    ({"q": "GENEVA"}, {("RUSGOV", "036", "USAGOV")}),
    ({"article": "wire/two", "country": "UKR"}, {("RUSMIL", "190", "UKR")}),
    ({"q": "100%_"}, set()),
])
def test_web_events_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert set(ids(body)) == expected and body["total"] == len(expected)


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 501}, {"offset": -1}, {"sort": "id"}, {"since": "2024-13-01"}, {"until": "tomorrow"},
    {"cameo": "abc"}, {"quad_class": 5}, {"modality": "maybe"}, {"role": "both"}, {"q": "x" * 201},
    {"q": "nul\x00byte"}, {"country": "R"}, {"actor": ""},
])
def test_web_events_invalid_params_422(client, params):
    body = assert_error_shape(client.get("/api/events", params=params), 422)
    assert body["errors"][0]["location"].startswith("query.")


def test_web_page_size_setting_caps_limit(make_client):
    client = make_client(max_page_size=2)
    body = client.get("/api/events", params={"limit": 100}).json()
    assert body["limit"] == 2 and len(body["events"]) == 2


def test_web_one_event_explained(client):
    eid = client.get("/api/events", params={"cameo": "163"}).json()["events"][0]["id"]
    body = client.get(f"/api/events/{eid}").json()
    assert body["event"]["id"] == eid
    why = body["explanation"]
    assert why["source"]["description"] == "United States: government"
    assert why["target"]["description"] == "Russian Federation"
    assert why["action"]["quad_name"] == "material conflict" and why["action"]["name"]
    assert "explicit date" in why["date"]["words"] and "2024-11-04" in why["date"]["words"]
    assert why["summary"].startswith("United States: government → ")


def test_web_one_event_404(client):
    body = assert_error_shape(client.get("/api/events/ev_doesnotexist"), 404)
    assert "ev_doesnotexist" in body["error"]


def test_web_article_with_slash_in_id(client):
    art = client.get("/api/articles/wire/one").json()["article"]
    assert art["id"] == "wire/one" and art["title"] == "Story wire/one"
    assert [s["index"] for s in art["sentences"]] == [0, 1, 2]
    s = art["sentences"][1]
    assert art["text"][s["start"]:s["end"]] == s["text"] == "Russia condemned the United States."
    assert len(art["events"]) == 3 and art["quotes"][0]["text"] == "We will respond"


def test_web_article_404(client):
    assert_error_shape(client.get("/api/articles/nope"), 404)


def test_web_actors_autocomplete(client):
    body = client.get("/api/actors", params={"q": "rus"}).json()
    codes = [a["code"] for a in body["actors"]]
    assert codes[0] == "RUS" and set(codes) == {"RUS", "RUSGOV", "RUSMIL"}
    assert body["actors"][0]["events"] == 3 and body["actors"][0]["description"] == "Russian Federation"
    by_name = client.get("/api/actors", params={"q": "forces"}).json()["actors"]
    assert [a["code"] for a in by_name] == ["RUSMIL"]
    assert len(client.get("/api/actors", params={"limit": 2}).json()["actors"]) == 2
    assert_error_shape(client.get("/api/actors", params={"limit": 101}), 422)


def test_web_dyad_series_weekly_split_and_intensity(client):
    body = client.get("/api/dyads/series", params={"a": "USA", "b": "RUS"}).json()
    weeks = {row["period"]: row for row in body["series"]}
    assert list(weeks) == ["2024-11-04", "2024-11-11", "2024-11-18", "2024-11-25"]  # the empty week is present
    assert weeks["2024-11-04"]["material_conflict"] == 1 and weeks["2024-11-04"]["verbal_conflict"] == 1
    assert weeks["2024-11-04"]["mean_goldstein"] == -5.0
    assert weeks["2024-11-11"]["cooperation"] == 1 and weeks["2024-11-18"]["events"] == 0
    assert weeks["2024-11-18"]["mean_goldstein"] is None
    assert body["total"] == 4


def test_web_dyad_series_directed_month_and_single_actor(client):
    directed = client.get("/api/dyads/series", params={"a": "RUS", "b": "USA", "directed": True,
                                                       "period": "month"}).json()
    assert [(r["period"], r["events"], r["conflict"]) for r in directed["series"]] == [("2024-11-01", 2, 1)]
    alone = client.get("/api/dyads/series", params={"a": "UKR", "period": "day"}).json()
    assert alone["total"] == 2 and alone["series"][0]["period"] == "2024-11-13"
    assert len(alone["series"]) == 14  # every day from the 13th to the 26th


def test_web_dyad_series_errors(client):
    assert_error_shape(client.get("/api/dyads/series"), 422)
    assert_error_shape(client.get("/api/dyads/series", params={"a": "USA", "period": "year"}), 422)


def test_web_network_edges(client):
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("USA", "RUS")]["events"] == 2 and edges[("USA", "RUS")]["conflict"] == 1
    assert edges[("USA", "RUS")]["cooperation"] == 1
    assert edges[("RUS", "UKR")]["conflict"] == 1
    assert body["nodes"][0]["id"] in ("RUS", "USA")
    coded = client.get("/api/network", params={"level": "code", "cameo": "19"}).json()
    assert [(e["source"], e["target"]) for e in coded["edges"]] == [("RUSMIL", "UKR")]
    assert_error_shape(client.get("/api/network", params={"level": "planet"}), 422)


def test_web_quotes(client):
    body = client.get("/api/quotes").json()
    assert body["total"] == 1 and body["quotes"][0]["direct"] is True
    assert client.get("/api/quotes", params={"q": "nothing like this"}).json()["total"] == 0
    assert client.get("/api/quotes", params={"article": "wire/one"}).json()["total"] == 1
    assert_error_shape(client.get("/api/quotes", params={"speaker": "U S"}), 422)


# ---- errors everywhere have one shape ------------------------------------------------------------------
def test_web_unknown_route_and_method(client):
    assert_error_shape(client.get("/api/nothing"), 404)
    body = assert_error_shape(client.delete("/api/events"), 405)
    assert "DELETE" in body["error"]


def test_web_unexpected_error_hides_details(client, monkeypatch):
    from eventwire.web import queries

    def boom(*a, **k):
        raise RuntimeError("secret path /etc/passwd in a stack trace")

    monkeypatch.setattr(queries, "stats", boom)
    body = assert_error_shape(client.get("/api/health"), 500)
    assert "secret" not in body["error"] and "RuntimeError" not in client.get("/api/health").text


def test_web_timeout_504(make_client, monkeypatch):
    import time

    from eventwire.web import queries

    monkeypatch.setattr(queries, "stats", lambda store: time.sleep(1.0) or {})
    client = make_client(request_timeout=0.05)
    assert_error_shape(client.get("/api/health"), 504)


def test_web_security_headers_and_no_cors_by_default(client):
    r = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "cdn" not in r.headers["content-security-policy"]
    pre = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                 "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_web_cors_when_configured(make_client):
    client = make_client(cors_origins=("https://analysts.example",))
    r = client.get("/api/health", headers={"Origin": "https://analysts.example"})
    assert r.headers["access-control-allow-origin"] == "https://analysts.example"
    r = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


# ---- auth ------------------------------------------------------------------------------------------------
def test_web_protected_reads(make_client):
    client = make_client(protect_reads=True)
    assert_error_shape(client.get("/api/events"), 401)
    assert_error_shape(client.get("/api/events", headers={"Authorization": "Bearer wrong-token-xxxxxxxx"}), 403)
    assert client.get("/api/events", headers=AUTH).status_code == 200
    assert client.get("/api/events", headers={"X-API-Token": TOKEN}).status_code == 200
    assert client.get("/", headers=AUTH).status_code == 200
    assert client.get("/").status_code == 401


def test_web_settings_from_env_and_file(tmp_path):
    from eventwire.errors import InputError
    from eventwire.web.settings import WebSettings

    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    s = WebSettings.from_env({"EVENTWIRE_API_TOKEN_FILE": str(token_file), "EVENTWIRE_PROTECT_READS": "yes",
                              "EVENTWIRE_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert s.token == TOKEN and s.protect_reads and s.cors_origins == ("https://a.example", "https://b.example")
    assert WebSettings.from_env({"EVENTWIRE_API_TOKEN": "t" * 20}, read_only=True).read_only
    assert WebSettings.from_env({}).token is None and not WebSettings.from_env({}).protect_reads
    with pytest.raises(InputError, match="16 characters"):
        WebSettings(token="short").validate()
    with pytest.raises(InputError, match="no token"):
        WebSettings(protect_reads=True).validate()
    with pytest.raises(InputError, match="token file"):
        WebSettings.from_env({"EVENTWIRE_API_TOKEN_FILE": str(tmp_path / "missing")})
