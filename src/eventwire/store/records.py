"""Converting between eventwire's records (model.py) and database rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from ..model import Actor, Article, Event, Place

_EVENT_FIELDS = {f.name for f in fields(Event)}
_ACTOR_FIELDS = {f.name for f in fields(Actor)}
_PLACE_FIELDS = {f.name for f in fields(Place)}


def text_hash(article: Article) -> str:
    """sha256 of what decides the coding: the publication date and the article text."""
    date = article.date.isoformat() if article.date else ""
    return hashlib.sha256(f"{date}\x1f{article.text}".encode("utf-8")).hexdigest()


def actor_id(article_id: str, actor: Actor) -> str:
    """A stable id for one actor mention in one article."""
    key = "\x1f".join([article_id, str(actor.start), str(actor.end), actor.text, actor.code or "", actor.how])
    return "ac_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def actor_row(article_id: str, actor: Actor) -> dict[str, Any]:
    return {"id": actor_id(article_id, actor), "article_id": article_id, "code": actor.code, "text": actor.text,
            "country": actor.country, "sector": actor.sector, "name": actor.name, "start_char": actor.start,
            "end_char": actor.end, "how": actor.how or "", "entity_id": actor.entity_id}


def event_row(event: Event, article_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event.id, "article_id": article_id, "sentence_index": event.sentence_index,
        "sentence": event.sentence, "cameo": event.cameo, "cameo_root": event.cameo[:2], "plover": event.plover,
        "quad_class": event.quad_class, "goldstein": event.goldstein, "modality": event.modality,
        "negated": bool(event.negated), "date": event.date, "date_end": event.date_end,
        "date_precision": event.date_precision, "date_basis": event.date_basis,
        "place_name": event.place.name if event.place else None,
        "place_country": event.place.country if event.place else None,
        "trigger": event.trigger, "confidence": event.confidence,
        "attributed_actor_id": actor_id(article_id, event.attributed_to) if event.attributed_to else None,
        "attributed_code": event.attributed_to.code if event.attributed_to else None,
        "record": json.dumps(event.to_dict(), ensure_ascii=False, default=str),
    }
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        row[f"{role}_actor_id"] = actor_id(article_id, actor) if actor else None
        for name in ("code", "country", "sector", "text", "name"):
            row[f"{role}_{name}"] = getattr(actor, name) if actor else None
    return row


def event_from_record(record: str | dict[str, Any]) -> Event:
    """Rebuild an Event from its stored JSON record (fields this version does not know are ignored)."""
    d = json.loads(record) if isinstance(record, str) else dict(record)
    for key in ("source", "target", "attributed_to"):
        if d.get(key) is not None:
            d[key] = Actor(**{k: v for k, v in d[key].items() if k in _ACTOR_FIELDS})
    if d.get("place") is not None:
        d["place"] = Place(**{k: v for k, v in d["place"].items() if k in _PLACE_FIELDS})
    return Event(**{k: v for k, v in d.items() if k in _EVENT_FIELDS})
