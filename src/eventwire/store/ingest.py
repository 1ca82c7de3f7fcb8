"""Ingest: code articles and store them, one transaction per article.

Articles whose id and text hash are already stored are skipped before coding, so
re-running the same input adds nothing and a run killed half-way resumes where it
stopped. A changed article (same id, new text or date) is re-coded and replaces its
events. A record that cannot be read, coded or stored is written to the failures
table and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..conventions import CodingOptions
from ..errors import EventwireError, InputError, RecordError
from ..model import Article, CodedArticle
from ..reading import checked_article
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
    copies: int = 0  # duplicate copies of stored articles (linked to the first copy; coded only when asked)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.coded} article(s) coded and stored ({self.events} event(s)), {self.unchanged} unchanged "
                f"(skipped), {self.failed} failed"
                + (f", {self.copies} duplicate cop{'y' if self.copies == 1 else 'ies'}" if self.copies else ""))


def coder_versions(coder: Any) -> dict[str, str]:
    """Provenance of a run: eventwire, the spaCy model, the actor dictionaries, the event lexicon and the coding
    options (JSON of those that differ from the defaults; absent for a coder that has none)."""
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
    versions = {"eventwire": __version__, "model": model, "dictionaries": shipped_version(),
                "lexicon": "sha256:" + lexicon.hexdigest()[:16]}
    options = getattr(coder, "options", None)
    if isinstance(options, CodingOptions):
        versions["coding_options"] = json.dumps(options.changed(), sort_keys=True)
    return versions


def ingest(store: Store, items: Iterable[Article | RecordError], coder: Any = None, *, recode: bool = False,
           batch_size: int = 32, command: str | None = None,
           on_failure: Callable[[str], None] | None = None, recode_duplicates: bool = False,
           stories: bool = True) -> IngestReport:
    """Code and store ``items`` (Articles, or RecordErrors from the reader, which are recorded as failures).

    recode: re-code articles even when their text hash is unchanged (e.g. after a dictionary update).
    stories: detect duplicate copies (MinHash, stored signatures) and link events into clusters (the
    stored linker state), in each article's own transaction. recode_duplicates: code copies too (their
    events are stored but not linked, so a real event still counts once).
    """
    if coder is None:
        from ..coding import default_coder

        coder = default_coder()
    report = IngestReport(store.start_run(coder_versions(coder), command))

    linking: _Linking | None = None

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
                else:
                    try:  # the reader's checks for Articles passed in from Python: length, text type, surrogates
                        articles.append(checked_article(item))
                    except InputError as exc:
                        fail(str(exc), article_id=getattr(item, "id", None) or None)
            known = store.known_hashes(a.key for a in articles)
            todo = [a for a in articles if recode or known.get(a.key) != text_hash(a)]
            report.unchanged += len(articles) - len(todo)
            stored = set(known)
            if not stories:
                for coded in _code(coder, todo, fail):
                    # Within a chunk the same id can come twice: the second replaces the first.
                    _save(store, coded, report, fail, stored=coded.article.key in stored)
                    stored.add(coded.article.key)
                continue
            if linking is None:
                linking = _Linking(store, coder)
            copies = linking.check_duplicates(todo)
            to_code = [a for i, a in enumerate(todo) if recode_duplicates or i not in copies]
            coded_by_pos = dict(zip([i for i, a in enumerate(todo) if recode_duplicates or i not in copies],
                                    _code_aligned(coder, to_code, fail)))
            for i, article in enumerate(todo):
                dup = copies.get(i)
                if dup is not None and not recode_duplicates:
                    _save_copy(store, article, linking.copy_rows(article.key, dup), report, fail,
                               stored=article.key in stored)
                    stored.add(article.key)
                    continue
                coded = coded_by_pos.get(i)  # None: coding failed (recorded)
                if coded is None:
                    continue
                rows = linking.rows(coded, dup)
                if not _save(store, coded, report, fail, stored=article.key in stored, stories=rows):
                    linking.reload()  # the linker must not keep an article the database does not have
                stored.add(article.key)
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


def _code_aligned(coder: Any, articles: list[Article], fail: Callable[..., None]) -> list[CodedArticle | None]:
    """``_code`` with one entry per input article (None where coding failed), matched by article key in order."""
    keyed: dict[str, list[CodedArticle]] = {}
    for c in _code(coder, articles, fail):
        keyed.setdefault(c.article.key, []).append(c)
    return [keyed[a.key].pop(0) if keyed.get(a.key) else None for a in articles]


class _Linking:
    """The stories stages of ingest: duplicate lookup in the stored LSH index, and the event linker."""

    def __init__(self, store: Store, coder: Any) -> None:
        from ..stories.duplicates import THRESHOLD

        self.store, self.threshold = store, THRESHOLD
        self.nlp = getattr(coder, "nlp", None)
        if self.nlp is None:  # a coder without a pipeline (tests): tokenise only; dyadic events still link
            import spacy

            self.nlp = spacy.blank("en")
        self.reload()
        self._sigs: dict[str, tuple[str, list[tuple[int, str]]]] = {}

    def reload(self) -> None:
        """A linker over the stored state (tables: each article reads only what it needs)."""
        from ..stories.linker import EventLinker
        from .linker_index import TableIndex

        self.index = TableIndex(self.store.engine)
        self.linker = EventLinker(self.nlp, index=self.index)

    def check_duplicates(self, todo: list[Article]) -> dict[int, str]:
        """{position in todo: first copy} for the copies among ``todo`` (stored or earlier in the chunk)."""
        from ..stories.duplicates import (MIN_WORDS, DuplicateIndex, article_text, band_keys, signature,
                                          signature_hex, words)

        local = DuplicateIndex(self.threshold)
        out: dict[int, str] = {}
        self._sigs = {}
        for i, a in enumerate(todo):
            if len(words(a.text)) < MIN_WORDS:
                continue  # too short to tell a copy from a separate bulletin: never checked, never indexed
            sig = signature(article_text(a.title, a.text))
            bands = band_keys(sig)
            found = self.store.find_copy(bands, sig, exclude=a.key, threshold=self.threshold)
            near = local.find("", sig)
            if near is not None and near.first != a.key and (found is None or near.similarity > found[1]):
                found = (near.first, near.similarity)
            first = found[0] if found else a.key
            local.add(a.key, sig, first)
            if found:
                out[i] = first
            self._sigs[a.key] = (signature_hex(sig), bands)
        return out

    def _dup_rows(self, key: str, dup: str | None) -> dict[str, Any]:
        sig, bands = self._sigs.get(key, (None, []))
        return {"duplicate_of": dup, "signature": sig, "bands": bands}

    def copy_rows(self, key: str, dup: str) -> Any:
        from .store import StoriesRows

        return StoriesRows(**self._dup_rows(key, dup))

    def rows(self, coded: CodedArticle, dup: str | None) -> Any:
        """The article's duplicate-index rows and, unless it is a copy, its events' clusters and the linker's table writes."""
        import dataclasses

        from ..stories.linker import document_from_coded
        from .store import StoriesRows

        key = coded.article.key
        if dup is not None:  # a re-coded copy: stored, not linked (its events must not count twice)
            return StoriesRows(**self._dup_rows(key, dup))
        doc = document_from_coded(coded)
        # A changed article is a new document for the linker (the old version's reports are gone from the store).
        doc = dataclasses.replace(doc, id=f"{key}@{text_hash(coded.article)[:12]}")
        parsed = self.nlp(coded.text)
        with self.index.reading() as writes:
            links = self.linker.add(doc, parsed)
        return StoriesRows(**self._dup_rows(key, None), links=links, linker=writes)


def _save_copy(store: Store, article: Article, rows: Any, report: IngestReport, fail: Callable[..., None], *,
               stored: bool | None) -> None:
    key = article.key
    try:
        store.save_copy(article, report.run_id, rows, stored=stored)
        report.copies += 1
    except OperationalError as exc:
        raise StoreError(f"writing to {store.display_url} failed: {store.error_message(exc)}") from None
    except SQLAlchemyError as exc:
        fail(f"article {key}: could not be stored: {store.error_message(exc)}", article_id=key)


def _save(store: Store, coded: CodedArticle, report: IngestReport, fail: Callable[..., None], *,
          stored: bool | None, stories: Any = None) -> bool:
    key = coded.article.key
    try:
        try:
            report.events += store.save(coded, report.run_id, stored=stored, stories=stories)
        except IntegrityError:
            if stored is not False:
                raise
            # Stored meanwhile by another ingest into the same database: look it up and replace it.
            report.events += store.save(coded, report.run_id, stored=None, stories=stories)
        report.coded += 1
        if stories is not None and stories.duplicate_of:
            report.copies += 1
        return True
    except OperationalError as exc:  # the database itself is gone: stop, don't log thousands of failures
        raise StoreError(f"writing to {store.display_url} failed: {store.error_message(exc)}") from None
    except SQLAlchemyError as exc:
        fail(f"article {key}: could not be stored: {store.error_message(exc)}", article_id=key)
        return False
