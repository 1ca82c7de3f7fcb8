"""An OpenAPI-driven fuzz pass (schemathesis) over every API operation, with valid (positive) and invalid
(negative) requests: no 500s, every error in the one shape."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings
from test_web_support import TOKEN, fill

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

pytestmark = pytest.mark.slow  # POST /api/code runs the real pipeline on generated text


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory, coder):
    path = str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    with Store(path) as store:
        fill(store)
    app = create_app(path, WebSettings(token=TOKEN), coder=coder)
    yield app
    app.state.store.close()


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def _operations():
    """(label) of every operation in the spec, read from a throwaway app so the test ids are stable."""
    return ["GET /api/health", "GET /api/events", "GET /api/events/{event_id}", "GET /api/articles/{article_id}",
            "GET /api/actors", "GET /api/dyads/series", "GET /api/network", "GET /api/quotes", "POST /api/code",
            "GET /api/clusters", "GET /api/clusters/{cluster_id}", "GET /api/positions"]


def test_web_fuzz_covers_every_operation(api_schema):
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(_operations())


# Operations whose every input is valid (no parameters, or one free-text path segment) have no negative cases.
_NO_INVALID_INPUT = {"GET /api/health", "GET /api/articles/{article_id}"}
CASES = [(label, mode) for label in _operations() for mode in ("positive", "negative")
         if not (mode == "negative" and label in _NO_INVALID_INPUT)]


@pytest.mark.parametrize("label,mode", CASES)
def test_web_fuzz_no_server_errors(api_schema, label, mode):
    # schemathesis' own pytest plugin does not run on this pytest; drive its Hypothesis strategies directly.
    from hypothesis import given

    op = next(r.ok() for r in api_schema.get_all_operations() if r.ok().label == label)
    seen = []

    @given(case=op.as_strategy(schemathesis.GenerationMode(mode)))
    @settings(max_examples=80, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case):
        # Every other case carries the token, so the store=true path of POST /api/code is fuzzed too.
        headers = {"Authorization": f"Bearer {TOKEN}"} if len(seen) % 2 else None
        seen.append(1)
        response = case.call(headers=headers)
        where = f"{case.method} {case.formatted_path} query={case.query} body={str(case.body)[:200]}"
        assert response.status_code < 500, f"{where}: {response.text[:500]}"
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"ok", "status", "error", "errors"}, where
            assert body["status"] == response.status_code, where

    run()
    assert seen
