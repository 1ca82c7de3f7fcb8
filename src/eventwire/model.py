"""The records eventwire reads and writes.

Every stage of the pipeline consumes and produces these frozen dataclasses; the
JSONL output is ``Event.to_dict()`` (see docs/output-format.md — a public contract:
fields may be added, never renamed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """The text with lone UTF-16 surrogates (JSON escapes like "\\ud800", invalid in UTF-8) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def _utf8(text: str) -> bytes:
    """The text as UTF-8 for hashing; lone UTF-16 surrogates (which UTF-8 cannot hold) count as U+FFFD, as
    ``reading.checked_text`` replaces them, so a raw and a checked article have one key. Other text hashes as
    it always did: stored keys stay valid."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return without_lone_surrogates(text).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article to code.

    text: the article body (plain text; HTML is converted before this point).
    date: publication date, used to resolve relative dates and actor roles.
    """

    text: str
    date: dt.date | None = None
    id: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        """The article id, or a content hash when none was given."""
        return self.id or "sha1:" + hashlib.sha1(_utf8(self.text)).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention.

    code: full CAMEO/Phoenix-style code, country (or organisation) + sectors, e.g. "USAGOV".
    country: ISO 3166 alpha-3 code or an organisation code ("NATO", "UN"); None if unknown.
    sector: primary sector/role code ("GOV", "MIL", ...) or None.
    text: the mention as written; start/end: character offsets in the cleaned article text.
    how: how it was resolved (e.g. "dictionary:person", "country-adjective", "ner+title").
    """

    code: str | None
    text: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None
    how: str = ""
    entity_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # "country", "region", "city", "site"
    how: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or attributed statement in an article."""

    text: str
    speaker: Actor | None
    direct: bool
    channel: str | None = None
    verb: str | None = None
    sentence_indices: tuple[int, ...] = ()
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentence_indices"] = list(self.sentence_indices)
        return d


MODALITIES = ("asserted", "reported", "intended", "demanded", "hypothetical", "negated", "historical", "rejected")


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when, where, according to whom."""

    article_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str | None = None
    modality: str = "asserted"
    negated: bool = False
    date: str | None = None
    date_end: str | None = None
    date_precision: str = "reported"
    date_basis: str = "publication"
    date_text: str | None = None
    place: Place | None = None
    quote: str | None = None
    attributed_to: Actor | None = None
    channel: str | None = None
    trigger: str = ""
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.content_id())

    def content_id(self) -> str:
        """Deterministic id: a hash of what the event says, so re-coding is idempotent."""
        parts = [
            self.article_id,
            str(self.sentence_index),
            (self.source.code or "") if self.source else "",
            self.source.text if self.source else "",
            (self.target.code or "") if self.target else "",
            self.target.text if self.target else "",
            self.cameo,
            self.trigger,
            self.modality,
        ]
        return "ev_" + hashlib.sha1(_utf8("\x1f".join(parts))).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record (public contract; see docs/output-format.md)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if hasattr(value, "to_dict") else value
        return {"id": out.pop("id"), **out}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned article text; start/end are character offsets into it."""

    index: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything coding one article produced: what the store, API and batch runner keep."""

    article: Article
    text: str  # the cleaned text that sentence offsets refer to
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()
