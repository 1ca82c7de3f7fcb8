"""Ingest: code articles and store them, one transaction per article.

Articles whose id and text hash are already stored are skipped before coding, so
re-running the same input adds nothing and a run killed half-way resumes where it
stopped. A changed article (same id, new text or date) is re-coded and replaces its
events. A record that cannot be read, coded or stored is written to the failures
table and the batch goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..errors import EventwireError, RecordError
from ..model import Article, CodedArticle
from ..settings import MAX_ARTICLE_CHARS
from .records import text_hash
from .store import Store, StoreError


@dataclass
class IngestReport:
    """What one ingest run did."""

    run_id: int
    coded: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.coded} article(s) coded and stored ({self.events} event(s)), {self.unchanged} unchanged "
                f"(skipped), {self.failed} failed")


def coder_versions(coder: Any) -> dict[str, str]:
    """Provenance of a run: eventwire, the spaCy model, the actor dictionaries and the event lexicon."""
    from .. import __version__
    from ..actors.dictionary import shipped_version

    nlp = getattr(coder, "nlp", None)
    meta = getattr(nlp, "meta", None) or {}
    model = f"{meta.get('name', '?')} {meta.get('version', '?')}" if meta else "unknown"
    if meta.get("lang") and not str(meta.get("name", "")).startswith(meta["lang"]):
        model = f"{meta['lang']}_{model}"
    lexicon = hashlib.sha256()
    for name in ("verbs.tsv", "refine.tsv", "cameo.tsv"):
        lexicon.update((resources.files("eventwire") / "data" / "lexicon" / name).read_bytes())
    return {"eventwire": __version__, "model": model, "dictionaries": shipped_version(),
            "lexicon": "sha256:" + lexicon.hexdigest()[:16]}


def ingest(store: Store, items: Iterable[Article | RecordError], coder: Any = None, *, recode: bool = False,
           batch_size: int = 32, command: str | None = None,
           on_failure: Callable[[str], None] | None = None) -> IngestReport:
    """Code and store ``items`` (Articles, or RecordErrors from the reader, which are recorded as failures).

    recode: re-code articles even when their text hash is unchanged (e.g. after a dictionary update).
    """
    if coder is None:
        from ..coding import default_coder

        coder = default_coder()
    report = IngestReport(store.start_run(coder_versions(coder), command))

    def fail(message: str, **where: Any) -> None:
        report.failed += 1
        report.failures.append(message)
        store.record_failure(report.run_id, message, **where)
        if on_failure:
            on_failure(message)

    try:
        for chunk in _chunks(items, batch_size):
            articles: list[Article] = []
            for item in chunk:
                if isinstance(item, RecordError):
                    fail(str(item), input=item.source, line=item.line)
                elif len(item.text) > MAX_ARTICLE_CHARS:
                    fail(f"article {item.key}: {len(item.text):,} characters is more than the {MAX_ARTICLE_CHARS:,} "
                         f"allowed for one article; split it", article_id=item.key)
                else:
                    articles.append(item)
            known = store.known_hashes(a.key for a in articles)
            todo = [a for a in articles if recode or known.get(a.key) != text_hash(a)]
            report.unchanged += len(articles) - len(todo)
            stored = set(known)
            for coded in _code(coder, todo, fail):
                # Within a chunk the same id can come twice: the second replaces the first.
                _save(store, coded, report, fail, stored=coded.article.key in stored)
                stored.add(coded.article.key)
    finally:
        store.finish_run(report.run_id, coded=report.coded, unchanged=report.unchanged, failed=report.failed,
                         events=report.events)
    return report


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _code(coder: Any, articles: list[Article], fail: Callable[..., None]) -> Iterator[CodedArticle]:
    """Code a chunk with the batched pipeline; if that fails, code one by one to isolate the bad article."""
    if not articles:
        return
    try:
        coded = list(coder.code_many(articles, batch_size=len(articles)))
    except (EventwireError, ValueError, RuntimeError, TypeError, IndexError, KeyError, AttributeError):
        coded = []
        for article in articles:
            try:
                coded.append(coder.code(article))
            except Exception as exc:  # one bad article must not abort the batch
                fail(f"article {article.key}: coding failed: {type(exc).__name__}: {exc}", article_id=article.key)
    yield from coded


def _save(store: Store, coded: CodedArticle, report: IngestReport, fail: Callable[..., None], *,
          stored: bool | None) -> None:
    key = coded.article.key
    try:
        try:
            report.events += store.save(coded, report.run_id, stored=stored)
        except IntegrityError:
            if stored is not False:
                raise
            # Stored meanwhile by another ingest into the same database: look it up and replace it.
            report.events += store.save(coded, report.run_id, stored=None)
        report.coded += 1
    except OperationalError as exc:  # the database itself is gone: stop, don't log thousands of failures
        raise StoreError(f"writing to {store.display_url} failed: {store.error_message(exc)}") from None
    except SQLAlchemyError as exc:
        fail(f"article {key}: could not be stored: {store.error_message(exc)}", article_id=key)
