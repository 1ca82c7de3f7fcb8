"""docs/http-api.md documents every API route, every query parameter, every setting and every serve option."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from eventwire.store import Store
from eventwire.web import WebSettings, create_app

DOCS = Path(__file__).resolve().parents[1] / "docs"
HTTP_MD = (DOCS / "http-api.md").read_text(encoding="utf-8")
UI_MD = (DOCS / "web-ui.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("docs") / "docs.db")
    Store(path).close()
    app = create_app(path, WebSettings())
    yield app.openapi()
    app.state.store.close()


def test_web_docs_every_route_and_parameter(spec):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert f"{method.upper()} {path}" in HTTP_MD, f"{method.upper()} {path} is not in docs/http-api.md"
            for param in op.get("parameters", []):
                assert f"`{param['name']}`" in HTTP_MD, f"parameter {param['name']} of {path} is undocumented"


def test_web_docs_every_setting_and_option():
    from eventwire.web import settings

    for env in (settings.ENV_TOKEN, settings.ENV_TOKEN_FILE, settings.ENV_PROTECT_READS, settings.ENV_CORS_ORIGINS):
        assert env in HTTP_MD
    for field in dataclasses.fields(WebSettings):
        words = field.name.replace("_", " ")
        assert field.name in HTTP_MD or words in HTTP_MD.lower(), f"setting {field.name} is undocumented"
    for option in ("--read-only", "--token-file", "--protect-reads", "--timeout", "--max-body", "--host"):
        assert option in HTTP_MD


def test_web_docs_every_page():
    for page in ("`/`", "`/events/{id}`", "`/dyads", "`/network`", "`/code`"):
        assert page in UI_MD
    assert re.search(r"test-artifacts/", UI_MD)
