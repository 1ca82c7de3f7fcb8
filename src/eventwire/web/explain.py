"""An event's codes in words, for the API (``explanation``) and the event page."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..actors.codes import describe as _describe_code
from ..events.lexicon import cameo_info
from .queries import QUAD_NAMES


@lru_cache(maxsize=4096)
def describe(code: str | None) -> str:
    """``actors.codes.describe``, cached (pages describe the same few codes many times)."""
    return _describe_code(code)


_BASIS = {
    "explicit": "an explicit date in the sentence",
    "relative": "a relative expression resolved against the publication date",
    "publication": "no date in the sentence, so the publication date",
    "none": "no date could be found",
}
_PRECISION = {"day": "to the day", "week": "to the week", "month": "to the month", "year": "to the year",
              "range": "as a range", "reported": "as the reporting date", "unknown": "unknown"}
_MODALITY = {
    "asserted": "reported as having happened",
    "reported": "a claim reported by someone",
    "intended": "planned or intended, not (yet) happened",
    "demanded": "demanded or called for",
    "hypothetical": "hypothetical or conditional",
    "negated": "said not to have happened",
    "historical": "a past event mentioned as background",
    "rejected": "rejected",
}


def _actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {"code": actor.get("code"), "text": actor.get("text"), "description": describe(actor.get("code")),
            "how": actor.get("how") or None}


def explain(record: dict[str, Any]) -> dict[str, Any]:
    """Plain-language account of a stored event record (``Event.to_dict()``)."""
    info = cameo_info(str(record.get("cameo", "")))
    source, target = _actor(record.get("source")), _actor(record.get("target"))
    action = info.name if info else f"CAMEO {record.get('cameo')}"
    quad = record.get("quad_class")
    date, basis = record.get("date"), record.get("date_basis") or "none"
    date_words = (f"{date} ({_PRECISION.get(record.get('date_precision') or '', record.get('date_precision'))}), "
                  f"from {_BASIS.get(basis, basis)}") if date else "undated"
    if record.get("date_text"):
        date_words += f": “{record['date_text']}”"
    who = source["description"] if source else "an unidentified actor"
    whom = target["description"] if target else "no identified target"
    attributed = _actor(record.get("attributed_to"))
    return {
        "summary": f"{who} → {action.lower()} → {whom}",
        "source": source,
        "target": target,
        "action": {"cameo": record.get("cameo"), "name": action, "plover": record.get("plover"),
                   "quad_class": quad, "quad_name": QUAD_NAMES.get(quad or 0, "unclassified"),
                   "goldstein": record.get("goldstein")},
        "modality": {"value": record.get("modality"),
                     "meaning": _MODALITY.get(record.get("modality") or "", record.get("modality"))},
        "date": {"value": date, "words": date_words, "basis": basis, "precision": record.get("date_precision"),
                 "text": record.get("date_text")},
        "attribution": attributed,
        "quote": record.get("quote"),
    }
