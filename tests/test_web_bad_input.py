"""Bad input over HTTP: every body and query string a client can send gets the one error shape with a message
that says what to send instead, or is coded like the same input in a file (docs/errors.md, docs/http-api.md).

The coder here is a stand-in that returns the article it was given, so these tests see exactly what the API
handed to the coding flow (no spaCy model needed); one slow test codes through the real pipeline.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from test_web_support import TOKEN, assert_error_shape, filled_client

from eventwire.model import CodedArticle
from eventwire.web import WebSettings

JSON = {"Content-Type": "application/json"}
HTML = {"Accept": "text/html"}
TEXT = "Turkey condemned Israel on Monday."


class EchoCoder:
    """Codes nothing; returns the article it was given, as the coding flow received it."""

    nlp = None

    def __init__(self) -> None:
        self.articles = []

    def code(self, article):
        self.articles.append(article)
        return CodedArticle(article, article.text, (), (), ())


@pytest.fixture
def echo():
    return EchoCoder()


@pytest.fixture
def client(tmp_path, echo):
    for c in filled_client(str(tmp_path / "bad.db"), WebSettings(token=TOKEN)):
        c.app.state.coder = echo
        yield c


def post(client, body: bytes, headers=JSON):
    return client.post("/api/code", content=body, headers=headers)


# ---- POST /api/code: text is cleaned as files clean it ------------------------------------------------

def test_lone_surrogate_escapes_are_replaced_as_in_files(client, echo):
    r = post(client, b'{"text": "Turkey \\ud800condemned Israel.", "title": "Caf\\udce9", "id": "a\\udc80",'
                     b' "source": "W\\ud83dire", "url": "https://example.org/\\udfff"}')
    assert r.status_code == 200, r.text
    article = echo.articles[-1]
    assert article.text == "Turkey \ufffdcondemned Israel." == r.json()["text"]
    assert (article.title, article.id, article.source, article.url) == (
        "Caf\ufffd", "a\ufffd", "W\ufffdire", "https://example.org/\ufffd")
    assert r.json()["article_id"] == "a\ufffd"


def test_a_surrogate_pair_is_one_character_not_cleaned(client, echo):
    r = post(client, b'{"text": "Turkey condemned Israel \\ud83d\\ude00."}')
    assert r.status_code == 200 and echo.articles[-1].text == "Turkey condemned Israel \U0001F600."


@pytest.mark.slow
def test_lone_surrogate_text_is_coded(tmp_path, coder):
    for client in filled_client(str(tmp_path / "real.db"), WebSettings(token=TOKEN)):
        client.app.state.coder = coder
        r = post(client, b'{"text": "Turkey condemned Israel. \\ud800", "date": "2025-01-10"}')
        assert r.status_code == 200, r.text
        assert [e["cameo"] for e in r.json()["events"]] == ["111"]
        assert r.json()["article_id"].startswith("sha1:")


# ---- POST /api/code: fields -----------------------------------------------------------------------

def test_unknown_body_fields_are_refused_with_the_accepted_ones(client, echo):
    body = assert_error_shape(post(client, b'{"text": "Turkey condemned Israel.", "lang": "en", "data": 1}'), 400)
    assert body["error"] == ("unknown body field(s): data, lang; this endpoint takes: date, id, source, store, "
                             "text, title, url")
    assert echo.articles == []  # refused before any coding


@pytest.mark.parametrize(("date", "says"), [
    (b"5", "must be a YYYY-MM-DD string, not a number"),
    (b"0", "must be a YYYY-MM-DD string, not a number"),  # was read as 1970-01-01
    (b"true", "must be a YYYY-MM-DD string, not true/false"),
    (b'["2024-01-02"]', "must be a YYYY-MM-DD string, not a list"),
    (b'"2024-02-30"', "impossible date '2024-02-30' (month or day out of range); use YYYY-MM-DD"),
    (b'"soon"', "cannot understand the date 'soon'; use YYYY-MM-DD"),
    (b'"10/01/2025"', "cannot understand the date '10/01/2025'; use YYYY-MM-DD"),  # October or January?
])
def test_a_date_that_is_not_a_date_string_says_so(client, echo, date, says):
    body = assert_error_shape(post(client, b'{"text": "Turkey condemned Israel.", "date": ' + date + b"}"), 422)
    assert body["error"].startswith(f"invalid body.date: {says}") and body["error"].count("YYYY-MM-DD") == 1
    assert echo.articles == []


@pytest.mark.parametrize(("date", "day"), [("2024-01-02", "2024-01-02"), ("20240102", "2024-01-02"),
                                           ("2024-01-02T10:30:00Z", "2024-01-02"), ("", None), (None, None)])
def test_dates_a_file_record_accepts_are_accepted(client, echo, date, day):
    import json

    r = post(client, json.dumps({"text": TEXT, "date": date}).encode())
    assert r.status_code == 200, r.text
    got = echo.articles[-1].date
    assert (got.isoformat() if got else None) == day


def test_a_number_id_is_a_string_as_in_batch_records(client, echo):
    r = post(client, b'{"text": "Turkey condemned Israel.", "id": 7, "source": 12.5}')
    assert r.status_code == 200, r.text
    assert (echo.articles[-1].id, echo.articles[-1].source, r.json()["article_id"]) == ("7", "12.5", "7")


@pytest.mark.parametrize(("payload", "says"), [
    (b'{"text": 5}', "invalid body.text: must be a string, not a number"),
    (b'{"text": "a", "id": true}', "invalid body.id: must be a string, not true/false"),
    (b'{"text": ["a"]}', "invalid body.text: must be a string, not a list"),
    (b'{"text": "a", "title": {"x": 1}}', "invalid body.title: must be a string, not an object"),
    (b'{"text": "a", "store": null}', "invalid body.store: must be true or false, not null"),
    (b"[1, 2]", "the request body must be a JSON object with a 'text' field, not a list"),
    (b"null", "the request body must be a JSON object with a 'text' field, not null"),
    (b'"Turkey condemned Israel."', "the request body must be a JSON object with a 'text' field, not a string"),
    (b"", "the request body is empty; send a JSON object with a 'text' field"),
    (b"{}", "invalid body.text: Field required"),
])
def test_json_values_of_the_wrong_kind_are_named_in_json_words(client, echo, payload, says):
    body = assert_error_shape(post(client, payload), 422)
    assert body["error"] == says
    assert echo.articles == []


@pytest.mark.parametrize("headers", [{}, {"Content-Type": "text/plain"},
                                     {"Content-Type": "application/x-www-form-urlencoded"}])
def test_a_body_that_is_not_sent_as_json_is_415(client, echo, headers):
    body = assert_error_shape(post(client, b'{"text": "Turkey condemned Israel."}', headers), 415)
    assert body["error"].startswith("the request body was sent ")
    assert body["error"].endswith("; send a JSON object with a 'text' field and the header "
                                  "'Content-Type: application/json'")
    assert echo.articles == []


@pytest.mark.parametrize(("payload", "says"), [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"text": "a", "date": ' + b"7" * 5000 + b"}", "a number with too many digits"),
    ('{"text": "caf\xe9"}'.encode("latin-1"), "send UTF-8 JSON"),
])
def test_json_that_cannot_be_read_is_400_saying_why(client, echo, payload, says):
    body = assert_error_shape(post(client, payload), 400)
    assert says in body["error"]
    assert echo.articles == []


def test_a_text_over_the_servers_limit_is_413_with_the_limit(tmp_path, echo):
    for client in filled_client(str(tmp_path / "long.db"), WebSettings(token=TOKEN, max_body_bytes=10_000_000)):
        client.app.state.coder = echo
        body = assert_error_shape(client.post("/api/code", json={"text": "x" * 200_001}), 413)
        assert body["error"] == ("the text has 200,001 characters, more than the 200,000 characters this server codes "
                                 "in one request; split it into several requests")
    # the setting is the limit (the body model had its own fixed 200,000, so a larger setting could not be used)
    for client in filled_client(str(tmp_path / "longer.db"),
                                WebSettings(token=TOKEN, max_body_bytes=10_000_000, max_text_chars=300_000)):
        client.app.state.coder = echo
        assert client.post("/api/code", json={"text": "x" * 200_001}).status_code == 200
        assert len(echo.articles[-1].text) == 200_001


def test_a_body_over_the_limit_is_413_with_the_limit(tmp_path):
    for client in filled_client(str(tmp_path / "big.db"), WebSettings(token=TOKEN, max_body_bytes=2000)):
        body = assert_error_shape(post(client, b'{"text": "' + b"x" * 5000 + b'"}'), 413)
        assert body["error"] == "the request body is larger than 2,000 bytes"


# ---- GET endpoints ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/events?since=5", "/api/events?until=soon", "/api/network?since=2024-02-30",
                                 "/api/dyads/series?a=USA&since=7", "/api/positions?since=x",
                                 "/api/events?since="])
def test_query_dates_say_yyyy_mm_dd(client, url):
    body = assert_error_shape(client.get(url), 422)
    assert "YYYY-MM-DD" in body["error"] and "Datetimes provided" not in body["error"]
    assert body["error"].count("YYYY-MM-DD") == 1


def test_query_dates_files_accept_are_accepted(client):
    assert client.get("/api/events", params={"since": "20241110"}).json()["total"] == 4
    assert client.get("/api/events", params={"until": "2024-11-05T00:00:00"}).json()["total"] == 3


def test_a_body_on_a_get_endpoint_is_not_read(client):
    r = client.request("GET", "/api/events", content=b"{not json", headers=JSON)
    assert r.status_code == 200 and r.json()["total"] == 7


# ---- HTML pages: a bad query string is an error page a person can read ---------------------------------

@pytest.mark.parametrize(("url", "says"), [
    ("/events?since=notadate", "since must be a date as YYYY-MM-DD, not &#39;notadate&#39;"),
    ("/?until=2024-13-01", "until must be a date as YYYY-MM-DD"),
    ("/?quad_class=nine", "quad_class must be 1, 2, 3 or 4"),
    ("/network?since=x", "since must be a date as YYYY-MM-DD"),
    ("/dyads?since=x", "since must be a date as YYYY-MM-DD"),
    ("/positions?since=x", "since must be a date as YYYY-MM-DD"),
    ("/?role=boss", "role must be source, target or either"),
])
def test_pages_with_a_bad_query_string_show_an_error_page(client, url, says):
    page = client.get(url, headers=HTML)
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert says in page.text and "Traceback" not in page.text and '"ok":' not in page.text
    assert '<a href="/">Back to the event search</a>' in page.text


def test_events_page_is_the_search_page(client):
    page = client.get("/events", params={"actor": "UKR", "role": "target"}, headers=HTML)
    assert page.status_code == 200 and page.url.path == "/" and "Russian forces attacked Ukraine." in page.text


@pytest.mark.parametrize(("url", "says"), [
    ("/?quad=4", ("unknown query parameter(s): quad; this page takes: actor, article, cameo, country, modality, page, "
                 "plover, q, quad_class, role, since, sort, source, target, until")),
    ("/network?text=sanctions", "unknown query parameter(s): text; this page takes:"),
    ("/dyads?actor=USA", "unknown query parameter(s): actor; this page takes: a, b, directed, period, since, until"),
    ("/clusters?min_reports=3", "unknown query parameter(s): min_reports; this page takes: page"),
    ("/positions?speaker=RUS", "unknown query parameter(s): speaker; this page takes: actor, issue, since"),
    ("/?sort=newest", "sort must be one of: -cameo, -confidence, -date"),
    ("/?page=two", "page must be a whole number of at least 1, not &#39;two&#39;"),
    ("/clusters?page=0", "page must be a whole number of at least 1, not &#39;0&#39;"),
])
def test_pages_refuse_query_parameters_they_would_ignore(client, url, says):
    page = client.get(url, headers=HTML)
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert says in page.text


def test_pages_take_every_field_of_their_forms(client):
    for url in (("/?actor=RUS&role=source&source=&target=&cameo=&quad_class=&modality=&since=&until=&q=&sort=-date"
                "&page=1"), "/network?actor=RUS&role=either&cameo=19&since=2024-11-01&until=&q=&level=code",
                "/dyads?a=USA&b=RUS&period=month&since=&until=&directed=true", "/clusters?page=2"):
        assert client.get(url, headers=HTML).status_code == 200, url


@pytest.mark.parametrize(("url", "says"), [
    ("/api/events?cameo=abc", "must be a CAMEO code of 2 to 4 digits (04, 043), not 'abc'"),
    ("/api/events?country=R1", "must be a country code of 2 to 6 letters (RUS, UKR), not 'R1'"),
    ("/api/events?plover=SANCTION-1", "must be a PLOVER event type (SANCTION, ASSAULT), not 'SANCTION-1'"),
    ("/api/quotes?speaker=RUS%20GOV", "must be an actor code prefix, letters and digits only (RUS, USAGOV), not 'RUS GOV'"),
    ("/api/events?q=a%00b", "must not contain control characters (NUL, escape, ...), not 'a\\x00b'"),
])
def test_query_values_that_do_not_match_say_what_they_must_be_not_a_regex(client, url, says):
    body = assert_error_shape(client.get(url), 422)
    assert body["error"].endswith(says) and "pattern" not in body["error"]
