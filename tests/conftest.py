"""The one conftest: shared fixtures. The spaCy pipeline and coder are built once per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder(nlp):
    from eventwire.coding import Coder

    return Coder(nlp)


@pytest.fixture(scope="session")
def resolver(nlp):
    """An ActorResolver with the shipped dictionaries (its own, so a test that changes a setting leaves the coder's)."""
    from eventwire.actors.resolver import ActorResolver

    return ActorResolver(nlp)


@pytest.fixture(scope="session")
def quotes_of(nlp, resolver):
    """quotes_of(text) → the quotes found in text, actors resolved for 2024-11-08."""
    from eventwire.quotes import find_quotes

    def run(text: str):
        doc = nlp(text)
        return find_quotes(doc, resolver.resolve(doc, dt.date(2024, 11, 8)))

    return run


@pytest.fixture(scope="session")
def code_text(coder):
    """code_text(text, date="2024-11-08") → list of Events, using the shared coder."""
    from eventwire.model import Article

    def run(text: str, date: str | None = "2024-11-08"):
        d = dt.date.fromisoformat(date) if date else None
        return list(coder.code(Article(text=text, date=d, id="t")).events)

    return run


@pytest.fixture
def shared_eval():
    """Path to ../shared/eval; tests that need it skip when it is absent (a user's fresh clone)."""
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not present (evaluation data lives beside the project, not in it)")
    return SHARED_EVAL


@pytest.fixture
def run_cli(capsys):
    """run_cli(*args, stdin=None) → (exit_code, stdout, stderr), in-process (the model stays loaded)."""
    import io
    import sys

    from eventwire.cli import app, run_app

    def run(*args: str, stdin: bytes | None = None):
        old = sys.stdin
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            code = run_app(app, list(args))
        finally:
            sys.stdin = old
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
