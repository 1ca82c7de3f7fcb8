"""Loading finished shards into the event store (``eventwire batch --db URL``).

Only the driver writes to the database (SQLite has one writer): it reads each done
partition's events shard and its articles sidecar (``part-N.articles.jsonl``),
rebuilds the ``CodedArticle`` of every article and calls ``Store.save``, which
replaces what was stored under the same article id in one transaction. The
manifest remembers which partitions were loaded into which database, so a re-run
loads only what is new.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..dates import parse_date
from ..model import Actor, Article, CodedArticle, Quote, Sentence
from .shards import Manifest


def sidecar_name(index: int) -> str:
    return f"part-{index:06d}.articles.jsonl"


def coded_articles(events_shard: Path, sidecar: Path) -> Iterator[CodedArticle]:
    """Rebuild the coded articles of one partition from its two shard files."""
    from ..store.records import event_from_record
    from .runner import read_shard_events

    by_article: dict[str, list[Any]] = defaultdict(list)
    for rec in read_shard_events(events_shard):
        by_article[rec["article_id"]].append(event_from_record(rec))
    with sidecar.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield _coded(json.loads(line), by_article)


def _coded(rec: dict[str, Any], by_article: dict[str, list[Any]]) -> CodedArticle:
    article = Article(text=rec["text"], date=parse_date(rec["date"]) if rec.get("date") else None, id=rec["id"],
                      source=rec.get("source"), url=rec.get("url"), title=rec.get("title"))
    text = rec.get("clean_text", rec["text"])
    sentences = tuple(Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(rec["sentences"]))
    quotes = tuple(_quote(q) for q in rec.get("quotes", ()))
    return CodedArticle(article, text, sentences, tuple(by_article.get(rec["id"], ())), quotes)


def _quote(d: dict[str, Any]) -> Quote:
    sp = d.get("speaker")
    return Quote(text=d["text"], speaker=Actor(**sp) if sp else None, direct=d["direct"], channel=d.get("channel"),
                 verb=d.get("verb"), sentence_indices=tuple(d.get("sentence_indices", ())), start=d.get("start"),
                 end=d.get("end"))


def load_into_store(manifest: Manifest, indices: list[int], db: str, versions: dict[str, str],
                    command: str | None = None) -> dict[str, Any]:
    """Save the done partitions ``indices`` not yet loaded into ``db``; returns counts."""
    from ..store import Store

    out = {"partitions_loaded": 0, "partitions_already_loaded": 0, "articles": 0, "events": 0}
    with Store(db) as store:
        target = store.display_url
        todo = [i for i in indices if manifest.entries.get(i) and manifest.entries[i].status == "done"]
        pending = [i for i in todo if not manifest.is_loaded(i, target)]
        out["partitions_already_loaded"] = len(todo) - len(pending)
        if not pending:
            return out
        run_id = store.start_run(versions or {}, command)
        try:
            for i in pending:
                entry = manifest.entries[i]
                for coded in coded_articles(manifest.out / str(entry.shard), manifest.out / sidecar_name(i)):
                    out["events"] += store.save(coded, run_id)
                    out["articles"] += 1
                manifest.record_loaded(i, entry.digest, target)
                out["partitions_loaded"] += 1
        finally:
            store.finish_run(run_id, coded=out["articles"], unchanged=0, failed=0, events=out["events"])
    return out
