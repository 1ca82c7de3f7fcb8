"""Stories routes in-process (SQLite and PostgreSQL): the cluster list and page (a summit's reports side by
side), the positions timelines (demand → rejection → counter-offer), their JSON, links from the event page."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from test_store_support import store_url  # noqa: F401
from test_web_support import TOKEN, assert_error_shape
from web_stories_support import fill_stories, summit_cluster

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

pytestmark = pytest.mark.slow


@pytest.fixture
def client(store_url, coder):  # noqa: F811
    with Store(store_url) as store:
        fill_stories(store, coder)
        cid = summit_cluster(store)
    app = create_app(store_url, WebSettings(token=TOKEN), coder=coder)
    with TestClient(app, raise_server_exceptions=False) as c:
        c.summit = cid
        yield c


def test_web_stories_cluster_json_and_page(client):
    cid = client.summit
    assert cid and cid.startswith("evc_")
    body = client.get(f"/api/clusters/{cid}").json()
    assert body["ok"] and body["cluster"]["cluster_id"] == cid
    reports = body["reports"]
    outlets = {r["outlet"] for r in reports}
    assert {"wire-a", "wire-b", "wire-c"} <= outlets
    assert {r["article_id"] for r in reports} <= {"summit-wire-a", "summit-wire-b", "summit-wire-c", "summit-wire-d"}
    assert body["cluster"]["reports"] == len(reports) and body["cluster"]["articles"] >= 3
    assert all(r["sentence"] and r["event_id"] for r in reports)
    page = client.get(f"/clusters/{cid}")
    assert page.status_code == 200
    html = page.text
    for r in reports:  # every report side by side, each linked to its event page
        assert f'href="/events/{r["event_id"]}"' in html
    assert "wire-b" in html and "https://example.org/summit-wire-c" in html
    assert html.count('class="report"') == len(reports)


def test_web_stories_cluster_list_and_event_page_link(client):
    body = client.get("/api/clusters", params={"min_reports": 2}).json()
    assert body["ok"] and body["total"] == len(body["clusters"]) >= 1
    assert body["clusters"][0]["reports"] >= body["clusters"][-1]["reports"]  # most reported first
    assert client.summit in {c["cluster_id"] for c in body["clusters"]}
    assert all(c["reports"] >= 2 for c in body["clusters"])
    html = client.get("/clusters").text
    assert f'href="/clusters/{client.summit}"' in html
    first = client.get(f"/api/clusters/{client.summit}").json()["reports"][0]
    event_html = client.get(f"/events/{first['event_id']}").text
    assert f'href="/clusters/{client.summit}"' in event_html  # the event page links to its other reports
    assert 'href="/clusters"' in event_html and 'href="/positions"' in event_html  # in the navigation


def test_web_stories_cluster_errors(client):
    assert_error_shape(client.get("/api/clusters/evc_nope"), 404)
    assert client.get("/clusters/evc_nope").status_code == 404
    assert_error_shape(client.get("/api/clusters", params={"min_reports": 0}), 422)


def test_web_stories_positions_timeline(client):
    body = client.get("/api/positions").json()
    assert body["ok"] and body["issues"] >= 2
    timelines = {t["issue"]: t for t in body["timelines"]}
    withdraw = next(t for label, t in timelines.items() if "withdraw" in label)
    stances = [(p["stance"], p["actor"][:3], p["article_id"]) for p in withdraw["positions"]]
    assert stances[0] == ("demand", "RUS", "talks-1")
    reject = next(p for p in withdraw["positions"] if p["stance"] == "reject")
    assert reject["article_id"] == "talks-2" and reject["actor"].startswith("UKR")
    assert reject["answers"]["actor"].startswith("RUS") and reject["answers"]["stance"] == "demand"
    dates = [p["date"] for p in withdraw["positions"]]
    assert dates == sorted(dates)
    offers = [p for t in body["timelines"] for p in t["positions"] if p["stance"] == "offer"
              and p["article_id"] == "talks-5"]
    assert offers and offers[0]["answers"]["actor"].startswith("USA")  # the counter-offer answers the US plan
    html = client.get("/positions").text
    assert f'href="/events/{reject["event_id"]}"' in html and "withdraw" in html
    assert 'class="timeline"' in html


def test_web_stories_positions_filters(client):
    rus = client.get("/api/positions", params={"actor": "RUS", "since": "2025-04-01"}).json()
    mine = [p for t in rus["timelines"] for p in t["positions"] if p["selected"]]
    assert mine and all(p["actor"].startswith("RUS") and p["date"] >= "2025-04-01" for p in mine)
    cease = client.get("/api/positions", params={"issue": "ceasefire"}).json()
    assert {p["article_id"] for t in cease["timelines"] for p in t["positions"]} >= {"talks-3", "talks-4"}
    assert client.get("/positions", params={"actor": "UKR", "issue": "ceasefire"}).status_code == 200
    assert_error_shape(client.get("/api/positions", params={"since": "March"}), 422)
    assert client.get("/positions", params={"since": "March"}).status_code == 400
