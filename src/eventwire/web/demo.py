"""``eventwire demo``: a small database built from the bundled example articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article

#: examples/ at the repository root (an editable install or a source checkout).
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def example_articles(folder: Path | None = None) -> list[Article]:
    """The articles listed in ``examples/index.json`` (file, date, source, title)."""
    folder = folder or EXAMPLES
    index = folder / "index.json"
    if not index.is_file():
        raise InputError(f"no example articles at {folder} (examples/index.json is missing); "
                         f"run 'eventwire demo' from a source checkout or pass --examples DIR")
    articles = []
    for entry in json.loads(index.read_text(encoding="utf-8")):
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        articles.append(Article(text=text, date=dt.date.fromisoformat(entry["date"]), id=entry["file"],
                                source=entry.get("source"), title=entry.get("title"), url=entry.get("url")))
    return articles


def build_demo_db(db: str, folder: Path | None = None, coder: Any = None) -> dict[str, int]:
    """Code the example articles into ``db`` (idempotent: unchanged articles are skipped); returns row counts."""
    from ..store import Store, ingest

    with Store(db) as store:
        ingest(store, example_articles(folder), coder, command="eventwire demo")
        return store.counts()
