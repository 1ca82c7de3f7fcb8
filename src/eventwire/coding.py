"""The main flow: Article → clean → parse → actors → event candidates → quotes/dates/places → Events.

Everything that codes text (the Python API, the CLI, the HTTP API, the store's
ingest, the batch runner) calls ``Coder.code`` / ``Coder.code_many``. Each stage
is a separate, replaceable object or function: ``ActorResolver`` (actors/),
``EventExtractor`` (events/), ``find_quotes`` (quotes.py), ``resolve_event_date``
(dates.py), ``place_finder`` (places.py).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .actors.dictionary import ActorDictionary
from .actors.resolver import ActorResolver
from .clean import clean_text
from .conventions import CodingOptions, checked_options
from .dates import attached_dates, is_future_clause, is_past_clause, parse_date, resolve_event_date
from .errors import InputError
from .events.extractor import Candidate, EventExtractor
from .events.lexicon import cameo_info
from .events.modality import with_history
from .events.responses import answer_earlier
from .model import Article, CodedArticle, Event, Quote, Sentence
from .nlp import load_pipeline
from .places import PlaceMention, place_finder
from .quotes import find_quotes, quote_at
from .reading import SkippedArticleWarning, article_from_record, checked_article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


class Coder:
    """Codes articles into events. Build once (loads the model and dictionaries), reuse for many articles."""

    def __init__(self, nlp: "Language | None" = None, dictionary: ActorDictionary | None = None,
                 extractor: EventExtractor | None = None, *,
                 options: CodingOptions | dict[str, bool] | None = None) -> None:
        """``options``: the coding conventions (conventions.CodingOptions; defaults when None). Give either
        ``options`` or a ready ``extractor``, not both."""
        _check_stages(nlp, dictionary)
        if extractor is not None and options is not None:
            raise InputError("Coder takes options=... or extractor=..., not both: build the extractor with "
                             "CodingOptions(...).extractor()")
        self.nlp = nlp or load_pipeline()
        self.actors = ActorResolver(self.nlp, dictionary)
        self.extractor = extractor or checked_options(options).extractor()

    @property
    def options(self) -> CodingOptions:
        """The coding conventions this coder's extractor follows (read from the extractor, which may be changed)."""
        return CodingOptions.of(self.extractor)

    # ---- public -------------------------------------------------------------
    def code(self, article: Article) -> CodedArticle:
        """Code one article; InputError if it cannot be (a text that is not a str or is too long, a bad date)."""
        text, article = self._prepare(article)
        return self._code_doc(article, text, self.nlp(text))

    def code_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        """Code a stream of articles with spaCy's batched ``nlp.pipe``; yields one per article, in input order.

        An article that cannot be coded raises InputError when it is reached (the ones before it have been
        yielded); ``eventwire.code_many`` skips it with a warning instead.
        """
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a whole number of at least 1, not {batch_size!r}")
        prepared = (self._prepare(a) for a in articles)
        for doc, article in self.nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
            yield self._code_doc(article, doc.text, doc)

    # ---- stages -------------------------------------------------------------
    @staticmethod
    def _prepare(article: Article) -> tuple[str, Article]:
        """The cleaned text to parse and the checked article (reading.checked_article: lone surrogates replaced)."""
        article = checked_article(article, empty_ok=True)
        return clean_text(article.text), article

    def _code_doc(self, article: Article, text: str, doc: "Doc") -> CodedArticle:
        doc.user_data.setdefault("eventwire.text", text)  # quotes/places read it; doc.text re-joins every token
        mentions = self.actors.resolve(doc, article.date)
        quotes = tuple(find_quotes(doc, mentions))
        places = place_finder().mentions(doc)
        sentences: list[Sentence] = []
        events: list[Event] = []
        seen: set[str] = set()
        earlier: list[Candidate] = []  # the article's events so far, for responses to them ("rejected the demand")
        for index, sent in enumerate(doc.sents):
            sentences.append(Sentence(index, sent.text, sent.start_char, sent.end_char))
            for cand in self.extractor.extract(sent, mentions):
                cand = answer_earlier(cand, earlier)
                earlier.append(cand)
                event = self._event(article, index, sent, cand, quotes, places, self._terms(cand))
                if event.id not in seen:
                    seen.add(event.id)
                    events.append(event)
        return CodedArticle(article, text, tuple(sentences), tuple(events), quotes)

    def _terms(self, cand: Candidate) -> list[tuple[dt.date, dt.date | None]]:
        """Terms of office of the event's source person (government-sector dictionary periods), for 'first term'."""
        actor = cand.source
        if actor is None or not actor.name or not actor.how.startswith(("dictionary:person", "surname")):
            return []
        periods = [(e.valid_from, e.valid_to) for e in self.actors.dictionary.candidates(actor.name)
                   if e.valid_from is not None and e.sector == "GOV"]
        return sorted(set(periods), key=lambda p: p[0])

    @staticmethod
    def _event(article: Article, index: int, sent: "Span", cand: Candidate, quotes: tuple[Quote, ...] = (),
               places: list[PlaceMention] | None = None,
               terms: list[tuple[dt.date, dt.date | None]] | None = None) -> Event:
        spans = _date_spans(sent, cand)
        tense_of = spans[0].root if spans else cand.trigger  # the clause the date belongs to
        when = resolve_event_date([s.text for s in spans], article.date, future=is_future_clause(tense_of),
                                  past=is_past_clause(tense_of), terms=terms)
        quote = quote_at(quotes, cand.trigger.idx)
        located = place_finder().event_location(cand.trigger, places) if places else []
        info = cameo_info(cand.cameo)
        return Event(
            article_id=article.key,
            sentence_index=index,
            sentence=sent.text,
            source=cand.source,
            target=cand.target,
            cameo=cand.cameo,
            plover=info.plover if info else None,
            modality=with_history(cand.modality, when.date, article.date, when.basis),
            negated=cand.negated,
            date=when.date,
            date_end=when.date_end,
            date_precision=when.precision,
            date_basis=when.basis,
            date_text=when.text,
            attributed_to=cand.attributed_to or (quote.speaker if quote else None),
            quote=quote.text if quote else None,
            channel=quote.channel if quote else None,
            place=located[0].place if located else None,
            trigger=cand.trigger.text,
            quad_class=info.quad_class if info else None,
            goldstein=info.goldstein if info else None,
            confidence=_confidence(cand),
            evidence=cand.evidence,
        )


def _check_stages(nlp: object, dictionary: object) -> None:
    """Clear errors for the stage arguments a user is most likely to pass as a name or path."""
    if nlp is not None and not callable(getattr(nlp, "pipe", None)):
        raise InputError(f"Coder(nlp=...) takes a loaded spaCy pipeline, not a {type(nlp).__name__}: "
                         f"Coder(nlp=eventwire.nlp.load_pipeline(name)), or set EVENTWIRE_SPACY_MODEL")
    if dictionary is not None and not isinstance(dictionary, ActorDictionary):
        raise InputError(f"Coder(dictionary=...) takes an ActorDictionary, not a {type(dictionary).__name__}: "
                         f"Coder(dictionary=eventwire.actors.dictionary.load_dictionary(['mine.tsv']))")


def _coder(coder: object, options: object = None) -> Coder:
    """The coder to use: the given one, or the process-wide default for ``options``."""
    if coder is not None and options is not None:
        raise InputError("give coder=... or options=..., not both: build the coder with Coder(options=...)")
    if coder is None:
        return default_coder() if options is None else default_coder(checked_options(options))
    if not isinstance(coder, Coder):
        raise InputError(f"coder must be an eventwire.Coder, not a {type(coder).__name__}")
    return coder


def _date_spans(sent: "Span", cand: Candidate) -> list["Span"]:
    """DATE entities (and 'his first term' phrases) attached to the trigger, nearest first (indexed per doc)."""
    return attached_dates(sent, cand.trigger)


def _confidence(cand: Candidate) -> float:
    score = 0.4
    if cand.source is not None and cand.source.code:
        score += 0.25
    if cand.target is not None and cand.target.code:
        score += 0.25
    if cand.evidence.get("source_rule") in ("subject", "passive agent"):
        score += 0.1
    return round(min(score, 1.0), 2)


def default_coder(options: CodingOptions | dict[str, bool] | None = None) -> Coder:
    """A Coder with the default pipeline and dictionaries, built once per process (and per set of options;
    the spaCy pipeline and dictionaries are shared)."""
    return _default_coder(checked_options(options))


@lru_cache(maxsize=4)
def _default_coder(options: CodingOptions) -> Coder:
    return Coder(options=options)


def code(text: str, date: str | dt.date | None = None, *, source: str | None = None, id: str = "",
         url: str | None = None, title: str | None = None, coder: Coder | None = None,
         options: CodingOptions | dict[str, bool] | None = None) -> list[Event]:
    """Code one text; returns its events. ``date`` is the publication date (YYYY-MM-DD).

    ``options``: coding conventions (``CodingOptions(implied_agents=True)``), for the process-wide coder of those
    options; or pass your own ``coder``."""
    if not isinstance(text, str):
        hint = "; decode it first (bytes.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise InputError(f"text must be a str, not {type(text).__name__}{hint}")
    if not text.strip():
        raise InputError("the text is empty")
    article = checked_article(Article(text=text, date=parse_date(date), id=id, source=source, url=url,
                                      title=title))
    return list(_coder(coder, options).code(article).events)


def code_many(articles: Iterable[Article | dict], coder: Coder | None = None, batch_size: int = 32, *,
              strict: bool = False, options: CodingOptions | dict[str, bool] | None = None) -> Iterator[Event]:
    """Code many articles (Article objects or dicts with text/date/...); streams their events.

    An article that cannot be coded (no text, a text longer than MAX_ARTICLE_CHARS, a bad date) is skipped
    with a ``SkippedArticleWarning`` naming its position and id, and the others are coded, as the CLI skips a
    bad record of a batch; ``strict=True`` raises InputError instead. An item that is neither a dict nor an
    Article raises InputError. ``options``: coding conventions, as for ``code``.
    """
    if isinstance(articles, (str, bytes, dict, Article)) or not isinstance(articles, Iterable):
        raise InputError(f"code_many takes an iterable (a list, a generator) of dicts or eventwire.Article "
                         f"objects, not a {type(articles).__name__}; for one text use eventwire.code(text)")
    for coded in _coder(coder, options).code_many(_checked_articles(articles, strict), batch_size=batch_size):
        yield from coded.events


def _checked_articles(articles: Iterable[Article | dict], strict: bool) -> Iterator[Article]:
    """The usable articles of code_many's input; the others are reported (warning) or raised (strict)."""
    for i, item in enumerate(articles):
        where = f"article {i + 1} of code_many"
        if not isinstance(item, (dict, Article)):
            raise InputError(f"{where} is a {type(item).__name__}; give dicts with a 'text' field or "
                             f"eventwire.Article objects (for one text use eventwire.code(text))")
        try:
            if isinstance(item, Article):
                yield checked_article(item)
            else:
                yield article_from_record(item, default_date=None, default_source=None, fallback_id=f"article-{i + 1}")
        except InputError as exc:  # the events of the articles before it have been streamed already
            if strict:
                raise type(exc)(f"{where}: {exc}") from None
            warnings.warn(f"{where} skipped: {exc}", SkippedArticleWarning)
